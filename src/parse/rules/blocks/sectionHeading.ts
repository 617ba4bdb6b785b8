import { isQuestionText } from '../../matchQa.js';
import type { BlockRule } from '../Rule.js';

/** A heading opens a section; a heading that asks a question takes the blocks under it as its answer. */
export const sectionHeading: BlockRule = {
  name: 'section-heading',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    if (block.type !== 'heading') return 0;
    walk.flushPending();
    const builder = walk.builder;
    builder.addSection(block.text, block.depth, block.source);
    walk.state.exercise = { question: block.text, source: block.source, section: builder.sectionPath.slice(0, -1) };
    if (isQuestionText(block.text)) walk.state.pending = { question: block.raw, source: block.source, answers: [], section: builder.sectionPath.slice(0, -1) };
    return 1;
  },
};
