/**
 * Sentences of a line of prose: cut after `.`, `!`, `?`, `…` followed by a space and a capital (or
 * a digit or an opening quote), and after `。`, `！`, `？`, `；`. Abbreviations (`p. ex.`, `e.g.`,
 * `M. Dupont`, a single initial) are not ends. Linear: one scan.
 */
// A run of marks is tried from its first mark only (the lookbehinds): a long run of dots is one try.
const END = /(?<![.!?…])([.!?…]+["»”’)]?)(\s+)(?=["«“‘(]?[\p{Lu}\p{N}])|(?<![。！？；])([。！？；]+["”’」』)）]?)/gu;
const ABBREVIATION = /(?:^|[\s(])(?:[\p{Lu}]|p|ex|cf|etc|vs|env|av|apr|J\.-C|e\.g|i\.e|n°|no|Mr|Mrs|Dr|Pr|St|M|Mme|Mlle|fig|chap|vol|art)\.$/u;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(END)) {
    const endOfMark = (m.index ?? 0) + (m[1] ?? m[3]).length;
    const head = text.slice(start, endOfMark);
    if (m[1] && ABBREVIATION.test(head.slice(-12))) continue;
    if (head.trim()) out.push(head.trim());
    start = endOfMark + (m[2]?.length ?? 0);
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
