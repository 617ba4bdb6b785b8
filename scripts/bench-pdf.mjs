#!/usr/bin/env node
// Benchmark of the PDF revision sheet: cold `revise build --format pdf` of one notes file (a new
// process each time, as a student runs it), and the size of every sheet.
// Targets (issue 5): a 2-page French + Chinese sheet under 100 KB; a cold build under 1.5 s.
// Usage: node scripts/bench-pdf.mjs [--runs 5] [--check]   (--check exits 1 when a target is missed)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const check = args.includes('--check');
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });

const KB = 1024;
const targets = { frZhBytes: 100 * KB, coldSeconds: 1.5 };
const frZh = join(root, 'tests', 'pdf', 'fixtures', 'economie-fr-zh.md');
const samples = readdirSync(join(root, 'input')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'input', f));

function build(file, out) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'revise.js'), 'build', file, '--format', 'pdf', '--out', out, '-q'], { cwd: root, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`build of ${file} failed: ${r.stderr}`);
  return seconds;
}

function pages(pdf) {
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  } catch {
    return NaN;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = mkdtempSync(join(tmpdir(), 'revise-bench-pdf-'));
let failed = false;
console.log(`revise PDF benchmark (${runs} cold runs each; load average ${(await import('node:os')).loadavg()[0].toFixed(2)})`);
console.log('file                          cold median  cold min   size      pages');
for (const file of [...samples, frZh]) {
  const times = Array.from({ length: runs }, () => build(file, out));
  const pdf = join(out, basename(file).replace(/\.md$/, '.pdf'));
  const size = statSync(pdf).size;
  const n = pages(pdf);
  console.log(`${basename(file).padEnd(30)}${median(times).toFixed(3).padStart(8)} s ${Math.min(...times).toFixed(3).padStart(8)} s ${(size / KB).toFixed(1).padStart(7)} KB ${String(n).padStart(5)}`);
  if (median(times) > targets.coldSeconds) {
    console.log(`  MISS: cold build over ${targets.coldSeconds} s`);
    failed = true;
  }
  if (file === frZh && size > targets.frZhBytes) {
    console.log(`  MISS: French + Chinese sheet over ${targets.frZhBytes / KB} KB`);
    failed = true;
  }
}
console.log(failed ? 'some targets missed' : `targets met: cold < ${targets.coldSeconds} s, fr+zh sheet < ${targets.frZhBytes / KB} KB`);
if (failed && check) process.exitCode = 1;
