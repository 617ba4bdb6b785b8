import type { BlockRule } from '../Rule.js';

/** Admonitions, callouts, quotes and `<details>` that are not corrections: their bodies are notes. */
export const container: BlockRule = {
  name: 'container',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    if (block.type !== 'container') return 0;
    walk.walk(block.children);
    return 1;
  },
};
