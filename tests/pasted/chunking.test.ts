import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSimpleList } from '../../src/parse/blocks/readSimpleList.js';
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
    // Through remark: the simple-list path would read this list in one piece.
    const state = new ReadState(true, false, chunkLines, false);
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

describe('simple lists are read without remark, the same way remark reads them', () => {
  /** Every item with its depth, text, positions, marker and box: all a block rule sees of a list. */
  const shape = (blocks: Block[], depth = 0, out: unknown[] = []): unknown[] => {
    for (const b of blocks) {
      if (b.type !== 'list') {
        out.push(`${depth}:${b.type}`);
        continue;
      }
      out.push(`${depth}:list:${b.ordered}:${b.source.line}:${b.source.column}`);
      for (const item of b.items) {
        out.push([depth, item.marker, item.checked, item.source, item.lines]);
        shape(item.children, depth + 1, out);
      }
    }
    return out;
  };
  const read = (text: string[], simple: boolean): Block[] => {
    const state = new ReadState(true, false, undefined, simple);
    const blocks: Block[] = [];
    state.lists.add({ text, line: text.map((_, i) => i + 3), column: text.map(() => 5) }, blocks);
    state.lists.resolve();
    return blocks;
  };

  it('agrees with remark on generated lists (nesting, irregular indents, markers, task boxes)', () => {
    const word = fc.constantFrom('cell', '**bold**', 'a `code` b', '[x] done', '[ ] todo', 'mot é', '细胞', 'end\\', 'x  ');
    const line = fc.record({
      indent: fc.integer({ min: 0, max: 9 }),
      marker: fc.constantFrom('-', '*', '+', '1.', '2.', '10)', '1)'),
      gap: fc.integer({ min: 1, max: 5 }),
      words: fc.array(word, { minLength: 1, maxLength: 3 }),
    });
    let fast = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (spec) => {
        const text = spec.map((l) => `${' '.repeat(l.indent)}${l.marker}${' '.repeat(l.gap)}${l.words.join(' ')}`);
        if (readSimpleList({ text, line: text.map((_, i) => i + 3), column: text.map(() => 5) })) fast++;
        expect(shape(read(text, true))).toEqual(shape(read(text, false)));
      }),
      { numRuns: 400, seed: 20261130 },
    );
    expect(fast).toBeGreaterThan(0);
  });

  it('agrees with remark on lists shaped as notes write them, and takes the fast path for them', () => {
    const word = fc.constantFrom('cell', '**Term**: def', 'a `code` b', '[x] done', 'mot é', '细胞', 'ends\\');
    // A marker kind per depth, as notes keep them; items go one level deeper, stay, or come back up.
    const spec = fc.record({
      kinds: fc.array(fc.constantFrom('-', '*', '+', '1.', '1)'), { minLength: 4, maxLength: 4 }),
      moves: fc.array(fc.record({ move: fc.constantFrom(1, 0, 0, -1, -2), gap: fc.constantFrom(1, 1, 2), jitter: fc.constantFrom(0, 0, 1), words: fc.array(word, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 15 }),
    });
    let fast = 0;
    fc.assert(
      fc.property(spec, ({ kinds, moves }) => {
        const text: string[] = [];
        const contents: number[] = [0];
        let depth = 0;
        for (const [k, m] of moves.entries()) {
          depth = k === 0 ? 0 : Math.max(0, Math.min(depth + m.move, contents.length - 1, 3));
          const marker = kinds[depth];
          const indent = contents[depth] + (depth > 0 ? m.jitter : 0);
          text.push(`${' '.repeat(indent)}${marker}${' '.repeat(m.gap)}${m.words.join(' ')}`);
          contents.length = depth + 1;
          contents.push(indent + marker.length + m.gap);
        }
        if (readSimpleList({ text, line: text.map((_, i) => i + 3), column: text.map(() => 5) })) fast++;
        expect(shape(read(text, true))).toEqual(shape(read(text, false)));
      }),
      { numRuns: 400, seed: 20261201 },
    );
    // The fast path must be taken often enough for the comparison to mean something.
    expect(fast).toBeGreaterThan(200);
  });
});
