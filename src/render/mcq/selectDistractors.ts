import { containsFolded } from './containsFolded.js';
import { foldText } from './foldText.js';
import { isCatchAll } from './isCatchAll.js';
import { isUsableDistractor } from './isUsableDistractor.js';
import { measureLength } from './measureLength.js';

export interface DistractorRequest {
  key: string;
  stem: string;
  /** Candidate pools, best first: same column/list/section, then the same kind elsewhere. */
  tiers: readonly (readonly string[])[];
  /** Most distractors wanted (3 gives four options). */
  max?: number;
  /** Fewest acceptable; below it there is no question at all. */
  min?: number;
  /** Extra, generator-specific reason to refuse a candidate. */
  reject?: (candidate: string) => boolean;
}

export interface DistractorChoice {
  distractors: string[];
  /** Tier index each distractor came from, aligned with `distractors`. */
  tiers: number[];
}

/**
 * Picks wrong options by the item-writing rules: same kind, same script and value class as the
 * key, about the same length, never equal to the key or to each other after folding, never already
 * written in the stem. Closer pools are exhausted first; inside a pool, closer lengths win.
 * Returns null when fewer than `min` good candidates exist: no padding, no "all of the above".
 */
export function selectDistractors(request: DistractorRequest): DistractorChoice | null {
  const max = request.max ?? 3;
  const min = request.min ?? 2;
  const key = request.key.trim();
  const keyFold = foldText(key);
  // A key already written in the stem answers itself.
  if (!keyFold || isCatchAll(key) || containsFolded(request.stem, key)) return null;
  const keyLength = measureLength(key);
  const seen = new Set<string>([keyFold]);
  const chosen: DistractorChoice = { distractors: [], tiers: [] };
  request.tiers.forEach((pool, tier) => {
    if (chosen.distractors.length >= max) return;
    const accepted: { text: string; distance: number; order: number }[] = [];
    pool.forEach((raw, order) => {
      const text = raw.trim();
      const fold = foldText(text);
      if (!fold || seen.has(fold) || isCatchAll(text) || !isUsableDistractor(key, text)) return;
      const ratio = measureLength(text) / keyLength;
      if (containsFolded(request.stem, text)) return;
      if (request.reject?.(text)) return;
      seen.add(fold);
      accepted.push({ text, distance: Math.abs(Math.log(ratio)), order });
    });
    accepted.sort((a, b) => a.distance - b.distance || a.order - b.order);
    for (const a of accepted) {
      if (chosen.distractors.length >= max) break;
      chosen.distractors.push(a.text);
      chosen.tiers.push(tier);
    }
  });
  return chosen.distractors.length >= min ? chosen : null;
}
