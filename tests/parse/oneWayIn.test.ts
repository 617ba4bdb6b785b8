import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/parseNotes.js';

const parse = (text: string) => parseNotes(text, { file: 'n.md' });
/** Every card-like item with its first line: what a flashcard tool would list. */
const cards = (text: string) => {
  const { document: d } = parse(text);
  return [
    ...d.qa.map((q) => [q.source.line, 'qa', q.question, q.answers.join(' / '), q.reversible === true] as const),
    ...d.clozes.map((c) => [c.source.line, 'cloze', c.cloze] as const),
  ].sort((a, b) => a[0] - b[0]);
};

describe('Markdown card syntax holds with or without headings', () => {
  it('reads `?` and `??` cards in a file with no heading at all', () => {
    expect(cards('Capital of Peru\n?\nLima\n\nPlanets nearest the sun\n??\nMercury\nVenus\n')).toEqual([
      [1, 'qa', 'Capital of Peru', 'Lima', false],
      [5, 'qa', 'Planets nearest the sun', 'Mercury / Venus', true],
    ]);
  });

  it('takes the lines above `?` in the same paragraph as the question, and stops at a blank line', () => {
    expect(cards('Intro line\nWhich metal is liquid\n?\nMercury\nat room temperature\n\nUnrelated prose.\n')).toEqual([
      [1, 'qa', 'Intro line Which metal is liquid', 'Mercury / at room temperature', false],
    ]);
  });

  it('keeps a card whose answer is a code block', () => {
    expect(cards('Print in Python?\n?\n```python\nprint("hi")\n\nprint("bye")\n```\n')).toEqual([[1, 'qa', 'Print in Python?', 'print("hi")\n\nprint("bye")', false]]);
  });

  it('finds `::` and `:::` cards after other text, and ignores them in code and comments', () => {
    const text = 'Some prose first\nStomata ::pores on leaves\n\n`Codeq::CodeA`\n\n<!--hidden::card-->\n\n```\nx::y\n```\n\nOsmosis:::water crossing a membrane <!--SR:2021-08-11,4,270-->\n';
    expect(cards(text)).toEqual([
      [2, 'qa', 'Stomata', 'pores on leaves', false],
      [12, 'qa', 'Osmosis', 'water crossing a membrane', true],
    ]);
  });

  it('makes one cloze of a sentence wrapped over several lines, never a deletion across lines', () => {
    expect(cards('intro\n\nthe powerhouse of\nthe cell is the ==mitochondrion==\n\nnot ==a\ncloze== here\n')).toEqual([[3, 'cloze', 'the powerhouse of the cell is the {{c1::mitochondrion}}']]);
    expect(cards('First ==one== and\n==two== of them\n')).toEqual([[1, 'cloze', 'First {{c1::one}} and {{c2::two}} of them']]);
  });

  it('never reads a card inside a multi-line comment', () => {
    expect(cards('<!--\nFront\n?\nBack\n-->\n\nReal::card\n')).toEqual([[7, 'qa', 'Real', 'card', false]]);
  });
});

describe('small inputs that used to go wrong', () => {
  it('gives no empty definition for a definition list whose definition is only markup', () => {
    expect(parse('# T\n\nTerm\n: <b>\n').document.definitions).toEqual([]);
  });

  it('strips a link whose address holds parentheses', () => {
    expect(parse('# T\n\n- see [c](https://e.com/a(b)c) now\n').document.keyPoints.map((k) => k.text)).toEqual(['see c now']);
  });

  it('reads `X是指Y` and `X即Y` in Markdown as in pasted text', () => {
    const { document } = parse('# 概念\n\n供应链是指围绕核心企业的网链结构。\n\n- 数据挖掘即从数据中提取知识的过程。\n');
    expect(document.definitions.map((d) => d.term)).toEqual(['供应链', '数据挖掘']);
  });

  it('keeps a heading line, a separator and the lines around it apart in pasted text', () => {
    const { document } = parse('Cell biology\nThe cell is the unit of life.\n-----\nMitosis — division of a cell into two.\n');
    expect(document.title).toBe('Cell biology');
    expect(document.definitions.map((d) => d.term)).toEqual(['Mitosis']);
  });
});

/** Median of `runs` timings of parsing `text`, in ms. */
function time(text: string, runs = 3): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    parse(text);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/**
 * Time for 100 KB over time for 10 KB: 10 is linear, 100 quadratic. The bound is generous because
 * timings are noisy on a shared machine; the small input is timed more often, being the noisier.
 */
function growth(make: (bytes: number) => string): number {
  // Inputs that parse in no time are scaled up until the small one is measurable.
  let base = 10_000;
  while (time(make(base), 2) < 5 && base < 640_000) base *= 4;
  // The best of three tries: a pause of the machine can spoil one, never a quadratic's 100.
  let best = Infinity;
  for (let k = 0; k < 3 && best >= 25; k++) best = Math.min(best, time(make(base * 10)) / time(make(base), 7));
  return best;
}

describe('parsing time grows linearly on hostile input', () => {
  const repeat = (unit: string) => (bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));

  it.each([
    ['setext headings without blank lines', repeat('Heading\n===\n')],
    ['80-character `=` lines', repeat(`${'='.repeat(80)}\n`)],
    ['spaced list markers', repeat(`# N\n\n${'- '.repeat(30)}x\n\n`)],
    ['unpaired emphasis in a list', repeat(`- ${'*a [b _c '.repeat(40)}\n`)],
    ['Q::A cards', (bytes: number) => Array.from({ length: Math.ceil(bytes / 12) }, (_, i) => `Q${i}::A${i}`).join('\n')],
    ['a tight nested list', repeat('- item\n  - sub item\n    - leaf\n')],
    ['one huge paragraph', (bytes: number) => 'word '.repeat(bytes / 5)],
  ])('%s', (_name, make) => {
    expect(growth(make)).toBeLessThan(25);
  });

  it('reads a line of 30 spaced list markers at once (it once took 72 s)', () => {
    expect(time(`# Notes\n\n${Array(30).fill('-').join(' ')} x\n`)).toBeLessThan(2000);
  });
});
