import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { captureIO } from '../cli/helpers.js';
import { readApkg } from './readApkg.js';
import { repoRoot } from './renderHelpers.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'revise-anki-cli-'));
});
afterEach(() => rm(out, { recursive: true, force: true }));

const capture = () => captureIO();

const python = spawnSync('python3', ['--version']).status === 0;
const checker = join(repoRoot, '..', 'shared', 'tools', 'check_apkg.py');

describe('revise build --format anki', () => {
  it('writes output/<name>.apkg for every sample, with no warning on stderr', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const io = capture();
    try {
      const result = await run({ command: 'build', paths: [join(repoRoot, 'input')], out, formats: ['anki'] }, io);
      expect(result.code).toBe(0);
    } finally {
      process.off('warning', onWarning);
    }
    // Only revise's own one-line-per-file progress may reach stderr: no library deprecation noise.
    expect(io.err.split('\n').filter((line) => line && !/^built \S+\.md \(\d+ items\)$/.test(line))).toEqual([]);
    expect(warnings).toEqual([]);
    // One deck per notes file, plus the course deck named after the folder.
    const decks = (await readdir(out)).filter((f) => f.endsWith('.apkg')).sort();
    expect(decks).toEqual(['cell-biology.apkg', 'input.apkg', 'jingji.apkg', 'photosynthese.apkg']);
    for (const f of decks) expect((await readApkg(await readFile(join(out, f)))).integrity).toBe('ok');
  });

  it('warns about a notes file with nothing to put in a deck and writes no file', async () => {
    const notes = join(out, 'in');
    await rm(notes, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(notes));
    await writeFile(join(notes, 'empty.md'), '# Only a title\n\nand a sentence.\n');
    const io = capture();
    const result = await run({ command: 'build', paths: [notes], out: join(out, 'o'), formats: ['anki'] }, io);
    expect(result.code).toBe(0);
    expect(io.err).toMatch(/empty\.md: warning: nothing to put in a deck .*\[anki-empty\]/);
    expect(existsSync(join(out, 'o', 'empty.apkg'))).toBe(false);
  });

  it.skipIf(!python || !existsSync(checker))('passes ../shared/tools/check_apkg.py for every sample deck', async () => {
    await run({ command: 'build', paths: [join(repoRoot, 'input')], out, formats: ['anki'], quiet: true }, capture());
    for (const f of (await readdir(out)).filter((name) => name.endsWith('.apkg'))) {
      const r = spawnSync('python3', [checker, join(out, f)], { encoding: 'utf8' });
      expect(r.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
      expect(r.status, r.stdout).toBe(0);
    }
  });
});
