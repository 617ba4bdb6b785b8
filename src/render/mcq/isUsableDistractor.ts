import { classifyValue } from './classifyValue.js';
import { detectScript } from './detectScript.js';
import { foldText } from '../quality/foldText.js';
import { measureLength } from '../quality/measureLength.js';

/** Length ratio outside this band makes the odd option stand out (quiz.md). */
export const LENGTH_RATIO_MIN = 0.5;
export const LENGTH_RATIO_MAX = 2;

/**
 * The rules a wrong option must meet whatever the question's wording: not the key once case,
 * accents and width are folded; same script; same kind of value (number, yes/no, text); length
 * within [0.5, 2] of the key's (characters for CJK, words otherwise).
 */
export function isUsableDistractor(key: string, candidate: string): boolean {
  const fold = foldText(candidate);
  if (!fold || fold === foldText(key)) return false;
  if (detectScript(candidate) !== detectScript(key)) return false;
  if (classifyValue(candidate) !== classifyValue(key)) return false;
  const ratio = measureLength(candidate) / measureLength(key);
  return ratio >= LENGTH_RATIO_MIN && ratio <= LENGTH_RATIO_MAX;
}
