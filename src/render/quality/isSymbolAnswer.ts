import { memoizeText } from './memoizeText.js';

/**
 * An answer that is a single letter or a bare symbol ("E", "m", "√", "→"): a formula legend or a
 * list marker read as a term. Nobody studies "which term means 'the whole'? — E / m / r / t".
 * A single digit is a real value (a count of moons), and a single CJK character is a word.
 */
function isSymbolAnswerUncached(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (!/[\p{L}\p{N}]/u.test(t)) return true;
  const letters = t.match(/\p{L}/gu) ?? [];
  const digits = t.match(/\p{N}/gu) ?? [];
  if (digits.length > 0 || letters.length !== 1) return false;
  return !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(letters[0]);
}

export const isSymbolAnswer = memoizeText(isSymbolAnswerUncached);
