import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/ConfigError.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { validateConfig } from '../../src/config/validateConfig.js';
import { run } from '../../src/run.js';
import { captureIO, cleanup, listFiles, makeListRenderer, put, registryWith, tempDir } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => cleanup(dir));

const notes = '# Title\n\nTerm: a definition.\n';

describe('finding the configuration', () => {
  it('takes the nearest file walking up, and a package.json without "revise" does not stop the search', async () => {
    await put(dir, {
      'revise.config.json': JSON.stringify({ out: 'far' }),
      'school/.reviserc.yaml': 'out: near\nlanguage: fr\n',
      'school/course/package.json': JSON.stringify({ name: 'course' }),
      'school/course/a.md': notes,
    });
    const found = await loadConfig({ from: join(dir, 'school/course') });
    expect(found.file).toBe(join(dir, 'school/.reviserc.yaml'));
    expect(found.config).toEqual({ out: 'near', language: 'fr' });
    expect(found.dir).toBe(join(dir, 'school'));
  });

  it('reads the "revise" field of package.json', async () => {
    await put(dir, { 'package.json': JSON.stringify({ name: 'x', revise: { deckName: 'Chemistry' } }) });
    const found = await loadConfig({ from: dir });
    expect(found.file).toBe(`${join(dir, 'package.json')}#revise`);
    expect(found.config.deckName).toBe('Chemistry');
  });

  it('applies the configuration, paths relative to its file, and lets flags override it', async () => {
    await put(dir, {
      'revise.config.json': JSON.stringify({ out: 'from-config', formats: ['list'], deckName: 'Cfg', index: 'contents.md' }),
      'course/a.md': notes,
    });
    const sub = join(dir, 'course');
    const byConfig = await run({ command: 'build', paths: ['.'], cwd: sub }, captureIO(), registryWith(makeListRenderer()));
    expect(byConfig.code).toBe(0);
    expect(await listFiles(join(dir, 'from-config'))).toEqual(['Cfg.list.txt', 'a.list.txt', 'contents.md']);
    const byFlags = await run(
      { command: 'build', paths: ['.'], cwd: sub, out: 'flags', formats: ['json'], deckName: 'Flag' },
      captureIO(),
      registryWith(makeListRenderer()),
    );
    expect(byFlags.code).toBe(0);
    expect(await listFiles(join(sub, 'flags'))).toEqual(['a.json', 'contents.md']);
    const none = await run({ command: 'build', paths: ['.'], cwd: sub, out: 'bare', config: false }, captureIO(), registryWith(makeListRenderer()));
    expect(await listFiles(join(sub, 'bare'))).toContain('course.list.txt');
    expect(none.code).toBe(0);
  });

  it('skips what .reviseignore lists', async () => {
    await put(dir, { 'course/.reviseignore': 'drafts/\n*.txt\n', 'course/a.md': notes, 'course/b.txt': notes, 'course/drafts/c.md': notes });
    const r = await run({ command: 'build', paths: ['course'], cwd: dir, out: 'out' }, captureIO(), registryWith());
    expect(r.build!.files.map((f) => f.file)).toEqual(['course/a.md']);
  });
});

describe('validating the configuration', () => {
  it('collects every problem, naming the file and the key', () => {
    let error: unknown;
    try {
      validateConfig({ formats: 'json', fromats: ['x'], out: 3, keepBoilerplate: 'yes', jobs: 0, renderers: [42], index: 'a/b.html' }, 'revise.config.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/unknown key "fromats" \(did you mean "formats"\?\)/);
    for (const key of ['"out"', '"keepBoilerplate"', '"jobs"', '"renderers[0]"', '"index"']) expect(problems.join('\n')).toContain(key);
    expect((error as Error).message).toContain('revise.config.json');
  });

  it('a bad configuration is a usage error (exit 2) that names the file and quotes the bad line', async () => {
    await put(dir, { 'course/revise.config.json': '{\n  "out": "x",\n  "formats": [json]\n}\n', 'course/a.md': notes });
    const io = captureIO();
    const r = await run({ command: 'build', paths: ['course'], cwd: dir }, io, registryWith());
    expect(r.code).toBe(2);
    const err = io.err.join('');
    expect(err).toContain(join(dir, 'course/revise.config.json'));
    expect(err).toMatch(/not valid JSON: .*\[json\]/);
    expect(await listFiles(join(dir, 'output'))).toEqual([]);
  });

  it('an unknown format from the configuration is a usage error too', async () => {
    await put(dir, { 'revise.config.json': JSON.stringify({ formats: ['nope'] }), 'a.md': notes });
    const io = captureIO();
    const r = await run({ command: 'build', paths: ['a.md'], cwd: dir }, io, registryWith());
    expect(r.code).toBe(2);
    expect(io.err.join('')).toContain('unknown format "nope"');
  });

  it('validates the example configuration of docs/config.md', async () => {
    const doc = await readFile(join(__dirname, '../../docs/config.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)![1];
    expect(() => validateConfig(JSON.parse(example), 'docs/config.md')).not.toThrow();
  });
});
