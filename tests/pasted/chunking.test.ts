import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/parse/blocks/Block.js';
import { ReadState } from '../../src/parse/rules/ReadState.js';
import { parseNotes } from '../../src/parse/parseNotes.js';

/** Item labels of list blocks, depth-first, with their depth: what a reader of the list sees. */
function labels(blocks: Block[], depth = 0, out: string[] = []): string[] {
  for (const b of blocks) {
    if (b.type !== 'list') continue;
    for (const item of b.items) {
      out.push(`${depth}:${item.lines.map((l) => `${l.text}@${l.source.line}:${l.source.column}`).join(' ')}`);
      labels(item.children, depth + 1, out);
    }
  }
  return out;
}

describe('long lists are parsed in bounded pieces', () => {
  const lines = Array.from({ length: 900 }, (_, i) => (i % 9 === 0 ? `- step ${i} **bold** and \`code\`` : i % 3 === 0 ? `  - detail ${i}\n    - leaf ${i}` : `- step ${i}`)).join('\n').split('\n');
  const notes = { text: lines, line: lines.map((_, i) => i + 1), column: lines.map(() => 1) };

  const read = (chunkLines?: number): Block[] => {
    const state = new ReadState(true, false, chunkLines);
    const blocks: Block[] = [];
    state.lists.add(notes, blocks);
    state.lists.resolve();
    return blocks;
  };

  it('gives the same items, depths and positions as one remark parse of the whole list', () => {
    const whole = read(Number.MAX_SAFE_INTEGER);
    const pieces = read();
    expect(pieces.length).toBeGreaterThan(1);
    expect(whole).toHaveLength(1);
    expect(labels(pieces)).toEqual(labels(whole));
  });

  it('keeps every item of a 3,000-item list as a key point', () => {
    const text = `# List\n\n${Array.from({ length: 3000 }, (_, i) => `- point number ${i}`).join('\n')}\n`;
    expect(parseNotes(text, { file: 'l.md' }).document.keyPoints).toHaveLength(3000);
  });
});
