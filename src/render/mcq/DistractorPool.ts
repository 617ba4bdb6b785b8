import { classifyValue } from './classifyValue.js';
import { detectScript } from './detectScript.js';
import { foldText } from '../quality/foldText.js';
import { measureLength } from '../quality/measureLength.js';

interface Entry {
  text: string;
  length: number;
  order: number;
}

/** Candidates examined per pool and question: enough for three good options, bounded whatever the notes' size. */
export const CANDIDATES_PER_POOL = 48;

/**
 * Wrong-option candidates of one kind (terms, definitions, answers, cells…), indexed once so that
 * each question looks at a bounded number of them instead of every sibling (which made large notes
 * quadratic). Candidates are bucketed by script and kind of value (the rules an option must meet
 * anyway) and sorted by length inside a bucket, so the closest lengths come first by binary search.
 */
export class DistractorPool {
  private readonly buckets = new Map<string, Entry[]>();
  readonly size: number;

  constructor(texts: Iterable<string>) {
    let order = 0;
    const seen = new Set<string>();
    for (const raw of texts) {
      const text = raw.trim();
      const fold = foldText(text);
      if (!fold || seen.has(fold)) continue;
      seen.add(fold);
      const key = `${detectScript(text)}|${classifyValue(text)}`;
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = []));
      bucket.push({ text, length: measureLength(text), order: order++ });
    }
    for (const bucket of this.buckets.values()) bucket.sort((a, b) => a.length - b.length || a.order - b.order);
    this.size = order;
  }

  /**
   * Up to `limit` candidates of the key's script and kind, closest length first (ties: notes order),
   * walking outwards from the key's length.
   */
  *nearest(key: string, limit = CANDIDATES_PER_POOL): Generator<string> {
    const bucket = this.buckets.get(`${detectScript(key)}|${classifyValue(key)}`);
    if (!bucket || bucket.length === 0) return;
    const length = measureLength(key);
    let lo = 0;
    let hi = bucket.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bucket[mid].length < length) lo = mid + 1;
      else hi = mid;
    }
    let left = lo - 1;
    let right = lo;
    const gap = (e: Entry) => Math.abs(Math.log(e.length / length));
    for (let n = 0; n < limit && (left >= 0 || right < bucket.length); n++) {
      const takeRight =
        left < 0 || (right < bucket.length && (gap(bucket[right]) < gap(bucket[left]) || (gap(bucket[right]) === gap(bucket[left]) && bucket[right].order < bucket[left].order)));
      yield takeRight ? bucket[right++].text : bucket[left--].text;
    }
  }
}
