import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toModelJson } from '../../src/model/toModelJson.js';
import { parseNotes } from '../../src/parse/parseNotes.js';

/**
 * The baselines are `revise inspect input/X.md --json` saved from main before the pasted pass
 * existed, reviewed again when the rules became one table (formula legends became definitions
 * marked `legendOf`, as in pasted notes): Markdown notes must keep parsing exactly so.
 */
const SAMPLES = ['cell-biology', 'jingji', 'photosynthese'];

describe('Markdown notes parse exactly as before the pasted-text pass', () => {
  for (const name of SAMPLES) {
    it(`input/${name}.md gives the saved model`, () => {
      const text = readFileSync(new URL(`../../input/${name}.md`, import.meta.url), 'utf8');
      const expected = readFileSync(new URL(`./baseline/${name}.json`, import.meta.url), 'utf8');
      const { document } = parseNotes(text, { file: `${name}.md` });
      expect(toModelJson(document)).toBe(expected);
      expect(document.dropped).toEqual([]);
    });
  }
});

describe('the Markdown guard leaves well-formed notes alone', () => {
  it('keeps every definition of a long paragraph of **Term**: lines', () => {
    const lines = Array.from({ length: 80 }, (_, i) => `**Term ${i}**: definition number ${i} with \`code\` and [a link](https://example.org/${i})`);
    const { document, messages } = parseNotes(`# Glossary\n\n${lines.join('\n')}\n`, { file: 'g.md' });
    expect(document.definitions).toHaveLength(80);
    expect(messages).toEqual([]);
  });

  it('reads a paragraph of unpaired delimiters as text, without a warning', () => {
    const { document, messages } = parseNotes(`# T\n\n- ${'*a [b _c '.repeat(200)}\n`, { file: 'h.md' });
    expect(document.keyPoints).toHaveLength(1);
    expect(messages).toEqual([]);
  });
});
