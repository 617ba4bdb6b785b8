import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { captureIO, repoRoot, tempDir } from './helpers.js';

const dir = tempDir('revise-check-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FAULTY = [
  '# Biology', // 1
  '', // 2
  'Q: What is osmosis?', // 3
  'A: The diffusion of water.', // 4
  '', // 5
  'Q: What is osmosis?', // 6
  'A: Water crossing a membrane.', // 7
  '', // 8
  'Q: Which gas do plants release, oxygen?', // 9
  'A: Oxygen', // 10
  '',
  'Q: Which gas do plants take in?',
  'A: Carbon dioxide',
  '',
  'Q: Which molecule stores energy?',
  'A: ATP',
  '',
].join('\n');

describe('revise check', () => {
  it('prints each finding as file:line: rule: message and exits 1', async () => {
    const file = join(dir, 'faulty.md');
    writeFileSync(file, FAULTY);
    const io = captureIO();
    const { code } = await run({ command: 'check', files: [file] }, io);
    expect(code).toBe(1);
    const lines = io.out.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^\S+faulty\.md:\d+: [a-z-]+: .+$/);
    expect(lines.some((l) => l.startsWith(`${file}:6: same-front: `))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${file}:9: answer-in-question: `))).toBe(true);
    expect(lines).toHaveLength(2);
    expect(io.err).toMatch(/checked 1 file: 2 findings/);
  });

  it('exits 0 and prints nothing on good notes; --verbose also lists what the generators left out on their own', async () => {
    const file = join(repoRoot, 'input', 'photosynthese.md');
    const quiet = captureIO();
    expect((await run({ command: 'check', files: [file] }, quiet)).code).toBe(0);
    expect(quiet.out).toBe('');
    const verbose = captureIO();
    expect((await run({ command: 'check', files: [file], verbose: true }, verbose)).code).toBe(0);
    for (const line of verbose.out.trim().split('\n').filter(Boolean)) expect(line).toMatch(/: [a-z-]+: .+ \(not a failure\)$/);
  });

  it('runs from the command line, and fails on a missing file without stopping at it', () => {
    const file = join(dir, 'faulty.md');
    writeFileSync(file, FAULTY);
    const r = spawnSync('node', [join(repoRoot, 'bin', 'revise.js'), 'check', join(dir, 'missing.md'), file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.md/);
    expect(r.stdout).toMatch(/faulty\.md:6: same-front: /);
  });
});

describe('the build report and index.html say what the gates left out', () => {
  it('sums it up after a build and lists it per file in the index', async () => {
    const notes = join(dir, 'course');
    const out = join(dir, 'out');
    rmSync(notes, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', notes]);
    writeFileSync(join(notes, 'faulty.md'), FAULTY);
    const io = captureIO();
    const { code, report } = await run({ command: 'build', paths: [notes], out, formats: ['mcq', 'anki'], progress: 'off' }, io);
    expect(code).toBe(0);
    expect(io.out).toMatch(/revise: quality gate left out mcq \d+ questions? \([a-z-]+ \d+.*\); anki 1 note \(same-front 1\) \(--verbose lists them\)/);
    // The --json report carries the same counts, as info messages of the file.
    const summary = report!.files[0].messages.find((m) => m.ruleId === 'quality-gate' && m.message.startsWith('anki:'))!;
    expect(summary).toMatchObject({ severity: 'info', message: 'anki: quality gate kept 4 of 5 notes, dropped 1: same-front 1', ruleId: 'quality-gate' });
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<th>Left out by the quality gate</th>');
    expect(html).toMatch(/<td>mcq \d+ questions? \([^<]*\); anki 1 note \(same-front 1\)<\/td><\/tr>/);
  });
});
