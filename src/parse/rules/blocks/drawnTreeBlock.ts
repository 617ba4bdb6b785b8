import type { OutlineNode } from '../../../model/StudyDocument.js';
import { matchSequence } from '../../matchSequence.js';
import { MAX_ITEM_LINE } from '../LineStretch.js';
import type { BlockRule } from '../Rule.js';

/** A drawn tree is an outline (named by the line above it, else by its section); flows in its labels are sequences too. */
export const drawnTreeBlock: BlockRule = {
  name: 'tree',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    if (block.type !== 'tree') return 0;
    const root = block.root;
    if (!block.labelled) root.label = walk.leadIn(i) ?? walk.builder.sectionPath.at(-1) ?? '';
    const stack: OutlineNode[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      const flow = n.label.length <= MAX_ITEM_LINE ? matchSequence(n.label) : null;
      if (flow) walk.builder.addSequence(flow.steps, n.source, flow.label);
      stack.push(...n.children);
    }
    walk.builder.addOutline(root.label || root.children.length !== 1 ? root : root.children[0]);
    return 1;
  },
};
