import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { captureIO, cleanup, listFiles, put, registryWith, tempDir } from '../batch/helpers.js';

/** A plugin that leaves a mark on disk as soon as it is imported: its code ran. */
const plugin = (marker: string) => `
import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(marker)}, 'ran');
export default { name: 'marker', extension: '.marker.txt', binary: false, description: 'test', render: (d) => d.title };
`;

let dir: string;
let marker: string;
beforeEach(async () => {
  dir = await tempDir();
  marker = join(dir, 'PLUGIN-RAN');
  // A teacher's folder of students' notes; a student put a configuration naming a plugin in theirs.
  await put(dir, {
    'teacher/students/alice/notes.md': '# Alice\n\nTerm: a meaning.\n',
    'teacher/students/alice/evil.mjs': plugin(marker),
    'teacher/students/alice/revise.config.json': JSON.stringify({ renderers: ['./evil.mjs'], formats: ['marker', 'json'] }),
  });
});
afterEach(() => cleanup(dir));

const build = (extra: Record<string, unknown> = {}, cwd = join(dir, 'teacher')) => {
  const io = captureIO();
  return run({ command: 'build', paths: ['students/alice'], out: 'out', ...extra, cwd }, io, registryWith()).then((r) => ({ ...r, err: io.err.join('') }));
};

describe('plugins named by a configuration inside the folder being built (issue 17, item 6)', () => {
  it('are not run without consent, even with --format json: exit 2, the reason and the way out', async () => {
    for (const extra of [{}, { formats: ['json'] }]) {
      const r = await build(extra);
      expect(r.code).toBe(2);
      expect(r.err).toContain('run code');
      expect(r.err).toContain('--allow-plugins');
      expect(r.err).toContain('--no-plugins');
      expect(existsSync(marker)).toBe(false);
      expect(await listFiles(join(dir, 'teacher/out'))).toEqual([]);
    }
  });

  it('run with --allow-plugins', async () => {
    const r = await build({ allowPlugins: true });
    expect(r.code).toBe(0);
    expect(existsSync(marker)).toBe(true);
    expect(await listFiles(join(dir, 'teacher/out'))).toContain('notes.marker.txt');
  });

  it('run when the configuration is named with --config', async () => {
    const r = await build({ config: 'students/alice/revise.config.json' });
    expect(r.code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });

  it('run when the configuration sits in or above the working directory (the user\'s own project)', async () => {
    const r = await build({ paths: ['.'] }, join(dir, 'teacher/students/alice'));
    expect(r.code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });

  it('are all left out with --no-plugins, formats that only they provide too, with a warning', async () => {
    const r = await build({ plugins: false });
    expect(r.code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(await listFiles(join(dir, 'teacher/out'))).toEqual(['index.html', 'notes.json']);
    expect(r.build!.messages.filter((m) => m.ruleId === 'plugins-off').length).toBeGreaterThan(0);
    expect(r.err).toContain('--no-plugins');
  });

  it('--no-plugins wins over a trusted configuration too', async () => {
    const r = await build({ paths: ['.'], plugins: false, formats: ['json'] }, join(dir, 'teacher/students/alice'));
    expect(r.code).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('are said to run code in the README and docs/config.md', async () => {
    const root = join(import.meta.dirname, '..', '..');
    for (const doc of ['README.md', 'docs/config.md']) {
      const text = await readFile(join(root, doc), 'utf8');
      expect(text).toMatch(/plugins? (?:run|runs) code/i);
      expect(text).toContain('--allow-plugins');
    }
  });
});
