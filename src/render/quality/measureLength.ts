import { memoizeText } from './memoizeText.js';
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * Option length in the unit readers perceive: characters for CJK (no spaces between words), words
 * for Latin and other spaced scripts. A Latin word inside Chinese text counts as one character.
 */
function measureLengthUncached(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = text.replace(CJK, ' ');
  const words = rest.split(/[\s\p{P}\p{S}]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, cjk + words);
}

export const measureLength = memoizeText(measureLengthUncached);
