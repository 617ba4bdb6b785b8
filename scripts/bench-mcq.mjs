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
