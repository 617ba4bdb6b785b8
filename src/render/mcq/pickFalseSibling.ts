import { classifyValue } from './classifyValue.js';
import { detectScript } from './detectScript.js';
import { foldText } from './foldText.js';
import { isCatchAll } from './isCatchAll.js';

/**
 * The sibling that turns a true statement false when no multiple-choice item can be made: the first
 * one, closest pool first, that differs from the key after folding and is of the same script and
 * kind of value (length does not matter, only one value is shown). Null when there is none.
 */
export function pickFalseSibling(key: string, tiers: readonly (readonly string[])[]): string | null {
  const keyFold = foldText(key);
  if (!keyFold) return null;
  for (const pool of tiers) {
    for (const raw of pool) {
      const text = raw.trim();
      const fold = foldText(text);
      if (!fold || fold === keyFold || isCatchAll(text)) continue;
      if (detectScript(text) !== detectScript(key) || classifyValue(text) !== classifyValue(key)) continue;
      return text;
    }
  }
  return null;
}
