import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { collectDeckNotes } from '../../src/render/anki/collectDeckNotes.js';
import { BANK_SIZE_ALLOWANCE, BANK_SIZE_FACTOR, buildMcqBank, modelTextSize } from '../../src/render/mcq/buildMcqBank.js';
import { QUOTE_LIMIT } from '../../src/render/mcq/capText.js';
import { DocumentMaker } from './DocumentMaker.js';
import { schemaErrors } from './schemaErrors.js';

/*
 * Question and card generation must grow about linearly with the notes (issue 17: 8,000 `Q::A`
 * cards took 81 s when every question looked at every other answer). Each hot pattern is built at
 * about 10 KB and 100 KB of text; the larger must take well under the square of the ratio.
 */

const WORDS = ['cell', 'wall', 'membrane', 'protein', 'enzyme', 'gene', 'water', 'light', 'carbon', 'energy', 'sugar', 'acid', 'root', 'leaf'];
const phrase = (i: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3 + Math.floor(i / 5)) % WORDS.length]).join(' ') + ` ${i}`;

const PATTERNS: Record<string, (m: DocumentMaker, n: number) => void> = {
  'question/answer pairs': (m, n) => {
    for (let i = 0; i < n; i++) m.qa(`What is ${phrase(i, 2)} made of?`, [phrase(i + 1, 4)], ['Quiz']);
  },
  definitions: (m, n) => {
    for (let i = 0; i < n; i++) m.definition(`Term ${phrase(i, 1)}`, `the ${phrase(i, 6)}.`, ['Terms']);
  },
  'table rows': (m, n) => {
    m.table(['Name', 'Kind', 'Size'], Array.from({ length: n }, (_, i) => [`Row ${i}`, phrase(i, 2), `${i * 3} mm`]));
  },
  'a wide table': (m, n) => {
    m.table(['Name', ...Array.from({ length: n }, (_, i) => `Attribute ${i}`)], [0, 1, 2].map((r) => [`Row ${r}`, ...Array.from({ length: n }, (_, i) => `value ${r} ${i}`)]));
  },
  'outline items': (m, n) => {
    const groups: [string, string[]][] = Array.from({ length: Math.ceil(n / 10) }, (_, g) => [`Group ${g}`, Array.from({ length: 10 }, (_, i) => phrase(g * 10 + i, 2))]);
    m.outline(['Root', groups]);
  },
  'key facts': (m, n) => {
    for (let i = 0; i < n; i++) m.keyPoint(`The ${phrase(i, 3)} takes ${i + 2} days.`, ['Facts']);
  },
};

/** Items for about `bytes` of model text. */
function documentOf(pattern: string, bytes: number): StudyDocument {
  let n = 16;
  for (;;) {
    const m = new DocumentMaker('en');
    PATTERNS[pattern](m, n);
    const size = modelTextSize(m.doc);
    if (size >= bytes) return m.doc;
    n = Math.ceil((n * bytes) / Math.max(1, size)) + 1;
  }
}

function timeOf(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('question and card generation grow linearly', () => {
  for (const pattern of Object.keys(PATTERNS)) {
    it(`${pattern}: 100 KB in about 10 times the time of 10 KB, bank within its stated size`, () => {
      const small = documentOf(pattern, 10_000);
      const large = documentOf(pattern, 100_000);
      // Warm both paths up first: the first call of a function also pays for compiling it.
      buildMcqBank([small]);
      collectDeckNotes(small, 'D');
      const mcq = [timeOf(() => buildMcqBank([small])), timeOf(() => buildMcqBank([large]))];
      const anki = [timeOf(() => collectDeckNotes(small, 'D')), timeOf(() => collectDeckNotes(large, 'D'))];
      // Ten times the notes: linear is 10×, quadratic 100×. Half a second of slack absorbs a busy
      // machine's noise on small timings (the all-pairs code took seconds at 100 KB).
      expect(mcq[1], `mcq ${mcq.map((t) => t.toFixed(1)).join(' → ')} ms`).toBeLessThan(30 * mcq[0] + 500);
      expect(anki[1], `anki ${anki.map((t) => t.toFixed(1)).join(' → ')} ms`).toBeLessThan(30 * anki[0] + 500);
      const { bank } = buildMcqBank([large]);
      expect(schemaErrors(bank)).toEqual([]);
      const bytes = Buffer.byteLength(`${JSON.stringify(bank, null, 2)}\n`);
      expect(bytes).toBeLessThanOrEqual(BANK_SIZE_FACTOR * modelTextSize(large) + BANK_SIZE_ALLOWANCE);
      for (const q of bank.questions) expect([...q.source.quote].length).toBeLessThanOrEqual(QUOTE_LIMIT);
    });
  }

  it('keeps a bank within its budget on notes made to blow it up, leaving the last questions out', () => {
    // A 3-row table of 5,000 columns once quoted its whole row in each of 15,000 questions (2.3 GB).
    const wide = documentOf('a wide table', 300_000);
    const { bank, logs } = buildMcqBank([wide]);
    const bytes = Buffer.byteLength(JSON.stringify(bank, null, 2));
    expect(bytes).toBeLessThanOrEqual(BANK_SIZE_FACTOR * modelTextSize(wide) + BANK_SIZE_ALLOWANCE);
    expect(bank.questions.length).toBeGreaterThan(100);
    expect(logs[0].rejections.length).toBeGreaterThan(0);
  });
});
