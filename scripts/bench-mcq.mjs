#!/usr/bin/env node
// Time to build an mcq bank from a large synthetic model (reads dist/: run `npx tsc -p .` first).
// Target: a 2,000-fact document in well under a second on one core.
import { performance } from 'node:perf_hooks';
import { createEmptyDocument } from '../dist/model/StudyDocument.js';
import { makeItemId } from '../dist/model/makeItemId.js';
import { buildMcqBank } from '../dist/render/mcq/buildMcqBank.js';

const words = ['cell', 'wall', 'membrane', 'protein', 'enzyme', 'gene', 'water', 'light', 'carbon', 'energy', 'sugar', 'acid'];
const phrase = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ') + ` ${i}`;
const doc = createEmptyDocument('bench.md');
doc.language = 'en';
const at = (line) => ({ line, column: 1 });
for (let s = 0; s < 20; s++) {
  const section = ['Bench', `Section ${s}`];
  for (let i = 0; i < 40; i++) {
    const term = `Term ${s}-${i}`;
    doc.definitions.push({ id: makeItemId('definition', term, section), term, definition: phrase(s * 40 + i, 8), section, source: at(s * 100 + i + 1) });
  }
  for (let i = 0; i < 20; i++) {
    const question = `Question ${s}-${i}?`;
    doc.qa.push({ id: makeItemId('qa', question, section), question, answers: [phrase(i + s, 6)], section, source: at(s * 100 + 50 + i) });
    doc.keyPoints.push({ id: makeItemId('keyPoint', `kp ${s} ${i}`, section), text: `Term ${s}-${i} needs ${i + 2} units of ${words[i % words.length]}.`, section, source: at(s * 100 + 80 + i) });
  }
}
const header = ['Name', 'Kind', 'Size', 'Place'];
const rows = Array.from({ length: 400 }, (_, i) => [`Row ${i}`, words[i % 12], String(i * 3), phrase(i, 3)]);
doc.tables.push({ id: makeItemId('table', header.join(' '), ['Bench']), header, rows, section: ['Bench'], source: at(3000) });
doc.sequences.push({ id: 'sequence-bench', steps: words.slice(0, 6), section: ['Bench'], source: at(4000) });

const facts = doc.definitions.length + doc.qa.length + doc.keyPoints.length + rows.length;
buildMcqBank([doc]);
const runs = 3;
const start = performance.now();
let questions = 0;
for (let r = 0; r < runs; r++) questions = buildMcqBank([doc]).bank.questions.length;
const ms = (performance.now() - start) / runs;
console.log(`mcq: ${facts} facts → ${questions} questions in ${ms.toFixed(0)} ms per build`);

// Issue 17: 8,000 `Q::A` cards through the whole command line (read, parse, bank) once took 81 s
// when every question looked at every other answer. Target: under 10 s. And a 3-row table of 2,000
// columns, whose questions once quoted their whole row (5,000 columns took 2.3 GB; today's reader
// keeps no table past about 2,500 columns, so 2,000 stands for it).
const { execFileSync } = await import('node:child_process');
const { mkdtempSync, writeFileSync, rmSync, statSync, readFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const work = mkdtempSync(join(tmpdir(), 'revise-bench-mcq-'));
try {
  const cli = (file) => {
    const start = performance.now();
    execFileSync(process.execPath, [new URL('../bin/revise.js', import.meta.url).pathname, 'build', file, '--format', 'mcq', '--out', join(work, 'out'), '--quiet', '--no-config', '--force', '-j', '1']);
    return (performance.now() - start) / 1000;
  };
  const qa = join(work, 'qa8000.md');
  writeFileSync(qa, `# Notes\n\n${Array.from({ length: 8000 }, (_, i) => `What is ${words[i % 12]} ${i} made of::${phrase(i, 4)}\n`).join('\n')}`);
  const qaSeconds = cli(qa);
  const qaBank = statSync(join(work, 'out', 'qa8000.mcq.json')).size;
  console.log(`mcq: 8,000 Q::A cards (${(statSync(qa).size / 1024).toFixed(0)} KiB) → bank ${(qaBank / 1048576).toFixed(1)} MiB in ${qaSeconds.toFixed(1)} s through the CLI; target < 10 s: ${qaSeconds < 10 ? 'met' : 'NOT met'}`);
  const wide = join(work, 'wide.md');
  const cols = 2000;
  // About the 165 KB: short cells, so every line stays a table row the reader accepts.
  const rowsOf = [0, 1, 2].map((r) => `| R${r} | ${Array.from({ length: cols }, (_, i) => `v${r}.${i}`).join(' | ')} |`);
  writeFileSync(wide, `# Wide\n\n| Name | ${Array.from({ length: cols }, (_, i) => `A${i}`).join(' | ')} |\n|${'-|'.repeat(cols + 1)}\n${rowsOf.join('\n')}\n`);
  const wideSeconds = cli(wide);
  const wideText = readFileSync(join(work, 'out', 'wide.mcq.json'), 'utf8');
  const wideQuestions = JSON.parse(wideText).questions.length;
  console.log(`mcq: a 3-row table of 2,000 columns (${(statSync(wide).size / 1024).toFixed(0)} KiB) → ${wideQuestions} questions, bank ${(wideText.length / 1048576).toFixed(1)} MiB (${(wideText.length / statSync(wide).size).toFixed(1)}× the notes) in ${wideSeconds.toFixed(1)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
