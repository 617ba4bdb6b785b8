import type { BlockRule } from '../Rule.js';

/** A thematic break ends the answer of a question heading. */
export const separatorBreak: BlockRule = {
  name: 'separator-break',
  stage: 'blocks',
  apply(walk, i) {
    if (walk.blocks[i].type !== 'break') return 0;
    walk.flushPending();
    return 1;
  },
};
