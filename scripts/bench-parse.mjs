#!/usr/bin/env node
// Parse benchmark (run after `tsc`): the 5 MB list-heavy Markdown case of issue 3 (< 10 s, < 1 GB),
// the throughput of a large pasted file, and growth ratios that show parsing time is linear.
// Each case runs in its own child process so that its peak memory (maxRSS) is its own.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const MB = 1024 * 1024;

// ---- generators (deterministic) ------------------------------------------------------------

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const WORDS = 'cell membrane protein energy market price demand supply enzyme chloroplast glucose light reaction customer loyalty value chain data model process system theory'.split(' ');
function phrase(r, n) {
  return Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
}

/** Markdown notes made mostly of lists: loose, tight, nested, with definitions; headings now and then. */
function listHeavyMarkdown(bytes, { headings = true } = {}) {
  const r = rng(42);
  const out = ['---', 'title: Bench', 'lang: en', '---', '', '# Bench notes', ''];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const block = [];
    if (headings && n % 60 === 0) block.push(`## Part ${n / 60 + 1}`, '');
    const kind = n % 3;
    for (let k = 0; k < 20; k++) {
      const id = `${n}.${k}`;
      if (kind === 0) block.push(`- **Term ${id}**: ${phrase(r, 8)}`, ''); // loose list
      else if (kind === 1) block.push(`- item ${id} ${phrase(r, 6)}`, `  - sub ${id} ${phrase(r, 4)}`, `    - leaf ${id} ${phrase(r, 3)}`); // nested tight
      else block.push(`${k + 1}. point ${id} ${phrase(r, 7)}`); // ordered tight
    }
    block.push('');
    const text = block.join('\n') + '\n';
    out.push(text);
    size += text.length;
    n++;
  }
  return out.join('\n');
}

/** One single list under one heading: the case remark handles worst (without a heading it reads as pasted). */
function oneHugeList(bytes, loose) {
  const r = rng(7);
  const out = ['# One list', ''];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `- item ${i} ${phrase(r, 8)}`;
    out.push(line);
    if (loose) out.push('');
    size += line.length + (loose ? 2 : 1);
  }
  return out.join('\n');
}

/** Pasted notes: the test fixtures (and the shared corpus when present), renumbered so items differ. */
function pastedNotes(bytes) {
  const dirs = [new URL('../tests/pasted/fixtures/', import.meta.url), new URL('../../shared/corpus/', import.meta.url)];
  const sources = [];
  for (const dir of dirs) {
    const path = fileURLToPath(dir);
    if (!existsSync(path)) continue;
    for (const f of readdirSync(path).filter((x) => x.endsWith('.txt')).sort()) sources.push(readFileSync(path + f, 'utf8'));
  }
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = sources[i % sources.length].replace(/(\p{L}{4,})/u, `$1 ${i}`).replace(/\?/g, ` ${i}?`).replace(/: /g, ` ${i}: `);
    out.push(text);
    size += Buffer.byteLength(text);
  }
  return out.join('\n');
}

/** Hostile lines: long delimiter runs and unclosed markers, pasted and Markdown. */
function hostile(bytes) {
  const unit = '**a [b `c <d {{c1::e _f ~~g ==h → i | j: k? ';
  const line = unit.repeat(Math.ceil(2000 / unit.length));
  const lines = [];
  for (let size = 0; size < bytes; size += line.length + 1) lines.push(line);
  return lines.join('\n');
}

// ---- measuring ---------------------------------------------------------------------------

const GENERATORS = {
  listHeavyMarkdown: (b) => listHeavyMarkdown(b),
  listHeavyNoHeadings: (b) => listHeavyMarkdown(b, { headings: false }),
  oneLooseList: (b) => oneHugeList(b, true),
  oneTightList: (b) => oneHugeList(b, false),
  pastedList: (b) => oneHugeList(b, false).replace(/^# One list\n\n/, ''),
  pasted: (b) => pastedNotes(b),
  hostileMarkdown: (b) => `# Hostile\n\n${hostile(b)}`,
  glossaryParagraph: (b) => {
    // One Markdown paragraph of `**Term**: definition` lines with no blank line between them.
    const lines = ['# Glossary', ''];
    for (let i = 0, size = 0; size < b; i++) {
      const line = `**Term ${i}**: definition ${i} with *emphasis* and [a link](https://example.org/${i})`;
      lines.push(line);
      size += line.length + 1;
    }
    return lines.join('\n');
  },
  hostilePasted: (b) => hostile(b),
  onePastedParagraph: (b) => {
    // One pasted paragraph of prose, with a figure now and then: a single line of `b` bytes.
    const r = rng(11);
    const parts = [];
    for (let i = 0, size = 0; size < b; i++) {
      const s = `${phrase(r, 12)} ${i % 9 === 0 ? `${i % 90} % of the ${phrase(r, 2)}` : phrase(r, 3)}. `;
      parts.push(s[0].toUpperCase() + s.slice(1));
      size += s.length;
    }
    return parts.join('');
  },
};

const CHILD = `
const [gen, bytes] = process.argv.slice(1);
const { parseNotes } = await import(${JSON.stringify(new URL('../dist/parse/parseNotes.js', import.meta.url).href)});
const { GENERATORS } = await import(${JSON.stringify(import.meta.url)});
const text = GENERATORS[gen](Number(bytes));
const t = process.hrtime.bigint();
const { document } = parseNotes(text, { file: 'bench.md' });
const ms = Number(process.hrtime.bigint() - t) / 1e6;
const items = ['definitions','tables','outlines','sequences','qa','clozes','keyPoints','formulas','choices','paragraphs'].reduce((n, k) => n + document[k].length, 0);
process.stdout.write(JSON.stringify({ ms, bytes: Buffer.byteLength(text), items, rssMB: process.resourceUsage().maxRSS / 1024 }));
`;

function measure(gen, bytes) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, gen, String(bytes)], { cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_CHILD: '1' }, maxBuffer: 16 * MB });
  return JSON.parse(out);
}

export { GENERATORS };

if (!process.env.BENCH_CHILD && process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  const row = (name, m, note = '') =>
    console.log(`${name.padEnd(28)} ${(m.bytes / MB).toFixed(2).padStart(6)} MB  ${(m.ms / 1000).toFixed(2).padStart(6)} s  ${(m.bytes / MB / (m.ms / 1000)).toFixed(2).padStart(6)} MB/s  peak ${m.rssMB.toFixed(0).padStart(5)} MB  ${String(m.items).padStart(7)} items ${note}`);

  console.log('Issue 3 target: a 5 MB list-heavy notes file parses in under 10 s and under 1 GB.');
  for (const gen of ['listHeavyMarkdown', 'listHeavyNoHeadings', 'oneLooseList', 'oneTightList']) {
    const m = measure(gen, 5 * MB);
    const ok = m.ms < 10_000 && m.rssMB < 1024;
    failed ||= !ok;
    row(gen, m, ok ? 'ok' : 'FAIL (target: < 10 s, < 1 GB)');
  }

  console.log('\nThroughput of large pasted files (fixtures and shared corpus renumbered; one bullet list):');
  row('pasted', measure('pasted', 5 * MB));
  row('pastedList', measure('pastedList', 5 * MB));

  console.log('\nIssue 16 target: one 2 MB pasted paragraph in under 5 s.');
  {
    const m = measure('onePastedParagraph', 2 * MB);
    const ok = m.ms < 5_000;
    failed ||= !ok;
    row('onePastedParagraph', m, ok ? 'ok' : 'FAIL (target: < 5 s)');
  }

  console.log('\nLinear growth: time for 4× the input over time for 1× (≈4 is linear, 16 would be quadratic; issue 11 target for listHeavyMarkdown: ≤ 4.5).');
  for (const [gen, base] of [['pasted', 1 * MB], ['listHeavyMarkdown', 1 * MB], ['oneLooseList', 1 * MB], ['glossaryParagraph', 0.25 * MB], ['hostileMarkdown', 0.25 * MB], ['hostilePasted', 0.25 * MB], ['onePastedParagraph', 0.5 * MB]]) {
    const small = measure(gen, base);
    const large = measure(gen, base * 4);
    const ratio = large.ms / small.ms;
    const ok = ratio < (gen === 'listHeavyMarkdown' ? 4.5 : 8);
    failed ||= !ok;
    console.log(`${gen.padEnd(28)} ${(small.bytes / MB).toFixed(2)} MB ${small.ms.toFixed(0)} ms → ${(large.bytes / MB).toFixed(2)} MB ${large.ms.toFixed(0)} ms  ratio ${ratio.toFixed(2)} ${ok ? 'ok' : 'FAIL (superlinear)'}`);
  }
  process.exitCode = failed ? 1 : 0;
}
