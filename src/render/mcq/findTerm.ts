const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Index of the first case-insensitive occurrence of `term` in `text` from `from` on, as a whole word
 * in spaced scripts (any substring in CJK), or -1. Plain string search rather than a regular
 * expression built per term: compiling Unicode classes for every term of a long document is slow.
 */
export function findTerm(text: string, term: string, from = 0): number {
  if (!term) return -1;
  const hay = text.toLowerCase();
  const needle = term.toLowerCase();
  // Lower-casing that changes lengths (rare ligatures) would misplace indices: exact search only.
  const exact = hay.length !== text.length || needle.length !== term.length;
  const h = exact ? text : hay;
  const n = exact ? term : needle;
  const anywhere = CJK.test(term);
  for (let i = h.indexOf(n, from); i !== -1; i = h.indexOf(n, i + 1)) {
    if (anywhere) return i;
    const before = i > 0 ? text[i - 1] : '';
    const after = text[i + n.length] ?? '';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return i;
  }
  return -1;
}
