import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/parseNotes.js';
import { decodeNotes } from '../../src/parse/decodeNotes.js';
import { splitFrontMatter } from '../../src/parse/splitFrontMatter.js';
import { validateCacheState } from '../../src/pipeline/validateCacheState.js';
import { CACHE_FORMAT } from '../../src/pipeline/CacheState.js';
import { fieldsColumn } from '../../src/render/anki/writeApkg.js';
import { ankiRenderer } from '../../src/render/anki/ankiRenderer.js';
import { terminalText } from '../../src/views/terminalText.js';
import { readApkg } from '../anki/readApkg.js';
import { renderContext } from '../anki/renderHelpers.js';

/**
 * Growth, not speed: each hot path this code added runs on 10 KB and on 100 KB of input, and the
 * larger may take at most RATIO times as long. Linear work gives about 10; quadratic work gives
 * about 100. Times are the best of several runs, so a busy machine does not decide.
 */
const RATIO = 30;

function bestTime(work: () => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    let runs = 0;
    const started = performance.now();
    do {
      work();
      runs++;
    } while (performance.now() - started < 15);
    best = Math.min(best, (performance.now() - started) / runs);
  }
  return best;
}

function expectLinear(make: (bytes: number) => unknown, run: (input: never) => unknown): void {
  const small = make(10_000);
  const large = make(100_000);
  run(small as never);
  const ratio = bestTime(() => run(large as never)) / bestTime(() => run(small as never));
  expect(ratio, `100 KB took ${ratio.toFixed(1)}× as long as 10 KB`).toBeLessThan(RATIO);
}

const repeatTo = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

describe('growth of the paths this hardening added (10 KB vs 100 KB)', () => {
  it('decoding UTF-8 full of control characters (the NUL scan, the binary guess, the replacement)', () => {
    expectLinear((n) => Buffer.from(repeatTo('Term\u001f: a \u001b[1mdefinition\u0007.\n', n)), (b: Buffer) => decodeNotes(b, 'x.md'));
  });

  it('decoding UTF-16 without a BOM (the sniffing, the check after decoding)', () => {
    expectLinear((n) => Buffer.from(repeatTo('供给：商品的数量。 Term: meaning.\n', n / 2), 'utf16le'), (b: Buffer) => decodeNotes(b, 'x.md'));
  });

  it('refusing a late NUL', () => {
    const late = (n: number) => Buffer.concat([Buffer.from(repeatTo('Term: meaning.\n', n)), Buffer.from([0])]);
    expectLinear(late, (b: Buffer) => {
      try {
        decodeNotes(b, 'x.md');
      } catch {
        // refused, as it must be
      }
    });
  });

  it('splitting front matter from a long body', () => {
    expectLinear((n) => `---\ntitle: T\nlang: ../../x\n---\n${repeatTo('Line of notes.\n', n)}`, (t: string) => splitFrontMatter(t, 'x.md'));
  });

  it('escaping text for the terminal', () => {
    expectLinear((n) => repeatTo('file\u001b[2J\nname\u0007 ', n), (t: string) => terminalText(t, { oneLine: true }));
  });

  it('validating a cache state file (here 1,000 vs 10,000 files: at 10 KB there is too little to time)', () => {
    const record = { key: 'a'.repeat(64), timestamp: 1, outputs: ['a.json'], checks: [{ size: 1, mtimeMs: 1, sha: 'b'.repeat(64) }], items: 1, messages: [], title: 't', language: 'en', root: 'c', stored: [] };
    const state = (n: number) => {
      const files: Record<string, unknown> = {};
      for (let i = 0; i < n / 10; i++) files[`dir/file-${i}.md`] = record;
      return { format: CACHE_FORMAT, optionsKey: 'k', files, parts: {} };
    };
    expectLinear(state, (s: unknown) => validateCacheState(s));
  });
});

describe('the Anki field writer (issue 17, item 7)', () => {
  it('joins fields so that a separator inside one can never add a field', () => {
    expect(fieldsColumn(['a\u001fb', 'c']).split('\u001f')).toEqual(['a b', 'c']);
  });

  it('keeps every note to its note type\'s fields when the model itself holds U+001F (library callers skip decoding)', async () => {
    const { document } = parseNotes('# T\n\n**Unit\u001fSep**: a field\u001fseparator.\n\nQ\u001fone::A\u001ftwo\n', { file: 'x.md' });
    expect(JSON.stringify(document)).toContain('\\u001f');
    const apkg = await readApkg((await ankiRenderer.render(document, renderContext(document))) as Uint8Array);
    expect(apkg.notes.length).toBeGreaterThan(0);
    for (const note of apkg.notes) expect(note.fields.length).toBe(apkg.models[String(note.mid)].flds.length);
  });
});
