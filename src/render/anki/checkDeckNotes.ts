import { RUNNING_TEXT_LIMIT } from '../quality/splitRunningText.js';
import type { AnkiNote } from './AnkiNote.js';

export type DeckRule = 'same-front' | 'term-on-prompt' | 'empty-field' | 'long-running-text' | 'field-separator';

export interface DeckViolation {
  guid: string;
  /** Line of the notes item, read back from the Source field (`file:line`). */
  line: number | undefined;
  rule: DeckRule;
  message: string;
}

/** What a reader compares: no markup, no punctuation or spaces, case and width folded, 的/之 dropped. */
const fold = (html: string) =>
  html
    .replace(/\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?\w+;/g, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[的之]/g, '')
    .replace(/[\p{P}\p{S}\s]+/gu, '');

/** Longest run of text between two tags, in characters. */
function longestRun(html: string): number {
  let longest = 0;
  for (const run of html.split(/<[^>]*>/)) longest = Math.max(longest, [...run.replace(/&#?\w+;/g, '.')].length);
  return longest;
}

/**
 * Rules a finished deck must keep, whatever built it (the same questions a student would ask):
 * no two notes with the same front, no definition whose definition side shows its term, no
 * empty field a card shows, no running text much past 300 characters, no Anki field separator.
 */
export function checkDeckNotes(notes: readonly AnkiNote[]): DeckViolation[] {
  const out: DeckViolation[] = [];
  const fronts = new Map<string, string>();
  for (const n of notes) {
    const line = Number(/:(\d+)$/.exec(n.fields[3] ?? '')?.[1]) || undefined;
    const flag = (rule: DeckRule, message: string) => out.push({ guid: n.guid, line, rule, message });
    const front = fold(n.fields[0] ?? '');
    const held = fronts.get(front);
    if (front && held !== undefined) flag('same-front', `the front is the same as note ${held}'s`);
    if (front) fronts.set(front, n.guid);
    if (!front) flag('empty-field', 'the front is empty');
    if (n.type !== 'cloze' && !fold(n.fields[1] ?? '')) flag('empty-field', 'the back is empty');
    if (n.type === 'definition' && front.length >= 2 && fold(n.fields[1] ?? '').includes(front)) flag('term-on-prompt', 'the definition side shows the term');
    for (const f of n.fields.slice(0, 2)) if (longestRun(f) > RUNNING_TEXT_LIMIT * 1.2) flag('long-running-text', `${longestRun(f)} characters of running text`);
    if (n.fields.some((f) => f.includes('\x1f'))) flag('field-separator', 'a field holds U+001F');
  }
  return out;
}
