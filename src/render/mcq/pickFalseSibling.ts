import { classifyValue } from './classifyValue.js';
import { detectScript } from './detectScript.js';
import { foldText } from './foldText.js';
import { isCatchAll } from './isCatchAll.js';
import { measureLength } from './measureLength.js';

/**
 * The sibling that turns a true statement false when no multiple-choice item can be made: the first
 * one, closest pool and length first, that differs from the key after folding and is of the same script and
 * kind of value (length does not matter, only one value is shown). Null when there is none.
 */
export function pickFalseSibling(key: string, tiers: readonly (readonly string[])[]): string | null {
  const keyFold = foldText(key);
  if (!keyFold) return null;
  const keyLength = measureLength(key);
  const gap = (text: string) => Math.abs(Math.log(measureLength(text) / keyLength));
  for (const pool of tiers) {
    // Closest length first: the false statement should read as plausibly as the true one.
    const ordered = pool.map((raw, order) => ({ raw, order })).sort((a, b) => gap(a.raw.trim()) - gap(b.raw.trim()) || a.order - b.order);
    for (const { raw } of ordered) {
      const text = raw.trim();
      const fold = foldText(text);
      if (!fold || fold === keyFold || isCatchAll(text)) continue;
      if (detectScript(text) !== detectScript(key) || classifyValue(text) !== classifyValue(key)) continue;
      return text;
    }
  }
  return null;
}
