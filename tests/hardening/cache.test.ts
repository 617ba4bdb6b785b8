import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rename, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { captureIO, cleanup, put, repoRoot, sample, snapshot, tempDir } from '../batch/helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await put(dir, {
    'project/course/cells.md': await sample('cell-biology.md'),
    'project/course/plants/photo.md': await sample('photosynthese.md'),
    'project/course/jingji.md': await sample('jingji.md'),
  });
});
afterEach(() => cleanup(dir));

const FORMATS = ['json', 'anki', 'mcq'];
const build = (project = join(dir, 'project'), extra: Record<string, unknown> = {}) =>
  run({ command: 'build', paths: ['course'], out: 'out', cwd: project, formats: FORMATS, jobs: 1, ...extra }, captureIO());
const statuses = (r: Awaited<ReturnType<typeof build>>) => Object.fromEntries(r.build!.files.map((f) => [f.file, f.status]));

describe('the build cache repairs itself (issue 17, item 10)', () => {
  it('a truncated course part: the next build rebuilds that file and the course outputs come out whole', async () => {
    await build();
    const fresh = await snapshot(join(dir, 'project/out'));
    const partsDir = join(dir, 'project/out/.revise-cache/parts');
    for (const name of await readdir(partsDir)) await truncate(join(partsDir, name), 10);
    // Course outputs must be joined again: remove them, as a changed file would.
    await rename(join(dir, 'project/out/course.apkg'), join(dir, 'course.apkg.old'));
    const again = await build();
    expect(again.code).toBe(0);
    expect(Object.values(statuses(again)).every((s) => s === 'built')).toBe(true);
    expect(await snapshot(join(dir, 'project/out'))).toEqual(fresh);
    const third = await build();
    expect(Object.values(statuses(third)).every((s) => s === 'skipped')).toBe(true);
  });

  it('a truncated or edited output is built again, never called unchanged', async () => {
    await build();
    const before = await snapshot(join(dir, 'project/out'));
    await truncate(join(dir, 'project/out/cells.mcq.json'), 100);
    // Same size, other bytes: only the hash tells.
    const json = join(dir, 'project/out/jingji.json');
    const text = await readFile(json, 'utf8');
    expect(text).toContain('"file"');
    await writeFile(json, text.replace('"file"', '"FILE"'));
    expect((await stat(json)).size).toBe(Buffer.byteLength(text));
    const again = await build();
    expect(statuses(again)).toEqual({ 'course/cells.md': 'built', 'course/jingji.md': 'built', 'course/plants/photo.md': 'skipped' });
    expect(await snapshot(join(dir, 'project/out'))).toEqual(before);
  });

  it('an output only touched (date moved, bytes the same) stays unchanged', async () => {
    await build();
    const { utimes } = await import('node:fs/promises');
    await utimes(join(dir, 'project/out/cells.json'), new Date(), new Date(Date.now() + 5000));
    const again = await build();
    expect(Object.values(statuses(again)).every((s) => s === 'skipped')).toBe(true);
  });

  it('a moved project rebuilds nothing and rewrites nothing', async () => {
    await build();
    const before = await snapshot(join(dir, 'project/out'));
    const mtime = (await stat(join(dir, 'project/out/course.apkg'))).mtimeMs;
    await rename(join(dir, 'project'), join(dir, 'moved'));
    const again = await build(join(dir, 'moved'));
    expect(again.code).toBe(0);
    expect(Object.values(statuses(again)).every((s) => s === 'skipped')).toBe(true);
    expect(again.build!.courses.map((c) => c.status)).toEqual(['skipped']);
    expect(await snapshot(join(dir, 'moved/out'))).toEqual(before);
    expect((await stat(join(dir, 'moved/out/course.apkg'))).mtimeMs).toBe(mtime);
  });

  it('a copy of the project in another folder (new dates everywhere, as a CI checkout) rebuilds nothing', async () => {
    await build();
    const before = await snapshot(join(dir, 'project/out'));
    await cp(join(dir, 'project'), join(dir, 'checkout'), { recursive: true, preserveTimestamps: false });
    const again = await build(join(dir, 'checkout'));
    expect(Object.values(statuses(again)).every((s) => s === 'skipped')).toBe(true);
    expect(await snapshot(join(dir, 'checkout/out'))).toEqual(before);
  });
});

describe('U+001F in notes (issue 17, item 7)', () => {
  const checker = join(repoRoot, '..', 'shared', 'tools', 'check_apkg.py');
  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python || !existsSync(checker))('never reaches an Anki field: the file deck and the course deck pass check_apkg.py', async () => {
    await put(dir, { 'project/course/sep.md': '# Sep\n\n**Unit\u001fSep**: a field\u001fseparator inside.\n\nQ\u001f one::A\u001f two\n\n==cloze\u001fhere== text\n' });
    const r = await build();
    expect(r.code).toBe(0);
    for (const deck of ['sep.apkg', 'course.apkg']) {
      const result = spawnSync('python3', [checker, join(dir, 'project/out', deck)], { encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/0 error\(s\)/);
    }
  });
});
