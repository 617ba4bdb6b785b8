import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT, run } from '../../src/run.js';
import { captureIO, cleanup, listFiles, put, registryWith, repoRoot, sample, tempDir } from '../batch/helpers.js';

const isRoot = process.getuid?.() === 0;

/**
 * A read-only or full disk for real: a tmpfs mounted in a mount namespace of its own (`unshare -m`),
 * seen only by the revise process started inside it. Needs the right to do so (root in CI).
 */
function canMountPrivately(): boolean {
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=8k none /mnt && umount /mnt'], { encoding: 'utf8' });
  return probe.status === 0;
}
const mountable = process.platform === 'linux' && canMountPrivately();

function reviseOnTmpfs(mountOptions: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = `mount -t tmpfs -o ${mountOptions} none "$1/disk" && shift && exec "$@"`;
  const r = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', dir, process.execPath, join(repoRoot, 'bin/revise.js'), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await put(dir, { 'course/ch1/a.md': await sample('cell-biology.md'), 'course/b.md': '# B\n\nTerm: a meaning.\n' });
});
afterEach(async () => {
  await chmod(join(dir, 'ro'), 0o755).catch(() => {});
  await cleanup(dir);
});

/** Through main(), as from the shell: the exit code, and what was printed. */
async function cli(...args: string[]) {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await main(['node', 'revise', ...args], io);
    return { code, ...io };
  } finally {
    process.chdir(cwd);
  }
}

describe('ordinary environment errors are not internal errors (issue 17, item 9)', () => {
  it('--out naming an existing file: exit 2, nothing built', async () => {
    await writeFile(join(dir, 'taken'), 'a file');
    const r = await cli('build', 'course', '--out', 'taken', '--format', 'json');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/output folder taken is a file, not a folder/);
    expect(r.err).not.toMatch(/internal error/);
    expect(await readFile(join(dir, 'taken'), 'utf8')).toBe('a file');
  });

  it('--out below a file: exit 2', async () => {
    await writeFile(join(dir, 'taken'), 'a file');
    const r = await cli('build', 'course', '--out', 'taken/sub', '--format', 'json');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/is a file, not a folder/);
  });

  it.runIf(!isRoot)('a read-only output folder: exit 2 with the reason', async () => {
    await mkdir(join(dir, 'ro'));
    await chmod(join(dir, 'ro'), 0o555);
    const r = await cli('build', 'course', '--out', 'ro', '--format', 'json');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/permission denied \(EACCES\)/);
  });

  it.runIf(mountable)('a read-only file system under --out: exit 2 with the reason, nothing built', async () => {
    await mkdir(join(dir, 'disk'));
    const r = reviseOnTmpfs('ro,size=1m', ['build', 'course', '--out', 'disk/out', '--format', 'json']);
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/output folder disk\/out cannot be made in .*disk: the file system is read-only \(EROFS\)/);
  });

  it.runIf(mountable)('a disk that fills up during the build: exit 1, every output that did not fit said, never exit 70', async () => {
    await mkdir(join(dir, 'disk'));
    const r = reviseOnTmpfs('size=24k', ['build', 'course', '--out', 'disk/out', '--format', 'json,mcq']);
    expect(r.status).toBe(EXIT.failed);
    expect(r.stderr).toMatch(/cannot write .*: no space left on the device \(ENOSPC\)/);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('.revise-cache being a file: the build goes on without a cache, with one warning', async () => {
    await put(dir, { 'out/.revise-cache': 'not a folder' });
    for (let i = 0; i < 2; i++) {
      const r = await cli('build', 'course', '--out', 'out', '--format', 'json');
      expect(r.code).toBe(EXIT.ok);
      expect(r.err.match(/cannot write the build cache/g)).toHaveLength(1);
      expect(r.out).toMatch(/built 2 of 2 files/);
    }
    expect(await listFiles(join(dir, 'out'))).toEqual(['.revise-cache', 'b.json', 'ch1/a.json', 'index.html']);
  });

  it('a file where an output folder must go, and a folder where the index goes: exit 1, each said, the rest built', async () => {
    await put(dir, { 'out/ch1': 'a file in the way' });
    await mkdir(join(dir, 'out/index.html'));
    const r = await cli('build', 'course', '--out', 'out', '--format', 'json');
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toMatch(/course\/ch1\/a\.md: error: cannot write .*a\.json: (a part of the path is a file|a file of that name is in the way)/);
    expect(r.err).toMatch(/cannot write the index .*index\.html: it is a folder \(EISDIR\)|cannot write the index .*index\.html: .*\(E[A-Z]+\)/);
    expect(r.err).not.toMatch(/internal error/);
    expect(await listFiles(join(dir, 'out'))).toContain('b.json');
  });

  it('a cache entry of the wrong shape is a miss, not an error', async () => {
    expect((await cli('build', 'course', '--out', 'out', '--format', 'json')).code).toBe(EXIT.ok);
    const statePath = join(dir, 'out/.revise-cache/state.json');
    const state = JSON.parse(await readFile(statePath, 'utf8'));
    state.files['b.md'].outputs = null;
    state.files['ch1/a.md'].messages = 'nonsense';
    state.parts.index = { key: 5 };
    await writeFile(statePath, JSON.stringify(state));
    const r = await cli('build', 'course', '--out', 'out', '--format', 'json', '--json');
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out).totals).toMatchObject({ built: 2, skipped: 0, failed: 0 });
    for (const junk of ['{', '[]', '{"format":3,"optionsKey":"x","files":[1,2]}', 'null']) {
      await writeFile(statePath, junk);
      expect((await cli('build', 'course', '--out', 'out', '--format', 'json')).code).toBe(EXIT.ok);
    }
  });

  it('a forged cache naming outputs outside the folder never makes revise delete them', async () => {
    await cli('build', 'course', '--out', 'out', '--format', 'json');
    await put(dir, { 'precious.txt': 'keep me' });
    const statePath = join(dir, 'out/.revise-cache/state.json');
    const state = JSON.parse(await readFile(statePath, 'utf8'));
    state.files['gone.md'] = { ...state.files['b.md'], outputs: ['../precious.txt'], root: 'course' };
    await writeFile(statePath, JSON.stringify(state));
    const r = await run({ command: 'build', paths: ['course'], out: 'out', cwd: dir, formats: ['json'] }, captureIO(), registryWith());
    expect(r.code).toBe(EXIT.ok);
    expect(await readFile(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});
