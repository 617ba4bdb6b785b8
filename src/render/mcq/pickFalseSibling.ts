import { classifyValue } from './classifyValue.js';
import { detectScript } from './detectScript.js';
import { DistractorPool } from './DistractorPool.js';
import { foldText } from '../quality/foldText.js';
import { isCatchAll } from './isCatchAll.js';
import { isSymbolAnswer } from '../quality/isSymbolAnswer.js';
import { measureLength } from '../quality/measureLength.js';
import type { CandidateTier } from './selectDistractors.js';

/** Small lists are taken whole; past this, the first candidates stand for the list (bounded work). */
const LIST_LIMIT = 200;

/**
 * The sibling that turns a true statement false when no multiple-choice item can be made: the first
 * one, closest pool and length first, that differs from the key after folding and is of the same
 * script and kind of value (length does not matter much, only one value is shown), and that
 * `reject` does not call true of the statement. Null when there is none.
 */
export function pickFalseSibling(key: string, tiers: readonly CandidateTier[], reject?: (candidate: string) => boolean): string | null {
  const keyFold = foldText(key);
  if (!keyFold) return null;
  const keyLength = measureLength(key);
  const gap = (text: string) => Math.abs(Math.log(measureLength(text) / keyLength));
  for (const pool of tiers) {
    const ordered =
      pool instanceof DistractorPool
        ? [...pool.nearest(key)]
        : pool
            .slice(0, LIST_LIMIT)
            .map((raw, order) => ({ raw, order }))
            // Closest length first: the false statement should read as plausibly as the true one.
            .sort((a, b) => gap(a.raw.trim()) - gap(b.raw.trim()) || a.order - b.order)
            .map((x) => x.raw);
    for (const raw of ordered) {
      const text = raw.trim();
      const fold = foldText(text);
      if (!fold || fold === keyFold || isCatchAll(text) || isSymbolAnswer(text)) continue;
      if (detectScript(text) !== detectScript(key) || classifyValue(text) !== classifyValue(key)) continue;
      if (reject?.(text)) continue;
      return text;
    }
  }
  return null;
}
