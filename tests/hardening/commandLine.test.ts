import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tooLargeMessage } from '../../src/pipeline/readNotesFile.js';
import type { Renderer } from '../../src/render/Renderer.js';
import { EXIT, run } from '../../src/run.js';
import { schemaErrors } from '../mcq/schemaErrors.js';
import { captureIO, cleanup, put, registryWith, repoRoot, sample, tempDir } from '../batch/helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => cleanup(dir));

async function cli(args: string[], stdin?: Uint8Array) {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: stdin ? async () => stdin : undefined };
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return { code: await main(['node', 'revise', ...args], io), ...io };
  } finally {
    process.chdir(cwd);
  }
}

/** Runs bin/revise.js as a shell would, with `input` piped on standard input. */
function spawnRevise(args: string[], input?: Buffer): Promise<{ code: number | null; out: string; err: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/revise.js'), ...args], { cwd: dir });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  child.stdin.on('error', () => {}); // revise may stop reading before the pipe is drained
  if (input) child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : null), out, err, child })));
}

describe('the terminal never receives raw control characters (issue 17, item 11)', () => {
  it('file names and note text with ESC and line ends are printed escaped', async () => {
    const evil = 'evil\u001b[2J\nfake.md';
    await put(dir, { [`course/${evil}`]: '', 'course/ok.md': '# Title \u001b[31mred\n\nTerm: \u001b]0;owned\u0007x\n' });
    const r = await cli(['build', 'course', '--format', 'json']);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err + r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.err).toContain('course/evil\\x1b[2J\\nfake.md: error: is empty');
    const inspect = await cli(['inspect', 'course/ok.md']);
    expect(inspect.out + inspect.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(inspect.err).toMatch(/control-characters/);
  });
});

describe('the build summary (issue 17, item 11 and the rough edges)', () => {
  it('agrees with --json on failures, says "1 file", and gives the index relative like the course folder', async () => {
    const broken: Renderer = {
      name: 'broken-course',
      extension: '.bc.txt',
      binary: false,
      description: 'a course output that fails',
      render: (d) => d.title,
      renderCourse: () => {
        throw new Error('no course today');
      },
    };
    await put(dir, { 'course/one.md': '# One\n\nTerm: a meaning.\n' });
    const text = captureIO();
    const r = await run({ command: 'build', paths: ['course'], cwd: dir }, text, registryWith(broken));
    const json = captureIO();
    await run({ command: 'build', paths: ['course'], cwd: dir, json: true, force: true }, json, registryWith(broken));
    const totals = JSON.parse(json.out.join('')).totals;
    expect(r.code).toBe(EXIT.failed);
    const summary = text.out.join('');
    expect(summary).toMatch(new RegExp(`^revise: built 1 of 1 file \\(1 item, 2 outputs, 0 warnings, ${totals.errors} error\\) into output\\n`));
    expect(totals).toMatchObject({ files: 1, failed: 0, errors: 1 });
    expect(summary).toContain('revise: course "course" from course: 1 file, 0 outputs (failed)\n');
    expect(summary).not.toContain(dir);
    expect(summary).toContain('revise: index output/index.html\n');
  });

  it('takes format names in any case, and an unknown --lang warns and falls back to detection', async () => {
    await put(dir, { 'notes.md': '# Cells\n\nThe cell is the unit of life and the nucleus holds the genes.\n' });
    const r = await cli(['build', 'notes.md', '--format', 'JSON', '--lang', 'xx']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toMatch(/--lang: warning: "xx" is not a known language code/);
    expect(JSON.parse(await readFile(join(dir, 'output/notes.json'), 'utf8'))).toMatchObject({ language: 'en', languageSource: 'detected' });
    const inspect = await cli(['inspect', 'notes.md', '--lang', 'xx', '--json']);
    expect(JSON.parse(inspect.out).language).toBe('en');
    expect(inspect.err).toMatch(/"xx" is not a known language code/);
  });

  it('`revise --help` lists the build options', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(EXIT.ok);
    for (const option of ['--out', '--format', '--deck-name', '--jobs', '--timeout', '--allow-plugins', '--no-plugins', '--max-size', '--watch']) expect(r.out).toContain(option);
  });

  it('labels a course bank in three languages mul, valid against the schema, each question keeping its own', async () => {
    await put(dir, { 'course/en.md': await sample('cell-biology.md'), 'course/fr.md': await sample('photosynthese.md'), 'course/zh.md': await sample('jingji.md') });
    const r = await cli(['build', 'course', '--format', 'mcq', '--quiet']);
    expect(r.code).toBe(EXIT.ok);
    const bank = JSON.parse(await readFile(join(dir, 'output/course.mcq.json'), 'utf8'));
    expect(bank.language).toBe('mul');
    expect(schemaErrors(bank)).toEqual([]);
    expect(new Set(bank.questions.map((q: { language: string }) => q.language))).toEqual(new Set(['en', 'fr', 'zh']));
  });
});

describe('--max-size (issue 17, items 8 and 11)', () => {
  it('never says "1.0 MiB, over the 1 MiB limit"', () => {
    expect(tooLargeMessage(1_050_000, 1_048_576)).toMatch(/^is 1\.00\d* MiB, over the 1 MiB limit/);
    expect(tooLargeMessage(1_048_577, 1_048_576)).toMatch(/^is 1,048,577 bytes, over the 1 MiB limit of 1,048,576 bytes/);
    expect(tooLargeMessage(3 * 1048576, 1_048_576)).toMatch(/^is 3\.0 MiB, over the 1 MiB limit/);
    expect(tooLargeMessage(600_000, 524_288)).toMatch(/over the 0\.5 MiB limit/);
  });

  it('holds on standard input, for build and inspect', async () => {
    const big = Buffer.alloc(2 * 1048576, '# Big\n\nTerm: meaning.\n');
    const build = await cli(['build', '-', '--max-size', '1', '--format', 'json'], big);
    expect(build.code).toBe(EXIT.failed);
    expect(build.err).toMatch(/<stdin>: error: is 2\.0 MiB, over the 1 MiB limit/);
    const inspect = await cli(['inspect', '-', '--max-size', '1'], big);
    expect(inspect.code).toBe(EXIT.failed);
    expect(inspect.err).toMatch(/<stdin>: is 2\.0 MiB, over the 1 MiB limit/);
  });

  it('stops reading a real pipe at the limit', async () => {
    const r = await spawnRevise(['build', '-', '--max-size', '1', '--format', 'json'], Buffer.alloc(20 * 1048576, 'Term: meaning.\n'));
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toMatch(/<stdin>: error: is over the 1 MiB limit; reading stopped there/);
  });
});

describe('--watch', () => {
  it('says so when Ctrl-C stops it', async () => {
    await put(dir, { 'course/a.md': '# A\n\nTerm: meaning.\n' });
    const child = spawn(process.execPath, [join(repoRoot, 'bin/revise.js'), 'build', 'course', '--watch', '--format', 'json'], { cwd: dir });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const started = Date.now();
    while (!err.includes('watching') && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 50));
    expect(err).toContain('watching');
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(err).toMatch(/revise: stopped watching\n$/);
  });
});

describe('a file over its time budget (--timeout)', () => {
  const HANG = `export default { name: 'hang', extension: '.hang.txt', binary: false, description: 'hangs on HANG',
    render(d) { if (d.title.includes('HANG')) for (;;) {} return d.title; } };`;
  it('is stopped on its worker thread and reported failed; the others are built', async () => {
    const files: Record<string, string> = { 'hang.mjs': HANG, 'revise.config.json': JSON.stringify({ renderers: ['./hang.mjs'], formats: ['json', 'hang'] }) };
    for (let i = 0; i < 3; i++) files[`course/n${i}.md`] = `# Note ${i}\n\nTerm: meaning ${i}.\n`;
    files['course/stuck.md'] = '# HANG here\n\nTerm: meaning.\n';
    await put(dir, files);
    const started = Date.now();
    const r = await spawnRevise(['build', 'course', '--jobs', '2', '--timeout', '4', '--json']);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.code).toBe(EXIT.failed);
    const report = JSON.parse(r.out);
    const byFile = Object.fromEntries(report.files.map((f: { file: string; status: string }) => [f.file, f]));
    expect(byFile['course/stuck.md'].status).toBe('failed');
    expect(byFile['course/stuck.md'].messages[0]).toMatchObject({ ruleId: 'timeout', severity: 'error' });
    for (let i = 0; i < 3; i++) expect(byFile[`course/n${i}.md`].status).toBe('built');
  });

  it('in this thread, is checked between steps', async () => {
    const slow: Renderer = { name: 'slow', extension: '.slow.txt', binary: false, description: 'slow', render: async (d) => (await new Promise((r) => setTimeout(r, 300)), d.title) };
    await put(dir, { 'a.md': '# A\n\nTerm: meaning.\n' });
    const r = await run({ command: 'build', paths: ['a.md'], cwd: dir, jobs: 1, timeout: 0.1 }, captureIO(), registryWith(slow, { ...slow, name: 'slow2', extension: '.slow2.txt' }));
    expect(r.code).toBe(EXIT.failed);
    expect(r.build!.files[0].messages.map((m) => m.ruleId)).toContain('timeout');
  });
});
