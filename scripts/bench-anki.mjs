#!/usr/bin/env node
// Benchmark (not a test): a synthetic notes file giving 5,000 Anki cards, built through the real CLI
// (`revise build --format anki`) in a child process, so the time and peak memory are those a
// student sees. Target on the 2-core CI machine: under 10 s and under 400 MB. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_SECONDS = 10;
const TARGET_MB = 400;

/** 1,250 definitions (2 cards each) + 2,000 questions + 250 two-gap clozes = 5,000 cards. */
function syntheticNotes() {
  const lines = ['# Synthetic course', ''];
  for (let s = 0; s < 50; s++) {
    lines.push(`## Chapter ${s + 1}`, '');
    for (let i = 0; i < 25; i++) lines.push(`- **Term ${s}-${i}** — definition number ${i} of chapter ${s}, with a few more words to read.`);
    lines.push('');
    for (let i = 0; i < 40; i++) lines.push(`Q: What is question ${s}-${i}?`, `A: The answer to question ${s}-${i} is ${i * s}.`, '');
    for (let i = 0; i < 5; i++) lines.push(`In chapter ${s}, fact ${i} links ==cause ${s}-${i}== to ==effect ${s}-${i}==.`, '');
  }
  return lines.join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'revise-bench-anki-'));
try {
  const notes = join(work, 'synthetic.md');
  writeFileSync(notes, syntheticNotes());
  const child = `
    const started = performance.now();
    const { run } = await import(${JSON.stringify(join(root, 'dist', 'run.js'))});
    const result = await run({ command: 'build', paths: [${JSON.stringify(notes)}], out: ${JSON.stringify(join(work, 'out'))}, formats: ['anki'], quiet: true });
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ code: result.code, seconds, peakMB: process.resourceUsage().maxRSS / 1024 }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } });
  if (r.status !== 0) throw new Error(`benchmark child failed:\n${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').pop());
  const deck = join(work, 'out', 'synthetic.apkg');
  const size = statSync(deck).size;

  // Count the cards actually written.
  const { default: JSZip } = await import('jszip');
  const { default: initSqlJs } = await import('sql.js');
  const zip = await JSZip.loadAsync(readFileSync(deck));
  const SQL = await initSqlJs();
  const db = new SQL.Database(await zip.file('collection.anki2').async('uint8array'));
  const [[notesCount, cardsCount]] = db.exec('select (select count() from notes), (select count() from cards)')[0].values;
  db.close();

  const ok = m.seconds < TARGET_SECONDS && m.peakMB < TARGET_MB;
  console.log(
    `bench-anki: ${cardsCount} cards (${notesCount} notes) in ${m.seconds.toFixed(2)} s, peak RSS ${m.peakMB.toFixed(0)} MB, ` +
      `deck ${(size / 1024).toFixed(0)} KiB; target < ${TARGET_SECONDS} s and < ${TARGET_MB} MB: ${ok ? 'met' : 'MISSED'}`,
  );
  if (r.stderr) process.stderr.write(r.stderr);
} finally {
  rmSync(work, { recursive: true, force: true });
}
