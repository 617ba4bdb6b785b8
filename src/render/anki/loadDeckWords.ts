import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_TEMPLATES_DIR } from './loadCardTemplates.js';

/** Words revise writes into notes it composes (outline and table prompts, the term blank). */
export interface DeckWords {
  blank: string;
  outlinePrompt: string;
  tablePrompt: string;
  listJoin: string;
  answerLabel: string;
}

const cache = new Map<string, DeckWords>();

/** English, then the language's built-in words, then `<templatesDir>/anki/words/<lang>.json`. */
export function loadDeckWords(language: string, templatesDir: string | null): DeckWords {
  const lang = language.toLowerCase().split(/[-_]/)[0];
  const key = `${lang}\u0000${templatesDir ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const read = (path: string) => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<DeckWords>) : {});
  const words = {
    ...(read(join(BUILT_IN_TEMPLATES_DIR, 'words', 'en.json')) as DeckWords),
    ...read(join(BUILT_IN_TEMPLATES_DIR, 'words', `${lang}.json`)),
    ...(templatesDir ? read(join(templatesDir, 'anki', 'words', `${lang}.json`)) : {}),
  };
  if (cache.size > 64) cache.clear();
  cache.set(key, words);
  return words;
}

/** Fills `{{name}}` slots with plain text (the caller escapes the result). */
export function fillWords(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{\{(\w+)\}\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
