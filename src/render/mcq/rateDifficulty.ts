import type { McqDifficulty } from './McqBank.js';

/**
 * Distractors from the key's own column, list or section (tier 0) are the most confusable, so an
 * item made only of them is hard; one made only of far candidates is easy.
 */
export function rateDifficulty(tiers: readonly number[]): McqDifficulty {
  const close = tiers.filter((t) => t === 0).length;
  if (close === tiers.length) return 'hard';
  if (close > 0) return 'medium';
  return 'easy';
}
