import { foldText } from './foldText.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { seededShuffle } from './seededShuffle.js';
import { selectDistractors } from './selectDistractors.js';

/** Longer flows make ordering options too long to read and compare. */
export const MAX_ORDER_STEPS = 6;

/** "Which step comes after X?" for each step, and one "which is the right order?" per sequence. */
export function generateSequenceQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording } = ctx;
  const drafts: QuestionDraft[] = [];
  const sep = wording.words.orderSeparator;
  for (const seq of document.sequences) {
    const steps = seq.steps.map((s) => s.trim()).filter(Boolean);
    if (steps.length < 2) continue;
    const label = seq.label?.trim() || seq.section[seq.section.length - 1] || '';
    const whole = steps.join(sep);
    const base = {
      type: 'single-choice' as const,
      ascending: false,
      explanation: seq.label ? `${seq.label}: ${whole}` : whole,
      theme: seq.section,
      language: wording.language,
      source: { file: document.file, line: seq.source.line, quote: whole, item: seq.id },
      origin: seq.id,
    };
    const folded = steps.map(foldText);
    const others = document.sequences.filter((s) => s !== seq).flatMap((s) => s.steps);
    for (let i = 0; i + 1 < steps.length; i++) {
      // A step met twice has two successors: "after X" would have no single answer.
      if (folded.filter((f) => f === folded[i]).length > 1) continue;
      const stem = wording.render('sequence-next', { step: steps[i], label });
      const key = steps[i + 1];
      const sameFlow = steps.filter((_, j) => j !== i && j !== i + 1);
      const choice = selectDistractors({ key, stem, tiers: [sameFlow, others] });
      if (!choice) continue;
      drafts.push({
        ...base,
        id: makeQuestionId('sequence-next', seq.id, steps[i]),
        template: 'sequence-next',
        stem,
        key,
        distractors: choice.distractors,
        difficulty: rateDifficulty(choice.tiers),
      });
    }
    if (steps.length >= 3 && steps.length <= MAX_ORDER_STEPS) {
      const stem = wording.render('sequence-order', { label });
      // Near-misses (two neighbours swapped, the flow reversed) are the plausible wrong orders.
      const wrong: string[] = [];
      for (let i = 0; i + 1 < steps.length; i++) {
        const s = [...steps];
        [s[i], s[i + 1]] = [s[i + 1], s[i]];
        wrong.push(s.join(sep));
      }
      wrong.push([...steps].reverse().join(sep));
      const choice = selectDistractors({ key: whole, stem, tiers: [seededShuffle(wrong, seq.id)] });
      if (!choice) continue;
      drafts.push({
        ...base,
        id: makeQuestionId('sequence-order', seq.id),
        template: 'sequence-order',
        stem,
        key: whole,
        distractors: choice.distractors,
        difficulty: steps.length >= 5 ? 'hard' : 'medium',
      });
    }
  }
  return drafts;
}
