// `npm run bench`: the course benchmark of issue 7, then every scripts/bench-*.mjs, all written to
// BENCHMARKS.md with the machine they ran on. Slow on purpose: never part of `npm test`.
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, availableParallelism, totalmem, tmpdir, release, platform } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCourse } from './generateCourse.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const TARGETS = { cold: 60_000, noop: 1_000, change: 2_000, memory: 1024 * 1024 * 1024 };

/** Runs the CLI in a fresh process, as a teacher or CI would, and reads its peak memory from inside. */
async function runCli(args, cwd) {
  const wrapper = join(cwd, 'run-revise.mjs');
  await writeFile(wrapper, `const { main } = await import(${JSON.stringify(dist('cli/main.js'))});
const code = await main(['node', 'revise', ...${JSON.stringify(args)}]);
process.stderr.write('\\nBENCH ' + JSON.stringify({ code, maxRSS: process.resourceUsage().maxRSS * 1024 }) + '\\n');
process.exitCode = code;`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [wrapper], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', () => {
      const ms = performance.now() - started;
      const line = /BENCH (.*)/.exec(stderr);
      if (!line) return reject(new Error(`revise did not finish:\n${stderr.slice(-2000)}`));
      const { code, maxRSS } = JSON.parse(line[1]);
      let report = null;
      try {
        report = JSON.parse(stdout);
      } catch {
        // not a --json run
      }
      resolve({ ms, code, maxRSS, report });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMB = (b) => `${(b / 1048576).toFixed(0)} MiB`;

async function courseBenchmark() {
  const work = await mkdtemp(join(tmpdir(), 'revise-bench-'));
  const course = join(work, 'course');
  try {
    const { files, bytes } = await generateCourse(course, { count: 500, bytesPerFile: 10_000 });
    console.error(`bench: generated ${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${course}`);
    const args = ['build', 'course', '--out', 'out', '--json', '--deck-name', 'Bench'];

    const cold = await runCli(args, work);
    if (!cold.report) throw new Error('cold build gave no JSON report');
    console.error(`bench: cold build ${fmtMs(cold.ms)} (exit ${cold.code})`);
    const noops = [];
    for (let i = 0; i < 3; i++) noops.push(await runCli(args, work));
    console.error(`bench: no-op rebuild ${fmtMs(median(noops.map((r) => r.ms)))}`);
    const changes = [];
    for (let i = 0; i < 3; i++) {
      const file = join(course, 'unit-01', 'fr', 'notes-000.md');
      await appendFile(file, `\n**terme ajouté ${i}** : une définition de plus.\n`);
      changes.push(await runCli(args, work));
    }
    console.error(`bench: one file changed ${fmtMs(median(changes.map((r) => r.ms)))}`);

    // In-process figures on a sample, a third per language: parse throughput and time per renderer.
    const { parseNotes } = await import(dist('parse/parseNotes.js'));
    const { createDefaultRegistry } = await import(dist('render/registry.js'));
    const sample = [];
    for (const unit of ['unit-01', 'unit-02']) {
      for (const lang of ['fr', 'en', 'zh']) {
        const dir = join(course, unit, lang);
        for (const name of (await readdir(dir)).sort().slice(0, 10)) sample.push({ file: `${unit}/${lang}/${name}`, text: await readFile(join(dir, name), 'utf8') });
      }
    }
    const sampleBytes = sample.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
    parseNotes(sample[0].text, { file: sample[0].file });
    let started = performance.now();
    const documents = sample.map((s) => parseNotes(s.text, { file: s.file }).document);
    const parseMs = performance.now() - started;
    // A worker parses hundreds of files in a course build: past the first pass, the code is compiled.
    const passes = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      for (const s of sample) parseNotes(s.text, { file: s.file });
      passes.push(performance.now() - t);
    }
    passes.sort((a, b) => a - b);
    const steadyMs = passes[2];
    const renderers = [];
    for (const renderer of createDefaultRegistry().select(undefined)) {
      const context = { sourcePath: '', sourceAbsolutePath: null, templatesDir: null, timestamp: 0, options: {}, report: () => {} };
      await renderer.render(documents[0], { ...context, sourcePath: documents[0].file });
      started = performance.now();
      let outBytes = 0;
      for (const d of documents) {
        const out = await renderer.render(d, { ...context, sourcePath: d.file });
        outBytes += out === null ? 0 : typeof out === 'string' ? Buffer.byteLength(out) : out.length;
      }
      const perFile = (performance.now() - started) / documents.length;
      let courseMs = null;
      let partMs = null;
      if (typeof renderer.coursePart === 'function' && typeof renderer.joinCourse === 'function') {
        // As in a folder build: each file's share is made once, the course output joins them all.
        started = performance.now();
        const parts = [];
        for (const d of documents) {
          const text = await renderer.coursePart(d, { ...context, sourcePath: d.file });
          parts.push({ file: d.file, title: d.title, language: d.language, changed: true, read: async () => text, readBytes: async () => Buffer.from(text) });
        }
        partMs = (performance.now() - started) / documents.length;
        started = performance.now();
        await renderer.joinCourse(parts, { courseName: 'Bench', templatesDir: null, timestamp: 0, options: {}, report: () => {}, previous: null });
        courseMs = performance.now() - started;
      } else if (typeof renderer.renderCourse === 'function') {
        started = performance.now();
        await renderer.renderCourse(documents, { courseName: 'Bench', templatesDir: null, timestamp: 0, options: {}, report: () => {} });
        courseMs = performance.now() - started;
      }
      renderers.push({ name: renderer.name, perFile, outBytes: outBytes / documents.length, partMs, courseMs });
    }
    return {
      files,
      bytes,
      cold,
      noop: median(noops.map((r) => r.ms)),
      change: median(changes.map((r) => r.ms)),
      changeReport: changes.at(-1).report,
      peak: Math.max(cold.maxRSS, ...noops.map((r) => r.maxRSS), ...changes.map((r) => r.maxRSS)),
      peaks: { cold: cold.maxRSS, noop: Math.max(...noops.map((r) => r.maxRSS)), change: Math.max(...changes.map((r) => r.maxRSS)) },
      parse: { files: sample.length, bytes: sampleBytes, ms: parseMs, steadyMs },
      renderers,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every other helper's benchmark, run as its own process; its output goes into BENCHMARKS.md as is. */
async function otherBenchmarks() {
  const names = (await readdir(join(root, 'scripts'))).filter((n) => /^bench-.+\.mjs$/.test(n)).sort();
  const results = [];
  for (const name of names) {
    console.error(`bench: running scripts/${name}`);
    const started = performance.now();
    const result = await new Promise((resolve) => {
      const child = spawn(process.execPath, [join(root, 'scripts', name)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve({ code, out }));
    });
    results.push({ name, ms: performance.now() - started, ...result });
  }
  return results;
}

function machine() {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model.trim() ?? 'unknown'}`,
    `- Cores: ${availableParallelism()} available (${cpu.length} logical)`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node.js: ${process.version}, ${platform()} ${release()}`,
  ].join('\n');
}

const pass = (ok) => (ok ? 'yes' : '**no**');

const course = await courseBenchmark();
const others = await otherBenchmarks();
const totals = course.cold.report.totals;
const formats = course.renderers.map((r) => r.name).join(', ');
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (scripts/bench.mjs); numbers from one run, on a machine that may have been',
  'shared with other work at the time.',
  '',
  '## Machine',
  '',
  machine(),
  '',
  '## Course build (`revise build course/`)',
  '',
  `A synthetic course of ${course.files} files, ${(course.bytes / 1e6).toFixed(1)} MB (French, English, Chinese; definitions, tables,`,
  `outlines, sequences, Q&A, clozes, key points, formulas), built to every format (${formats}), each run a`,
  `new process like a teacher's or CI's. The cold build gave ${totals.items} items and ${totals.outputs} outputs, exit ${course.cold.code}.`,
  '',
  '| measure | result | target | met |',
  '| --- | --- | --- | --- |',
  `| cold build, all formats | ${fmtMs(course.cold.ms)} | < 60 s | ${pass(course.cold.ms < TARGETS.cold)} |`,
  `| no-op rebuild (median of 3) | ${fmtMs(course.noop)} | < 1 s | ${pass(course.noop < TARGETS.noop)} |`,
  `| rebuild after one file changed (median of 3) | ${fmtMs(course.change)} | < 2 s | ${pass(course.change < TARGETS.change)} |`,
  `| peak memory (max RSS, all threads) | ${fmtMB(course.peak)} | < 1 GiB | ${pass(course.peak < TARGETS.memory)} |`,
  '',
  `Peak memory by run: cold ${fmtMB(course.peaks.cold)}, no-op ${fmtMB(course.peaks.noop)}, one change ${fmtMB(course.peaks.change)}.`,
  '',
  `After one change: ${course.changeReport?.totals.built} file built, ${course.changeReport?.totals.skipped} unchanged; course outputs ${course.changeReport?.courses.map((c) => c.status).join(', ') || 'none'}.`,
  '',
  '### Parsing and rendering, in one thread',
  '',
  `On a sample of ${course.parse.files} files (${(course.parse.bytes / 1e6).toFixed(2)} MB, equal parts per language):`,
  '',
  `- parse throughput: ${(course.parse.bytes / 1e6 / (course.parse.steadyMs / 1000)).toFixed(2)} MB/s once compiled (median of 5 passes, ${(course.parse.steadyMs / course.parse.files).toFixed(1)} ms per file; target ≥ 1 MB/s); first pass ${(course.parse.bytes / 1e6 / (course.parse.ms / 1000)).toFixed(2)} MB/s, while the code is still being compiled`,
  '',
  'Course outputs are joined from per-file parts made when each file is built (see docs/ci.md); the',
  'last column is a join from scratch over the whole sample.',
  '',
  '| renderer | time per file | output per file | course part per file | course join (whole sample) |',
  '| --- | --- | --- | --- | --- |',
  ...course.renderers.map((r) => `| ${r.name} | ${r.perFile.toFixed(1)} ms | ${(r.outBytes / 1024).toFixed(1)} KiB | ${r.partMs === null ? '—' : `${r.partMs.toFixed(1)} ms`} | ${r.courseMs === null ? '—' : fmtMs(r.courseMs)} |`),
  '',
];
for (const o of others) {
  lines.push(`## scripts/${o.name}`, '', `Exit ${o.code}, ${fmtMs(o.ms)}.`, '', '```', o.out.trim(), '```', '');
}
await writeFile(join(root, 'BENCHMARKS.md'), lines.join('\n'));
console.error('bench: wrote BENCHMARKS.md');
process.stdout.write(lines.join('\n'));
