import type { BlockRule } from '../Rule.js';

/** A `?` (or `??`) card whose answer is the code block right under the separator. */
export const cardWithCode: BlockRule = {
  name: 'card-with-code',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    const next = walk.blocks[i + 1];
    if (block.type !== 'paragraph' || next?.type !== 'code' || block.lines.length < 2) return 0;
    const separator = block.lines[block.lines.length - 1].text.trim();
    if (separator !== '?' && separator !== '??') return 0;
    const question = block.lines.slice(0, -1).map((l) => l.text).join(' ');
    walk.builder.addQa(question, [[next.lang ? { type: 'code', code: next.text, lang: next.lang.toLowerCase(), block: true } : { type: 'code', code: next.text, block: true }]], block.lines[0].source, separator === '??');
    return 2;
  },
};
