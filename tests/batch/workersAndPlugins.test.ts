import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { captureIO, cleanup, listFiles, put, registryWith, repoRoot, sample, snapshot, tempDir } from './helpers.js';

let dir: string;
const PLUGIN = `
import { isMainThread } from 'node:worker_threads';
export default function upper(options) {
  return {
    name: 'upper',
    extension: '.upper.txt',
    binary: false,
    description: 'titles in capitals',
    render: (document, context) => [document.title.toUpperCase() + (options.suffix ?? ''), context.options.suffix ?? '-', isMainThread ? 'main' : 'worker'].join('\\n'),
    renderCourse: (documents, context) => documents.map((d) => context.courseName + '::' + d.file).join('\\n'),
  };
}
`;

beforeAll(async () => {
  dir = await tempDir();
  const files: Record<string, string> = {};
  for (const name of ['cell-biology.md', 'photosynthese.md', 'jingji.md']) {
    for (let i = 0; i < 4; i++) files[`course/part${i}/${name}`] = await sample(name);
  }
  const corpus = join(repoRoot, '..', 'shared', 'corpus');
  for (const name of (await readdir(corpus).catch(() => [] as string[])).filter((n) => n.endsWith('.txt'))) {
    files[`course/pasted/${name}`] = await readFile(join(corpus, name), 'utf8');
  }
  await put(dir, files);
});
afterAll(() => cleanup(dir));

describe('worker threads', () => {
  it('write byte-identical outputs to a serial build', async () => {
    const serial = await run({ command: 'build', paths: ['course'], out: 'serial', cwd: dir, jobs: 1, formats: ['json'] }, captureIO(), registryWith());
    const parallel = await run({ command: 'build', paths: ['course'], out: 'parallel', cwd: dir, jobs: 2, formats: ['json'] }, captureIO(), registryWith());
    expect(serial.code).toBe(0);
    expect(parallel.code).toBe(0);
    const a = await snapshot(join(dir, 'serial'));
    const b = await snapshot(join(dir, 'parallel'));
    expect(Object.keys(a).length).toBeGreaterThanOrEqual(13);
    expect(b).toEqual(a);
    // Reports come back in path order too, not in order of completion.
    expect(parallel.build!.files.map((f) => [f.file, f.items, f.messages])).toEqual(serial.build!.files.map((f) => [f.file, f.items, f.messages]));
  });
});

describe('third-party renderers from the configuration', () => {
  it('are loaded from [specifier, options], in the main thread and in workers', async () => {
    await put(dir, {
      'plug/upper.mjs': PLUGIN,
      'plug/revise.config.json': JSON.stringify({ renderers: [['./upper.mjs', { suffix: '!' }]], formats: ['upper', 'json'], deckName: 'Up' }),
      'plug/notes/a.md': await sample('cell-biology.md'),
      'plug/notes/b.md': await sample('jingji.md'),
      'plug/notes/c.md': await sample('photosynthese.md'),
    });
    const cwd = join(dir, 'plug');
    for (const jobs of [1, 2]) {
      const r = await run({ command: 'build', paths: ['notes'], out: `out${jobs}`, cwd, jobs }, captureIO());
      expect(r.code).toBe(0);
      const out = await listFiles(join(cwd, `out${jobs}`));
      expect(out).toEqual(['Up.upper.txt', 'a.json', 'a.upper.txt', 'b.json', 'b.upper.txt', 'c.json', 'c.upper.txt', 'index.html']);
      const [title, suffix, thread] = (await readFile(join(cwd, `out${jobs}/a.upper.txt`), 'utf8')).split('\n');
      expect(title).toBe('CELL BIOLOGY BASICS!');
      expect(suffix).toBe('!');
      expect(thread).toBe(jobs === 1 ? 'main' : 'worker');
      expect(await readFile(join(cwd, `out${jobs}/Up.upper.txt`), 'utf8')).toBe('Up::a.md\nUp::b.md\nUp::c.md');
    }
  });

  it('join a registry handed to run() without changing it', async () => {
    const registry = registryWith();
    for (let i = 0; i < 2; i++) {
      const r = await run({ command: 'build', paths: ['notes/a.md'], out: 'reg', cwd: join(dir, 'plug'), force: true }, captureIO(), registry);
      expect(r.code).toBe(0);
    }
    expect(registry.names()).toEqual(['json']);
    expect(await listFiles(join(dir, 'plug/reg'))).toEqual(['a.json', 'a.upper.txt']);
  });

  it('are checked for shape, with the key and an example in the message (exit 2)', async () => {
    await put(dir, {
      'bad/bad.mjs': 'export default { name: "bad", extension: "txt", render: "nope", coursePart: () => "" };',
      'bad/revise.config.json': JSON.stringify({ renderers: ['./bad.mjs'] }),
      'bad/a.md': '# A\n\nTerm: meaning.\n',
    });
    const io = captureIO();
    const r = await run({ command: 'build', paths: ['a.md'], cwd: join(dir, 'bad') }, io, registryWith());
    expect(r.code).toBe(2);
    const err = io.err.join('');
    expect(err).toContain('"renderers[0]"');
    expect(err).toMatch(/"extension" must start with a dot/);
    expect(err).toMatch(/"binary" must be true or false/);
    expect(err).toMatch(/"render" must be a function/);
    expect(err).toMatch(/"coursePart" and "joinCourse" go together/);
    expect(err).toContain('export default {');
    expect(await listFiles(join(dir, 'bad/output'))).toEqual([]);
  });

  it('that cannot be found are reported with the specifier (exit 2)', async () => {
    await put(dir, { 'missing/revise.config.json': JSON.stringify({ renderers: [['revise-renderer-that-does-not-exist', {}]] }), 'missing/a.md': '# A\n' });
    const io = captureIO();
    const r = await run({ command: 'build', paths: ['a.md'], cwd: join(dir, 'missing') }, io, registryWith());
    expect(r.code).toBe(2);
    expect(io.err.join('')).toContain('cannot find "revise-renderer-that-does-not-exist"');
  });
});
