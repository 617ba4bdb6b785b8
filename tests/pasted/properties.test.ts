import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOutline } from '../../src/views/formatOutline.js';
import { toModelJson } from '../../src/model/toModelJson.js';
import { parseNotes } from '../../src/parse/parseNotes.js';

/** What `revise inspect` does with a text, in both its output forms. */
function inspect(text: string, file = 'x.txt') {
  const { document } = parseNotes(text, { file });
  const json = toModelJson(document);
  formatOutline(document);
  return { document, json };
}

/** Every item position must point at a line of the input. */
function positionsInRange(text: string, json: string): boolean {
  const lines = text.split('\n').length;
  return [...json.matchAll(/"line":(\d+)/g)].every((m) => Number(m[1]) >= 1 && Number(m[1]) <= lines);
}

const pastedPieces = [
  'Origins:', 'Term: definition of it', '客户:是指单位或个人', '数据挖掘即提取知识', '| a | b |', '|---|---|', '| 1 | 2 |',
  'Root', '├─ child', '│ └─ leaf', '└─ last', 'A → B → C', 'Why is it so? And how?', '1.什么是客户?', 'Answer line.',
  'QQ:123456789', '第1页 共3页', 'Envie de plus de QCM ?', '二、简答题', '（一）概述', '- item', '  - sub', 'm = marge',
  'x = (a + b) / c', '**Bold**: def', '{{c1::cloze::hint}}', 'Q: q', 'A: a', '# Heading', '```', '> quote', '',
];

const scripts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.stringMatching(/^[\u0000-\u001f\u007f\u0080-\u009f\u200b-\u200f\u2028\u2029\ufeff a-z:：?？|─├└│→\n\r\t-]{0,200}$/),
  fc.array(fc.constantFrom(...pastedPieces), { maxLength: 40 }).map((l) => l.join('\n')),
  fc.array(fc.oneof(fc.constantFrom(...pastedPieces), fc.string({ unit: 'grapheme-composite', maxLength: 30 })), { maxLength: 30 }).map((l) => l.join('\n')),
);

describe('inspect never throws', () => {
  it('on arbitrary Unicode, mixed scripts, control characters and pasted-looking fragments', () => {
    fc.assert(
      fc.property(scripts, fc.boolean(), (text, markdown) => {
        const input = markdown ? `# T\n\n${text}` : text;
        const { json, document } = inspect(input);
        expect(JSON.parse(json).version).toBe(1);
        expect(positionsInRange(input, json)).toBe(true);
        for (const d of document.dropped) expect(input.split('\n')[d.line - 1]?.trim()).toBe(d.text);
      }),
      { numRuns: 300, seed: 20251125 },
    );
  });

  it('ends on a numbered question with no answer (once an endless loop)', () => {
    const { document } = inspect('│ └─ leaf\n\n1.什么是客户?');
    expect(document.qa).toEqual([]);
    expect(document.outlines.map((o) => o.label)).toEqual(['leaf']);
    expect(document.title).not.toMatch(/[│└]/);
  });

  const N = 10_000;
  const nested: Record<string, string> = {
    'block quotes': `${'>'.repeat(N)} deep`,
    'list markers on one line': `${'- '.repeat(N)}deep`,
    'ordered markers on one line': `${'1. '.repeat(N)}deep`,
    brackets: `${'['.repeat(N)}x${']'.repeat(N)}`,
    parentheses: `${'('.repeat(N)}x${')'.repeat(N)}`,
    emphasis: `${'*a '.repeat(N)}x${' a*'.repeat(N)}`,
    strong: `${'**'.repeat(N)}x${'**'.repeat(N)}`,
    'html tags': `${'<div>'.repeat(N)}x${'</div>'.repeat(N)}`,
    'drawn tree (2,000 levels: each line is as long as its depth)': `Root\n${Array.from({ length: 2000 }, (_, i) => `${'│'.repeat(i)}├─ n${i}`).join('\n')}`,
    'indented list': Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}- n${i}`).join('\n'),
  };
  for (const [name, body] of Object.entries(nested)) {
    it(`on 10,000-level nesting: ${name} (pasted and Markdown)`, () => {
      for (const input of [body, `# Title\n\n${body}`]) {
        const { json } = inspect(input);
        expect(positionsInRange(input, json)).toBe(true);
      }
    });
  }

  const long: Record<string, string> = {
    letters: 'a'.repeat(100_000),
    blanks: `a${' '.repeat(100_000)}b`,
    colons: `Term: ${'word '.repeat(20_000)}`,
    arrows: 'a → '.repeat(25_000),
    pipes: `${'| a '.repeat(25_000)}\n${'|---'.repeat(25_000)}`,
    question: `${'Why '.repeat(25_000)}?\nanswer`,
    han: '客'.repeat(100_000),
    cloze: '{{c1::a '.repeat(12_500),
    dashes: `${'-'.repeat(100_000)}>`,
  };
  for (const [name, line] of Object.entries(long)) {
    it(`on a 100,000-character line: ${name}`, () => {
      for (const input of [line, `# Title\n\n${line}`]) expect(() => inspect(input)).not.toThrow();
    });
  }
});
