import { foldText } from './foldText.js';

/**
 * Whether `needle` appears in `haystack` once both are folded. Spaced scripts must match whole
 * words ("no" is not inside "nucleus"); CJK text has no word breaks, so any substring counts.
 */
export function containsFolded(haystack: string, needle: string): boolean {
  const h = foldText(haystack);
  const n = foldText(needle);
  if (!n) return false;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(n)) return h.includes(n);
  return ` ${h} `.includes(` ${n} `);
}
