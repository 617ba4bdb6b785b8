import type { McqBank } from '../../src/render/mcq/McqBank.js';

/** How many keys sit at each position among the single-choice questions with `n` options. */
export function keyPositions(bank: McqBank, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const q of bank.questions) if (q.type === 'single-choice' && q.options.length === n) counts[q.options.findIndex((o) => o.correct)]++;
  return counts;
}
