import { chmod, mkdir, readFile, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type RunResult } from '../../src/run.js';
import { formatDiagnostic } from '../../src/model/Diagnostic.js';
import { captureIO, cleanup, listFiles, makeListRenderer, put, registryWith, sample, tempDir, type CapturedIO } from './helpers.js';

/**
 * "Unreadable": as root (CI) chmod 000 changes nothing, so there the file is a symbolic link to
 * /proc/self/mem, which even root cannot read from offset 0 (EIO). Elsewhere, chmod 000.
 */
const isRoot = process.getuid?.() === 0;
const canFakeUnreadable = !isRoot || existsSync('/proc/self/mem');

let dir: string;
let result: RunResult;
let io: CapturedIO;

beforeAll(async () => {
  dir = await tempDir();
  await put(dir, {
    'course/good.md': await sample('cell-biology.md'),
    'course/empty.md': '',
    'course/binary.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'course/latin1.md': Buffer.from('# Résumé\n\nTerme : un mot.\n', 'latin1'),
    'course/explode.md': '# EXPLODE here\n\nTerm: a definition.\n',
    'course/第一章 细胞 notes.md': await sample('jingji.md'),
    'course/a/notes.md': await sample('photosynthese.md'),
    'course/b/notes.md': await sample('cell-biology.md'),
  });
  await mkdir(join(dir, 'course/loop'));
  await symlink('..', join(dir, 'course/loop/back'));
  await symlink('self.md', join(dir, 'course/self.md'));
  if (isRoot && canFakeUnreadable) await symlink('/proc/self/mem', join(dir, 'course/unreadable.md'));
  else if (!isRoot) {
    await put(dir, { 'course/unreadable.md': '# Secret\n' });
    await chmod(join(dir, 'course/unreadable.md'), 0o000);
  }
  io = captureIO();
  // A link out of the folder is skipped by a folder walk; named on the command line, it is read.
  const paths = isRoot && canFakeUnreadable ? ['course', 'course/unreadable.md'] : ['course'];
  result = await run({ command: 'build', paths, out: 'out', cwd: dir, jobs: 1 }, io, registryWith(makeListRenderer()));
});
afterAll(() => cleanup(dir));

const reportOf = (name: string) => result.build!.files.find((f) => f.file === `course/${name}`);
const errorsOf = (name: string) => (reportOf(name)?.messages ?? []).filter((m) => m.severity === 'error');

describe('a course folder with bad files', () => {
  it('exits 1 and still builds every good file', async () => {
    expect(result.code).toBe(1);
    const out = await listFiles(join(dir, 'out'));
    for (const stem of ['good', '第一章 细胞 notes', 'a/notes', 'b/notes']) {
      expect(out).toContain(`${stem}.json`);
      expect(out).toContain(`${stem}.list.txt`);
    }
  });

  it.each([
    ['empty.md', 'empty'],
    ['binary.md', 'binary'],
    ['latin1.md', 'encoding'],
  ])('reports %s with its path and a reason', (name, rule) => {
    expect(reportOf(name)?.status).toBe('failed');
    const errors = errorsOf(name);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].file).toBe(`course/${name}`);
    expect(errors.map((e) => e.ruleId)).toEqual([rule]);
    expect(io.err.join('')).toContain(`course/${name}`);
  });

  it('reports the file a renderer failed on, and keeps the outputs of the other renderers', async () => {
    expect(reportOf('explode.md')?.status).toBe('failed');
    expect(errorsOf('explode.md').map((e) => e.ruleId)).toEqual(['render-list']);
    expect(errorsOf('explode.md')[0].message).toContain('EXPLODE');
    expect(await listFiles(join(dir, 'out'))).toContain('explode.json');
  });

  it('reports symbolic link loops without hanging', () => {
    const all = [...result.build!.messages, ...result.build!.files.flatMap((f) => f.messages)];
    const loops = all.filter((m) => m.ruleId === 'symlink-loop').map((m) => m.file);
    expect(loops).toContain('course/loop/back');
    expect(loops).toContain('course/self.md');
  });

  it.runIf(canFakeUnreadable)('reports an unreadable file', () => {
    expect(reportOf('unreadable.md')?.status).toBe('failed');
    expect(errorsOf('unreadable.md')[0].message).toMatch(/cannot be read/);
  });

  it('keeps two files with the same name in different folders apart', async () => {
    expect(reportOf('a/notes.md')?.status).toBe('built');
    expect(reportOf('b/notes.md')?.status).toBe('built');
    const out = await listFiles(join(dir, 'out'));
    expect(out.filter((f) => /(^|\/)notes\.json$/.test(f)).sort()).toEqual(['a/notes.json', 'b/notes.json']);
  });

  it('does not cache failed files, so the next build tries them again', async () => {
    const again = await run({ command: 'build', paths: ['course'], out: 'out', cwd: dir, jobs: 1 }, captureIO(), registryWith(makeListRenderer()));
    expect(again.code).toBe(1);
    expect(again.build!.files.find((f) => f.file === 'course/empty.md')?.status).toBe('failed');
    expect(again.build!.files.find((f) => f.file === 'course/good.md')?.status).toBe('skipped');
  });

  it('prints errors as file:line:col when the position is known', () => {
    const withLine = result.build!.files.flatMap((f) => f.messages).find((m) => m.line !== undefined);
    if (withLine) expect(io.err.join('')).toContain(formatDiagnostic(withLine));
    expect(io.err.join('')).toMatch(/course\/binary\.md(:\d+)?: error: /);
  });
});

describe('two inputs that would write the same output', () => {
  it('fails the later one in path order, whatever the order of completion', async () => {
    const d = await tempDir();
    await put(d, { 'c/x.md': '# X\n\nTerm: one.\n', 'c/x.txt': '# X too\n\nTerm: two.\n' });
    for (const jobs of [1, 2]) {
      const r = await run({ command: 'build', paths: ['c'], out: `out${jobs}`, cwd: d, jobs }, captureIO(), registryWith());
      expect(r.code).toBe(1);
      expect(r.build!.files.map((f) => [f.file, f.status])).toEqual([
        ['c/x.md', 'built'],
        ['c/x.txt', 'failed'],
      ]);
      expect(r.build!.files[1].messages[0].ruleId).toBe('output-collision');
    }
    await cleanup(d);
  });

  it('still joins the course outputs, without the file whose own outputs collided', async () => {
    const d = await tempDir();
    await put(d, { 'c/x.md': '# X\n\n**Cell**: unit of life.\n\n**Gene**: unit of heredity.\n', 'c/x.txt': 'X too\nTissue: group of cells.\n' });
    const r = await run({ command: 'build', paths: ['c'], out: 'out', cwd: d, formats: ['mcq'] }, captureIO());
    expect(r.build!.courses.map((c) => c.status)).toEqual(['built']);
    const bank = (await readFile(join(d, 'out', 'c.mcq.json'), 'utf8')).split('\n').filter((l) => l.includes('"stem"'));
    expect(bank.some((l) => l.includes('x.txt'))).toBe(false);
    expect(r.build!.messages.map((m) => [m.file, m.ruleId])).toContainEqual(['c/x.txt', 'course-part-missing']);
    await cleanup(d);
  });
});
