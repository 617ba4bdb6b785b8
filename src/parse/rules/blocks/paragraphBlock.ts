import { matchQuestionLine } from '../../pasted/matchQuestionLine.js';
import { stripInline } from '../../stripInline.js';
import type { BlockRule } from '../Rule.js';

/** A paragraph's lines go through the text rules; under a question heading, the paragraph is an answer. */
export const paragraphBlock: BlockRule = {
  name: 'paragraph',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    if (block.type !== 'paragraph') return 0;
    const pending = walk.state.pending;
    if (pending) {
      // Under a question heading the paragraph is the answer: its lines are used there.
      pending.answers.push(block.lines.map((l) => l.text).join(' '));
      walk.text(block.lines);
      return 1;
    }
    // A last line ending in `:` names the list, table or tree that follows, and a question is
    // answered by the list that follows: that line is used there.
    const next = walk.blocks[i + 1];
    const last = block.lines.length - 1;
    const lastText = block.lines[last].text;
    const leadIn = /[:：]\s*$/.test(lastText) && (next?.type === 'table' || next?.type === 'tree' || next?.type === 'code' || (next?.type === 'list' && next.items.length >= 2));
    const asked = (next?.type === 'list' || next?.type === 'code') && matchQuestionLine(stripInline(lastText)) !== null;
    walk.text(block.lines, leadIn || asked ? new Set([last]) : true);
    return 1;
  },
};
