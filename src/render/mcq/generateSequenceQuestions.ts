import type { OutlineNode, Sequence, StudyDocument } from '../../model/StudyDocument.js';
import { capText } from './capText.js';
import { DistractorPool } from './DistractorPool.js';
import { foldText } from '../quality/foldText.js';
import { whyNoChoice, type GeneratorContext } from './GeneratorContext.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { seededShuffle } from './seededShuffle.js';
import { selectDistractors } from './selectDistractors.js';

/** Longer flows make ordering options too long to read and compare. */
export const MAX_ORDER_STEPS = 6;

/**
 * What a flow is about, from the item itself: its own label ("Cycle: A → B"), else the outline
 * branch it is drawn under ("Customer Lifecycle ├ Reach → … → Loss"), else its own section's heading.
 */
export function sequenceContexts(document: StudyDocument): (seq: Sequence) => string {
  const parentAt = new Map<number, string>();
  for (const outline of document.outlines) {
    const stack: OutlineNode[] = [outline];
    while (stack.length) {
      const node = stack.pop()!;
      for (const child of node.children) {
        if (!parentAt.has(child.source.line)) parentAt.set(child.source.line, node.label.trim());
        stack.push(child);
      }
    }
  }
  return (seq) => seq.label?.trim() || parentAt.get(seq.source.line) || seq.section[seq.section.length - 1] || '';
}

/**
 * "Which step comes after X?" with the flow's other steps as options (the gate keeps one per flow:
 * the steps share their options), and one "which is the right order?" per sequence of 3–6 steps.
 */
export function generateSequenceQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording, log } = ctx;
  const drafts: QuestionDraft[] = [];
  const sep = wording.words.orderSeparator;
  const contextOf = sequenceContexts(document);
  for (const seq of document.sequences) {
    const steps = seq.steps.map((s) => s.trim()).filter(Boolean);
    if (steps.length < 2) continue;
    const label = contextOf(seq);
    const whole = steps.join(sep);
    const base = {
      type: 'single-choice' as const,
      ascending: false,
      explanation: capText(seq.label ? `${seq.label}: ${whole}` : whole, 400),
      theme: seq.section,
      language: wording.language,
      source: { file: document.file, line: seq.source.line, quote: capText(whole), item: seq.id },
      origin: seq.id,
    };
    const folded = steps.map(foldText);
    const counts = new Map<string, number>();
    for (const f of folded) counts.set(f, (counts.get(f) ?? 0) + 1);
    const sameFlow = steps.length > 64 ? new DistractorPool(steps) : steps;
    for (let i = 0; i + 1 < steps.length; i++) {
      // A step met twice has two successors: "after X" would have no single answer.
      if (counts.get(folded[i])! > 1) continue;
      const stem = wording.render('sequence-next', { step: steps[i], label });
      const key = steps[i + 1];
      // The asked step itself is written in the stem, the key is refused as equal: both drop out.
      // Only steps of the same flow: a step of another process is no plausible successor.
      const choice = selectDistractors({ key, stem, variants: ctx.matcher, tiers: [sameFlow] });
      if (!choice) {
        log.reject(whyNoChoice(ctx, key, stem), seq.source.line, stem, seq.id);
        continue;
      }
      drafts.push({
        ...base,
        id: makeQuestionId('sequence-next', seq.id, steps[i]),
        template: 'sequence-next',
        stem,
        key,
        distractors: choice.distractors,
        difficulty: rateDifficulty(choice.tiers),
        group: seq.id,
        echoFrom: steps[i],
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
      const choice = selectDistractors({ key: whole, stem, variants: ctx.matcher, tiers: [seededShuffle(wrong, seq.id)] });
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
