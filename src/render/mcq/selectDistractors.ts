import { containsFolded } from './containsFolded.js';
import { DistractorPool } from './DistractorPool.js';
import { foldText } from '../quality/foldText.js';
import { isCatchAll } from './isCatchAll.js';
import { isSymbolAnswer } from '../quality/isSymbolAnswer.js';
import { textUnits, type VariantMatcher } from '../quality/keyVariantMatcher.js';
import { isUsableDistractor } from './isUsableDistractor.js';
import { measureLength } from '../quality/measureLength.js';

/** A pool of candidates: a small list (taken whole) or an indexed pool (a bounded walk). */
export type CandidateTier = readonly string[] | DistractorPool;

export interface DistractorRequest {
  key: string;
  stem: string;
  /** Candidate pools, best first: same column/list/section, then the same kind elsewhere. */
  tiers: readonly CandidateTier[];
  /** Most distractors wanted (3 gives four options). */
  max?: number;
  /** Fewest acceptable; below it there is no question at all. */
  min?: number;
  /** Extra, generator-specific reason to refuse a candidate (true of the stem, holds the item…). */
  reject?: (candidate: string) => boolean;
  /** Candidates to take first inside a pool (they neutralise a word the stem shares with the key). */
  prefer?: (candidate: string) => boolean;
  /** Finds a text's variants (plural, small words): a candidate the stem writes in any form is refused. */
  variants?: (text: string) => VariantMatcher;
}

export interface DistractorChoice {
  distractors: string[];
  /** Tier index each distractor came from, aligned with `distractors`. */
  tiers: number[];
}

/** Small lists are taken whole; past this, the first candidates in notes order stand for the list. */
const LIST_LIMIT = 200;

/** One option written inside the other ("Customer" / "Customer Relationship"): a part, or a giveaway. */
export function overlaps(a: string, b: string): boolean {
  return containsFolded(a, b) || containsFolded(b, a);
}

/**
 * Picks wrong options by the item-writing rules: same kind, same script and value class as the
 * key, about the same length, never equal to the key or to each other after folding, never already
 * written in the stem, never a single letter, never written inside the key or holding it. Closer
 * pools are exhausted first; inside a pool, closer lengths win. Each pool is looked at through a
 * bounded number of candidates, so a question costs the same in a small or a huge document.
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
  const stemUnits = request.variants ? textUnits(request.stem) : [];
  const seen = new Set<string>([keyFold]);
  const chosen: DistractorChoice = { distractors: [], tiers: [] };
  for (let tier = 0; tier < request.tiers.length && chosen.distractors.length < max; tier++) {
    const pool = request.tiers[tier];
    const indexed = pool instanceof DistractorPool;
    const candidates = indexed ? pool.nearest(key) : pool.slice(0, LIST_LIMIT);
    const accepted: { text: string; distance: number; order: number; preferred: boolean }[] = [];
    let order = 0;
    for (const raw of candidates) {
      // An indexed pool yields the closest lengths first: once enough are taken, the rest cannot win.
      if (indexed && !request.prefer && accepted.length >= max - chosen.distractors.length) break;
      order++;
      const text = raw.trim();
      const fold = foldText(text);
      if (!fold || seen.has(fold) || isCatchAll(text) || isSymbolAnswer(text) || !isUsableDistractor(key, text)) continue;
      if (containsFolded(request.stem, text) || overlaps(key, text)) continue;
      if (request.variants && request.variants(text).findUnits(stemUnits).length > 0) continue;
      if (request.reject?.(text)) continue;
      seen.add(fold);
      accepted.push({ text, distance: Math.abs(Math.log(measureLength(text) / keyLength)), order, preferred: request.prefer?.(text) ?? false });
    }
    accepted.sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.distance - b.distance || a.order - b.order);
    for (const a of accepted) {
      if (chosen.distractors.length >= max) break;
      chosen.distractors.push(a.text);
      chosen.tiers.push(tier);
    }
  }
  return chosen.distractors.length >= min ? chosen : null;
}
