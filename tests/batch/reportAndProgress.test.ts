import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import type { Renderer } from '../../src/render/Renderer.js';
import { captureIO, cleanup, put, registryWith as baseRegistry, sample, tempDir } from './helpers.js';

/** Warns at the position of every line saying WARN, the way a renderer reports an item it skipped. */
const warner: Renderer = {
  name: 'warner',
  extension: '.warn.txt',
  binary: false,
  description: 'test renderer that warns',
  render(document, context) {
    if (document.file === 'warn.md') context.report({ message: 'skipped a line saying WARN', line: 5, column: 1, ruleId: 'warner-skip' });
    return null;
  },
};
const registryWith = () => baseRegistry(warner);

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await put(dir, {
    'course/a.md': await sample('cell-biology.md'),
    'course/b.md': await sample('photosynthese.md'),
    'course/broken.md': '',
    'course/warn.md': '# W\n\nTerm: meaning.\n\nWARN here\n',
  });
});
afterEach(() => cleanup(dir));

describe('--json', () => {
  it('prints only a JSON report on stdout whose totals agree with its files', async () => {
    const io = captureIO();
    const r = await run({ command: 'build', paths: ['course'], cwd: dir, json: true }, io, registryWith());
    expect(r.code).toBe(1);
    const report = JSON.parse(io.out.join(''));
    expect(report.reportVersion).toBe(1);
    expect(report.code).toBe(1);
    expect(report.outDir).toBe(join(dir, 'output'));
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['course/a.md', 'course/b.md', 'course/broken.md', 'course/warn.md']);
    const statuses = report.files.map((f: { status: string }) => f.status);
    expect(report.totals.built).toBe(statuses.filter((s: string) => s === 'built').length);
    expect(report.totals.failed).toBe(1);
    expect(report.totals.items).toBe(report.files.reduce((n: number, f: { items: number }) => n + f.items, 0));
    expect(report.files[2].messages[0]).toMatchObject({ file: 'course/broken.md', severity: 'error', ruleId: 'empty' });
    for (const f of report.files) for (const o of f.outputs) expect(JSON.parse(await readFile(o, 'utf8')).file).toBeTruthy();
    // Second run: everything but the broken file comes from the cache, the report is otherwise the same.
    const io2 = captureIO();
    await run({ command: 'build', paths: ['course'], cwd: dir, json: true }, io2, registryWith());
    const again = JSON.parse(io2.out.join(''));
    expect(again.totals.skipped).toBe(3);
    expect(again.totals.items).toBe(report.totals.items);
    expect(report.totals.warnings).toBe(1);
    expect(again.totals.warnings).toBe(1);
    expect(again.files[3].messages).toEqual(report.files[3].messages);
  });
});

describe('progress output', () => {
  it('is one line per file when stderr is not a terminal', async () => {
    const io = captureIO({ isTTY: false });
    await run({ command: 'build', paths: ['course'], cwd: dir }, io, registryWith());
    const lines = io.err.join('').split('\n');
    expect(lines).toContain('built course/a.md (20 items)');
    expect(lines).toContain('failed course/broken.md');
    expect(lines).toContain('course/warn.md:5:1: warning: skipped a line saying WARN [warner-skip]');
    expect(io.err.join('')).not.toContain('\r');
    expect(io.out.join('')).toMatch(/^revise: built 3 of 4 files \(\d+ items, 3 outputs, 1 warning, 1 failed, 1 error\) into output\n/);
  });

  it('is a live bar on a terminal, and plain lines again in CI', async () => {
    const tty = captureIO({ isTTY: true, env: {} });
    await run({ command: 'build', paths: ['course'], cwd: dir, force: true }, tty, registryWith());
    const bar = tty.err.join('');
    expect(bar).toContain('\r\x1b[K[');
    expect(bar).toMatch(/\] 4\/4 /);
    expect(bar).toMatch(/course\/broken\.md: error: /);
    const ci = captureIO({ isTTY: true, env: { CI: 'true' } });
    await run({ command: 'build', paths: ['course'], cwd: dir, force: true }, ci, registryWith());
    expect(ci.err.join('')).not.toContain('\r');
  });

  it('--quiet prints errors only', async () => {
    const io = captureIO();
    const r = await run({ command: 'build', paths: ['course'], cwd: dir, quiet: true }, io, registryWith());
    expect(r.code).toBe(1);
    expect(io.out).toEqual([]);
    expect(io.err.join('').trim().split('\n').every((l) => l.includes(': error: '))).toBe(true);
  });
});
