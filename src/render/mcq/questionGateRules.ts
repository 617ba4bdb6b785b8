import type { GateRule } from '../quality/QualityLog.js';

/**
 * The named checks every candidate question goes through (docs/mcq.md, "The quality gate"). A
 * candidate that fails one is not written; the build report counts it under the rule's name.
 */
export const QUESTION_GATE_RULES = {
  'symbol-answer': { summary: 'the answer would be a single letter or symbol (a formula legend, a list marker)', finding: false },
  'term-too-long': { summary: 'the term is a whole sentence, not a name to recall', finding: true },
  'key-in-stem': { summary: 'the stem writes the key or a variant of it (small words, plural, case)', finding: false },
  'answer-in-question': { summary: 'the question already writes its own answer', finding: true },
  'key-echo': { summary: 'the stem repeats part of the key that no wrong option shares', finding: false },
  'too-long': { summary: 'the stem, an option or the statement is too long to read as a quiz item', finding: false },
  'list-answer': { summary: 'the answer is a list of several lines: a card, not one option', finding: false },
  'essay-question': { summary: 'the question asks for an essay ("Explain…", "简述…"): a card, not a quiz item', finding: false },
  'comment-column': { summary: 'the table column holds comments, not facts', finding: false },
  'shape-giveaway': { summary: 'only the key group holds items of that shape (dates, flows): the shape gives it away', finding: false },
  'no-context': { summary: 'the statement opens with "it", "il", "它"… and has no heading to say what that is', finding: false },
  'too-few-distractors': { summary: 'fewer than two wrong options of the same kind, script and length, and none true of the stem', finding: false },
  'one-per-group': { summary: 'another question of the same template already asks about this group of siblings', finding: false },
  'bank-size': { summary: 'the bank reached its size limit (see docs/mcq.md)', finding: false },
  'authored-invalid': { summary: 'an authored question without two options and one marked correct', finding: true },
} as const satisfies Record<string, GateRule>;

export type QuestionGateRule = keyof typeof QUESTION_GATE_RULES;
