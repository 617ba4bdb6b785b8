import type { GateRule } from '../quality/QualityLog.js';

/**
 * The named checks every candidate note goes through (docs/anki.md, "The quality gate"), the same
 * way questions go through the bank's gate. A note that fails one is not written; the build report
 * counts it under the rule's name.
 */
export const NOTE_GATE_RULES = {
  'symbol-term': { summary: 'the term is a single letter or symbol (a formula legend): the formula shows it with its meaning', finding: false },
  'empty-side': { summary: 'one side of the card would be empty', finding: true },
  'same-front': { summary: 'another note has the same front: the two are merged, the richer kept', finding: true },
  'long-flow': { summary: 'a flow of more than 20 steps: one cloze per step would be a chore', finding: false },
  'long-list': { summary: 'a list of more than 15 items: too many to recall on one card', finding: false },
} as const satisfies Record<string, GateRule>;
