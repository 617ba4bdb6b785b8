import { ITEM_COLLECTIONS, type Coverage, type StudyDocument } from '../model/StudyDocument.js';

/** Words as coverage counts them: each Han character, or a run of letters and digits (NFKC, lower case). */
const WORD = /[\p{Script=Han}]|[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  // Printable ASCII is its own NFKC form, and its words are runs of letters and digits.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return text.normalize('NFKC').toLowerCase().match(/[\p{Script=Han}]|[\p{L}\p{N}]+/gu) ?? [];
}

/** Every string of a value, keys that are not notes' text (ids, positions, reasons) left out. */
function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (!SKIPPED_KEYS.has(key)) strings(v, out);
  }
}
// `rich` twins the plain fields; `attached` code and pictures are not words of the notes.
const SKIPPED_KEYS = new Set(['id', 'source', 'line', 'column', 'page', 'slide', 'endLine', 'legendOf', 'reason', 'rich', 'attached']);

/**
 * How much of the notes reached an item: the share of their words (CJK: characters) found in the
 * model's items, each word counted as often as it occurs; fenced code, comments and lines dropped
 * as boilerplate are left out. A line none of whose words reached an item is unused.
 */
export function measureCoverage(doc: StudyDocument, lines: readonly string[], lineNumbers: readonly number[], notNotes: ReadonlySet<number>): Coverage {
  const pool = new Map<string, number>();
  const texts: string[] = [doc.title];
  strings(doc.sections.map((s) => s.text), texts);
  for (const kind of ITEM_COLLECTIONS) strings(doc[kind], texts);
  // One pass over all the items' text at once: far fewer calls than a pass per string.
  for (const w of words(texts.join('\n'))) pool.set(w, (pool.get(w) ?? 0) + 1);

  const dropped = new Set(doc.dropped.map((d) => d.line));
  let total = 0;
  let covered = 0;
  const unused: Coverage['unused'] = [];
  // A line pasted twice reaches the item it gave once: the copy counts as its first occurrence did.
  const seen = new Map<string, number>();
  // Folded once for the whole notes rather than line by line (NFKC keeps line ends where they are).
  const folded = lines.join('\n').normalize('NFKC').toLowerCase().split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lineNumbers[i];
    if (notNotes.has(line) || dropped.has(line)) continue;
    const ws = folded[i].match(WORD) ?? [];
    if (ws.length === 0) continue;
    const copy = ws.join(' ');
    let hit = seen.get(copy) ?? -1;
    if (hit < 0) {
      hit = 0;
      for (const w of ws) {
        const n = pool.get(w);
        if (n) {
          hit++;
          pool.set(w, n - 1);
        }
      }
      seen.set(copy, hit);
    }
    total += ws.length;
    covered += hit;
    if (hit === 0) {
      const last = unused[unused.length - 1];
      if (last && last.to === line - 1) last.to = line;
      else unused.push({ from: line, to: line });
    }
  }
  return { words: total, covered, unused };
}
