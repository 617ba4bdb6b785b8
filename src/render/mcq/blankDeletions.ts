const ANKI_CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export interface ClozeBlank {
  /** The sentence with every deletion of one cloze number blanked and the others shown. */
  text: string;
  hidden: string;
  hint: string;
  number: number;
}

/**
 * One blank per cloze number, in reading order: `{{c1::…}}` twice hides both places at once, as in
 * Anki. Numbers whose deletions differ in text have no single key and are left out.
 */
export function blankDeletions(cloze: string, blank: string): ClozeBlank[] {
  const found = [...cloze.matchAll(ANKI_CLOZE)].map((m) => ({ number: Number(m[1]), hidden: m[2].trim(), hint: (m[3] ?? '').trim() }));
  const numbers = [...new Set(found.map((f) => f.number))];
  const out: ClozeBlank[] = [];
  for (const number of numbers) {
    const mine = found.filter((f) => f.number === number);
    if (new Set(mine.map((f) => f.hidden)).size !== 1 || !mine[0].hidden) continue;
    const text = cloze.replace(ANKI_CLOZE, (_, n: string, hidden: string) => (Number(n) === number ? blank : hidden));
    out.push({ text, hidden: mine[0].hidden, hint: mine.find((f) => f.hint)?.hint ?? '', number });
  }
  return out;
}
