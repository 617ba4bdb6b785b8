import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type HyphenateSync = (text: string, options?: { minWordLength?: number }) => string;

/** Languages whose patterns ship with the `hyphen` package and are worth loading for a sheet. */
const LANGUAGES = new Set(['fr', 'en', 'de', 'es', 'it', 'pt', 'nl']);

/**
 * A function that puts soft hyphens (U+00AD) into the words of a text, where the language's
 * TeX patterns allow a break; null for languages without patterns (Chinese needs none). Only plain
 * words of letters are touched: URLs, codes, numbers and acronyms are left whole.
 */
export function hyphenator(language: string): ((text: string) => string) | null {
  const lang = language.split('-')[0].toLowerCase();
  if (!LANGUAGES.has(lang)) return null;
  let hyphenate: HyphenateSync;
  try {
    hyphenate = (require(`hyphen/${lang}`) as { hyphenateSync: HyphenateSync }).hyphenateSync;
  } catch {
    return null;
  }
  return (text) =>
    text.replace(/[^\s\u00a0\u202f]+/g, (token) => {
      const word = /^([(«“"'‘]*)([\p{Ll}\p{Lu}][\p{Ll}’']+(?:-[\p{L}’']+)*)([)»”"'’.,;:!?]*)$/u.exec(token);
      if (!word || word[2].length < 7) return token;
      return word[1] + hyphenate(word[2], { minWordLength: 7 }) + word[3];
    });
}
