import { describe, expect, it } from 'vitest';
import { readInline } from '../../src/parse/inline/readInline.js';
import { resolveImage } from '../../src/parse/inline/resolveImage.js';
import { toTex } from '../../src/parse/inline/toTex.js';
import { stripInline } from '../../src/parse/stripInline.js';
import { splitDollarMath, markMath } from '../../src/render/math/splitDollarMath.js';
import { expandSmoothCurves } from '../../src/render/math/expandSmoothCurves.js';
import { texToText } from '../../src/render/math/texToText.js';

const read = (raw: string) => readInline(raw, 'ch1/notes.md');

describe('readInline: one field of Markdown → plain text and typed content', () => {
  it('reads every formula delimiter, and never a formula inside code', () => {
    expect(read('a $x^2$ b').rich).toEqual([{ type: 'text', text: 'a ' }, { type: 'math', tex: 'x^2' }, { type: 'text', text: ' b' }]);
    expect(read('$$\\sum_i x_i$$').rich).toEqual([{ type: 'math', tex: '\\sum_i x_i', display: true }]);
    expect(read('\\(a\\) et \\[b\\]').rich).toEqual([{ type: 'math', tex: 'a' }, { type: 'text', text: ' et ' }, { type: 'math', tex: 'b', display: true }]);
    expect(read('`$x$` and ``a ` $y$``').rich).toEqual([{ type: 'code', code: '$x$' }, { type: 'text', text: ' and ' }, { type: 'code', code: 'a ` $y$' }]);
  });

  it('leaves money, unbalanced and escaped dollars as text', () => {
    for (const text of ['it costs $5 and $10', 'a lone $ sign', 'unbalanced $x and more', 'escaped \\$x\\$ here', '$ x$ is not maths']) {
      const found = read(text);
      expect(found.rich?.some((c) => c.type === 'math') ?? false, text).toBe(false);
    }
  });

  it('keeps the plain text of fields without formulas exactly as stripInline gives it', () => {
    for (const text of ['**Term**: a _definition_ with [a link](https://x.org/a(b)c)', 'plain words', '~~gone~~ ==marked==', '<b>bold</b> and <!-- note -->']) {
      expect(read(text).plain).toBe(stripInline(text));
    }
    expect(read('a `code span` here').plain).toBe(stripInline('a `code span` here'));
  });

  it('reads TeX pasted without delimiters, and only maths commands', () => {
    expect(read("la dérivée \\frac{df}{dx} = f'(x) existe").rich).toContainEqual({ type: 'math', tex: "\\frac{df}{dx} = f'(x)" });
    expect(read('\\alpha + \\beta = \\gamma').rich).toEqual([{ type: 'math', tex: '\\alpha + \\beta = \\gamma' }]);
    expect(read('use \\section{Intro} to start').rich).toBeNull();
  });

  it('resolves images from the notes file, and refuses addresses that leave the build root', () => {
    expect(read('![A cell](img/cell%20a.png "title")').rich).toEqual([{ type: 'image', src: 'img/cell%20a.png', alt: 'A cell', path: 'ch1/img/cell a.png' }]);
    expect(read('<img alt="B" src="../shared/b.jpg">').rich).toEqual([{ type: 'image', src: '../shared/b.jpg', alt: 'B', path: 'shared/b.jpg' }]);
    expect(read('![[c.svg|300]]').rich).toEqual([{ type: 'image', src: 'c.svg', alt: '', path: 'ch1/c.svg' }]);
    expect(read('![[c.svg|300]]').plain).toBe('c.svg');
    for (const src of ['../../etc/x.png', '/etc/x.png', 'https://example.org/x.png', 'data:image/png;base64,AAAA', 'C:\\x.png', 'img/notes.md', '..\\..\\x.png']) {
      expect(resolveImage(src, 'ch1/notes.md'), src).toBeNull();
    }
  });

  it('stays linear on hostile input: unmatched openers of every kind', () => {
    // Best of three runs.
    const time = (text: string) => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const start = performance.now();
        read(text);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    // (Unmatched backticks are left out: stripInline, which every field goes through, has its own growth test.)
    for (const unit of ['$a ', '\\( ', '$$ ', '![a](', '<img ', '\\frac{ ', '![[x', '``` ']) {
      // Scaled up until the small input takes a measurable time; four times the input takes about
      // four times as long (a quadratic scan, sixteen); the best of three tries, as the machine is shared.
      let n = 4_000;
      while (time(unit.repeat(n)) < 8 && n < 400_000) n *= 2;
      let ratio = Infinity;
      for (let k = 0; k < 3 && ratio >= 10; k++) ratio = Math.min(ratio, time(unit.repeat(n * 4)) / time(unit.repeat(n)));
      expect(ratio, unit).toBeLessThan(10);
    }
  });
});

describe('formulas for renderers', () => {
  it('turns plain formulas into TeX, and keeps TeX as it is', () => {
    expect(toTex('m = (PV - PA) / PV × 100')).toBe('m = (\\mathrm{PV} - \\mathrm{PA}) / \\mathrm{PV} \\times  100');
    expect(toTex('2 H₂ + O₂ → 2 H₂O')).toBe('2 \\mathrm{H}_{2} + \\mathrm{O}_{2} \\rightarrow  2 \\mathrm{H}_{2}\\mathrm{O}');
    expect(toTex('E = \\frac{1}{2} m v^2')).toBe('E = \\frac{1}{2} m v^2');
    expect(toTex('R = énergie reçue / 100 %')).toBe("R = \\text{\\'{e}nergie reçue} / 100 \\%");
  });

  it('gives a readable text of a formula, and marks formulas in plain text', () => {
    expect(texToText('E = mc^2')).toBe('E = mc²');
    expect(texToText('\\frac{a}{b} + \\alpha_{1}')).toBe('(a)/(b) + α₁');
    expect(markMath('so $E = mc^2$ costs $5')).toBe('so \\(E = mc^2\\) costs $5');
    expect(splitDollarMath('$$x$$')).toEqual([{ type: 'math', tex: 'x', display: true }]);
  });

  it('writes smooth quadratic curves out, reflecting the previous control point', () => {
    expect(expandSmoothCurves('M0 0Q1 1 2 0T4 0ZM10 10T12 10Z')).toBe('M0 0Q1 1 2 0Q3 -1 4 0ZM10 10Q10 10 12 10Z');
  });
});
