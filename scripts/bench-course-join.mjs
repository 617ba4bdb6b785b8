#!/usr/bin/env node
// Benchmark (not a test, not run by vitest): the Anki course deck of the 500-file benchmark course,
// joined from scratch and patched after one file changed, each join in a new process as in a real
// rebuild. Checks that both paths give the same bytes and runs ../shared/tools/check_apkg.py on the
// patched deck. Needs `npm run build`. Target: patched join well under 1 s on 2 cores.
//   node scripts/bench-course-join.mjs [files=500]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const T = 1_767_225_600;
const count = Number(process.argv[2] ?? 500);

/** One join in a fresh process: parts from parts.json, `changed` for one file, previous state or not. */
const JOIN = `
import { readFile, writeFile } from 'node:fs/promises';
const [work, out, changedFile, withPrevious, timestamp] = process.argv.slice(2);
const { ankiRenderer } = await import(${JSON.stringify(dist('render/anki/ankiRenderer.js'))});
const { courseJoinStats } = await import(${JSON.stringify(dist('render/anki/joinCourseDeck.js'))});
const parts = JSON.parse(await readFile(work + '/parts.json', 'utf8'));
const state = withPrevious === 'yes' ? JSON.parse(await readFile(work + '/state.json', 'utf8')) : null;
const started = performance.now();
const r = await ankiRenderer.joinCourse(
  parts.map((p) => ({ file: p.file, title: p.title, language: p.language, changed: p.file === changedFile, read: async () => p.text, readBytes: async () => Buffer.from(p.text) })),
  { courseName: 'Bench', templatesDir: null, timestamp: Number(timestamp), options: {}, outputPath: out, previous: state && { state, removed: [] }, report: () => {} },
);
const ms = performance.now() - started;
await writeFile(out + '.new', r.output);
if (withPrevious === 'init') await writeFile(work + '/state.json', JSON.stringify(r.state));
console.log(JSON.stringify({ ms, stats: courseJoinStats, rss: process.resourceUsage().maxRSS * 1024 }));
`;

function runJoin(work, out, changedFile, withPrevious, timestamp) {
  const r = spawnSync(process.execPath, [join(work, 'join.mjs'), work, out, changedFile, withPrevious, String(timestamp)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const sha = async (file) => createHash('sha256').update(await readFile(file)).digest('hex');

const work = await mkdtemp(join(tmpdir(), 'revise-bench-course-join-'));
try {
  const { generateCourse } = await import(pathToFileURL(join(root, 'scripts', 'generateCourse.mjs')).href);
  const course = join(work, 'course');
  await generateCourse(course, { count, bytesPerFile: 10_000 });
  const { parseNotes } = await import(dist('parse/parseNotes.js'));
  const { ankiRenderer } = await import(dist('render/anki/ankiRenderer.js'));
  const files = (await readdir(course, { recursive: true })).map((f) => f.split('\\').join('/')).filter((f) => f.endsWith('.md')).sort();
  const part = async (file, extra = '') => {
    const doc = parseNotes((await readFile(join(course, file), 'utf8')) + extra, { file }).document;
    return { file, title: doc.title, language: doc.language, text: ankiRenderer.coursePart(doc, {}) };
  };
  const parts = [];
  for (const f of files) parts.push(await part(f));
  await writeFile(join(work, 'parts.json'), JSON.stringify(parts));
  await writeFile(join(work, 'join.mjs'), JOIN);

  const deck = join(work, 'Bench.apkg');
  const full = runJoin(work, deck, '', 'init', T);
  await copyFile(`${deck}.new`, deck);
  const rows = [['join from scratch (no previous deck)', full]];
  let identical = true;
  let checked = 'not run';
  for (const [label, file] of [['first file', files[0]], ['last file', files[files.length - 1]]]) {
    // The file gains a definition: one more note, so every later card's due moves.
    const i = parts.findIndex((p) => p.file === file);
    const saved = parts[i];
    parts[i] = await part(file, '\n**terme ajouté** : une définition de plus.\n');
    await writeFile(join(work, 'parts.json'), JSON.stringify(parts));
    const patchedOut = join(work, 'patched.apkg');
    const fullOut = join(work, 'full.apkg');
    await copyFile(deck, patchedOut);
    await copyFile(deck, fullOut);
    const patched = runJoin(work, patchedOut, file, 'yes', T + 3600);
    if (patched.stats.incremental !== 1) throw new Error(`the patch path was not taken: ${patched.stats.lastFallback}`);
    const scratch = runJoin(work, fullOut, file, 'no', T + 3600);
    const same = (await sha(`${patchedOut}.new`)) === (await sha(`${fullOut}.new`));
    identical &&= same;
    rows.push([`patched, ${label} changed (${file})`, patched], [`from scratch, same change`, scratch]);
    const checker = join(root, '..', 'shared', 'tools', 'check_apkg.py');
    if (existsSync(checker)) {
      const r = spawnSync('python3', [checker, `${patchedOut}.new`], { encoding: 'utf8' });
      checked = r.error ? 'python3 missing' : (r.stdout + r.stderr).trim().split('\n').pop().replace(/^.*?: /, '');
    }
    parts[i] = saved;
  }
  const size = (await stat(`${deck}.new`)).size;
  console.log(`Anki course deck, ${files.length} files; .apkg ${(size / 1e6).toFixed(2)} MB`);
  for (const [label, r] of rows) console.log(`  ${label.padEnd(58)} ${Math.round(r.ms).toString().padStart(5)} ms   max RSS ${Math.round(r.rss / 1048576)} MiB`);
  console.log(`  patched and from-scratch bytes identical: ${identical ? 'yes' : 'NO'}`);
  console.log(`  check_apkg.py on the patched deck: ${checked}`);
  process.exitCode = identical ? 0 : 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
