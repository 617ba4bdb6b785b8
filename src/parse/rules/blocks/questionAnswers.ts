import type { BlockRule } from '../Rule.js';
import { addQuestion } from './addQuestion.js';

/** A question block the line rules grouped (a pasted question and its answer lines) is one pair. */
export const questionAnswers: BlockRule = {
  name: 'question-answers',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    if (block.type !== 'question') return 0;
    walk.state.exercise = { question: block.question.text, source: block.question.source, section: walk.builder.sectionPath };
    addQuestion(walk, block.question.text, block.answers, block.question.source);
    return 1;
  },
};
