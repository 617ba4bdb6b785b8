import type { BlockRule } from '../Rule.js';

/** A paragraph's lines go through the text rules; under a question heading, the paragraph is an answer. */
export const paragraphBlock: BlockRule = {
  name: 'paragraph',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    if (block.type !== 'paragraph') return 0;
    const pending = walk.state.pending;
    if (pending) pending.answers.push(block.lines.map((l) => l.text).join(' '));
    walk.text(block.lines);
    return 1;
  },
};
