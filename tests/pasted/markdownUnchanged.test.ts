import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toModelJson } from '../../src/model/toModelJson.js';
import { parseNotes } from '../../src/parse/parseNotes.js';
import { isPastedText } from '../../src/parse/pasted/isPastedText.js';

/**
 * The baselines are `revise inspect input/X.md --json` saved from main just before the pasted
 * pass existed: Markdown notes must keep parsing exactly as they did.
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

  it('tells Markdown from pasted text', () => {
    expect(isPastedText(['# Title', '', 'Text'])).toBe(false);
    expect(isPastedText(['Title', '====', 'Text'])).toBe(false);
    expect(isPastedText(['```js', 'x', '```'])).toBe(false);
    expect(isPastedText(['Plain text', 'Origins:', '| a | b |', '|---|---|', '| 1 | 2 |'])).toBe(true);
    expect(isPastedText(['#hashtag is no heading', 'text'])).toBe(true);
  });
});

describe('the Markdown guard leaves well-formed notes alone', () => {
  it('keeps every definition of a long paragraph of **Term**: lines', () => {
    const lines = Array.from({ length: 80 }, (_, i) => `**Term ${i}**: definition number ${i} with \`code\` and [a link](https://example.org/${i})`);
    const { document, messages } = parseNotes(`# Glossary\n\n${lines.join('\n')}\n`, { file: 'g.md' });
    expect(document.definitions).toHaveLength(80);
    expect(messages).toEqual([]);
  });

  it('defuses a paragraph of unpaired delimiters and says so', () => {
    const { messages } = parseNotes(`# T\n\n${'*a [b _c '.repeat(200)}\n`, { file: 'h.md' });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['markdown-defused', 3]]);
  });
});
