#!/usr/bin/env node
// Coverage, key-position and quality figures of the mcq bank for every sample and corpus file.
// Usage: npx tsc -p . && node scripts/mcq-report.mjs [files…]   (reads dist/, so build first)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseNotes } from '../dist/parse/parseNotes.js';
import { readNotesFile } from '../dist/pipeline/readNotesFile.js';
import { decodeText } from '../dist/parse/readers/decodeText.js';
import { buildMcqBank } from '../dist/render/mcq/buildMcqBank.js';
import { checkMcqBank } from '../dist/render/mcq/checkMcqBank.js';
import { measureMcqCoverage } from '../dist/render/mcq/measureMcqCoverage.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const listDir = (dir, ext) => (existsSync(dir) ? readdirSync(dir).filter((f) => ext.some((e) => f.endsWith(e))).sort().map((f) => join(dir, f)) : []);
const files = process.argv.length > 2 ? process.argv.slice(2) : [...listDir(join(root, 'input'), ['.md']), ...listDir(join(root, '..', 'shared', 'corpus'), ['.txt'])];

const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schema', 'mcq.schema.json'), 'utf8')));

const pct = (a, b) => (b === 0 ? '  –  ' : `${String(Math.round((100 * a) / b)).padStart(3)}%`);
const cell = (k) => `${k.covered}+${k.refused}/${k.eligible} ${k.coveredWithSiblings}/${k.withSiblings}/${k.items}`.padEnd(18);
console.log('coverage per kind: covered+refused by the gate/eligible (≥2 usable siblings), then covered/with any 2 siblings/items; ratio and raw: covered over the four kinds');
console.log(`${'file'.padEnd(28)}lang  qs  ${'definitions'.padEnd(18)}${'table rows'.padEnd(18)}${'sequences'.padEnd(18)}${'qa'.padEnd(18)}ratio  raw  keys(4-opt)        keys(3-opt)   true/false  viol schema`);
const total = { four: [0, 0, 0, 0], violations: 0 };
for (const file of files) {
  const bytes = await readNotesFile(file, basename(file), 16 * 1048576);
  const { document } = parseNotes(decodeText(bytes, file), { file: basename(file) });
  const { bank, drafts, warnings, logs } = buildMcqBank([document]);
  const cov = measureMcqCoverage(document, drafts, new Set(logs[0].rejections.map((r) => r.item).filter(Boolean)));
  const violations = checkMcqBank(bank);
  total.violations += violations.length;
  const positions = (n) => {
    const c = new Array(n).fill(0);
    for (const q of bank.questions) if (q.type === 'single-choice' && q.options.length === n) c[q.options.findIndex((o) => o.correct)]++;
    return c;
  };
  const four = positions(4);
  four.forEach((v, i) => (total.four[i] += v));
  const tf = bank.questions.filter((q) => q.type === 'true-false');
  const tfTrue = tf.filter((q) => q.options[0].correct).length;
  const k = cov.kinds;
  console.log(
    `${basename(file).slice(0, 27).padEnd(28)}${document.language.padEnd(4)}${String(bank.questions.length).padStart(4)}  ${cell(k.definitions)}${cell(k.tableRows)}${cell(k.sequences)}${cell(k.qa)}${pct(cov.ratio, 1)} ${pct(cov.rawRatio, 1)}  ${four.join('/').padEnd(19)}${positions(3).join('/').padEnd(14)}${`${tfTrue}T/${tf.length - tfTrue}F`.padEnd(12)}${String(violations.length).padStart(4)} ${validate(bank) ? 'ok' : 'INVALID'}`,
  );
  for (const v of violations) console.log(`    ${v.rule}: ${v.questionId} ${v.message}`);
  for (const w of warnings) console.log(`    warning: ${w.message}`);
}
const n = total.four.reduce((a, b) => a + b, 0);
console.log(`all 4-option keys by position: ${total.four.map((v) => pct(v, n).trim()).join(' / ')} of ${n}; violations: ${total.violations}`);
