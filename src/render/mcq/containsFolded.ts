import { foldText } from '../quality/foldText.js';
import { memoizeText } from '../quality/memoizeText.js';

const padded = memoizeText((text: string) => ` ${foldText(text)} `);
const isCjk = memoizeText((text: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text));

/**
 * Whether `needle` appears in `haystack` once both are folded. Spaced scripts must match whole
 * words ("no" is not inside "nucleus"); CJK text has no word breaks, so any substring counts.
 */
export function containsFolded(haystack: string, needle: string): boolean {
  const n = foldText(needle);
  if (!n) return false;
  if (isCjk(n)) return foldText(haystack).includes(n);
  return padded(haystack).includes(padded(needle));
}
