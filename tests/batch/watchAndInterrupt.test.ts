import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { captureIO, cleanup, listFiles, makeListRenderer, put, registryWith, repoRoot, sample, tempDir } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => cleanup(dir));

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('revise build --watch', () => {
  it('rebuilds the file that changed, and stops when aborted', async () => {
    await put(dir, { 'course/a.md': await sample('cell-biology.md'), 'course/b.md': await sample('jingji.md') });
    const controller = new AbortController();
    const io = captureIO();
    const list = makeListRenderer();
    const watching = run({ command: 'build', paths: ['course'], out: 'out', cwd: dir, watch: true, signal: controller.signal, jobs: 1 }, io, registryWith(list));
    const output = join(dir, 'out/a.list.txt');
    await until(async () => existsSync(output) && io.err.join('').includes('watching'), 'the first build');
    expect(list.calls.files).toBe(2);
    await writeFile(join(dir, 'course/a.md'), '# Renamed notes\n\nTerm: a new definition.\n');
    await until(async () => (await readFile(output, 'utf8')).includes('Renamed notes'), 'the rebuild');
    // Only the changed file was rendered again; the course output followed.
    await until(async () => (await readFile(join(dir, 'out/course.list.txt'), 'utf8')).includes('Renamed notes'), 'the course rebuild');
    expect(list.calls.files).toBe(3);
    controller.abort();
    const result = await watching;
    expect(result.code).toBe(0);
    expect(result.build!.files.find((f) => f.file === 'course/b.md')?.status).toBe('skipped');
  });
});

describe('an interrupted build', () => {
  it('leaves no half-written file behind (Ctrl-C)', async () => {
    // A slow renderer with big outputs, so the signal lands while files are being rendered and written.
    const plugin = `export default {
      name: 'slow', extension: '.slow.txt', binary: false, description: 'slow',
      render: (d) => new Promise((r) => setTimeout(() => r('x'.repeat(2 * 1024 * 1024) + '\\nEND ' + d.file + '\\n'), 100)),
    };`;
    const files: Record<string, string> = { 'slow.mjs': plugin, 'revise.config.json': JSON.stringify({ renderers: ['./slow.mjs'], formats: ['slow'] }) };
    for (let i = 0; i < 40; i++) files[`notes/n${String(i).padStart(2, '0')}.md`] = `# Note ${i}\n\nTerm: meaning ${i}.\n`;
    await put(dir, files);
    const child = spawn(process.execPath, [join(repoRoot, 'bin/revise.js'), 'build', 'notes', '--out', 'out', '--jobs', '1', '--quiet'], { cwd: dir, stdio: 'ignore' });
    await until(async () => (await listFiles(join(dir, 'out'))).length >= 3, 'some outputs');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : null))));
    expect(code).toBe(130);
    const left = await listFiles(join(dir, 'out'), true);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const outputs = left.filter((f) => f.endsWith('.slow.txt'));
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.length).toBeLessThan(40);
    for (const f of outputs) expect((await readFile(join(dir, 'out', f), 'utf8')).endsWith(`END ${f.replace('.slow.txt', '.md')}\n`)).toBe(true);
    // The next build finishes the job from where it stopped.
    const again = spawn(process.execPath, [join(repoRoot, 'bin/revise.js'), 'build', 'notes', '--out', 'out', '--json'], { cwd: dir });
    let stdout = '';
    again.stdout.on('data', (d) => (stdout += d));
    expect(await new Promise((resolve) => again.on('exit', resolve))).toBe(0);
    // What finished before the signal is kept in the cache (give or take the file being written then).
    const skipped = JSON.parse(stdout).totals.skipped as number;
    expect(skipped).toBeGreaterThanOrEqual(outputs.length - 1);
    expect(skipped).toBeLessThanOrEqual(outputs.length);
  });
});
