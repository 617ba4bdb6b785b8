import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT, run } from '../../src/run.js';
import { captureIO, repoRoot, tempDir } from './helpers.js';

describe('revise build', () => {
  it('builds the samples into the output folder, mirroring their names', async () => {
    const out = tempDir();
    const io = captureIO();
    const result = await run({ command: 'build', paths: [join(repoRoot, 'input')], out, formats: ['json'] }, io);
    expect(result.code).toBe(EXIT.ok);
    const names = readdirSync(out).filter((n) => n.endsWith('.json')).sort();
    expect(names).toEqual(['cell-biology.json', 'jingji.json', 'photosynthese.json']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('jingji.json');
    const model = JSON.parse(readFileSync(join(out, 'jingji.json'), 'utf8'));
    expect(model.file).toBe('jingji.md');
    expect(model.tables[0].header).toContain('市场类型');
    expect(io.out).toMatch(/built 3 of 3 files/);
  });

  it('gives byte-identical outputs on a rebuild', async () => {
    const a = tempDir();
    const b = tempDir();
    await run({ command: 'build', paths: [join(repoRoot, 'input')], out: a, formats: ['json'], quiet: true }, captureIO());
    await run({ command: 'build', paths: [join(repoRoot, 'input')], out: b, formats: ['json'], quiet: true }, captureIO());
    const outputs = readdirSync(a, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    expect(outputs.length).toBeGreaterThan(3);
    for (const name of outputs) expect(readFileSync(join(b, name)).equals(readFileSync(join(a, name))), name).toBe(true);
  });

  it('an unknown format is a usage error listing the known ones', async () => {
    const io = captureIO();
    const result = await run({ command: 'build', paths: [join(repoRoot, 'input')], out: tempDir(), formats: ['docx'] }, io);
    expect(result.code).toBe(EXIT.usage);
    expect(io.err).toMatch(/unknown format "docx"; known formats: .*json/);
  });

  it('one broken file does not stop the others, and the exit code says so', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'good.md'), '# Good\n\n**Term**: fine.\n');
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'empty.txt'), '');
    const io = captureIO();
    const result = await run({ command: 'build', paths: [dir], out, formats: ['json'] }, io);
    expect(result.code).toBe(EXIT.failed);
    expect(existsSync(join(out, 'good.json'))).toBe(true);
    expect(existsSync(join(out, 'bad.json'))).toBe(false);
    expect(io.err).toMatch(/bad\.md:1:3: error: is not valid UTF-8/);
    expect(io.err).toMatch(/sub\/empty\.txt: error: is empty/);
    expect(io.out).toMatch(/built 1 of 3 files/);
  });

  it('never reads the output folder as input', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), '# N\n\n**T**erm: x y\n');
    const out = join(dir, 'output');
    mkdirSync(out);
    writeFileSync(join(out, 'old.md'), '# Should not be built\n');
    const result = await run({ command: 'build', paths: [dir], out, formats: ['json'], quiet: true }, captureIO());
    expect(result.build!.files.map((f) => f.file)).toEqual([join(dir, 'notes.md')]);
  });

  it('reads notes from standard input with -', async () => {
    const out = tempDir();
    const result = await run({ command: 'build', paths: ['-'], out, formats: ['json'], quiet: true }, captureIO('# Piped\n\nQ: Why?\nA: Because.\n'));
    expect(result.code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(join(out, 'stdin.json'), 'utf8')).qa[0]).toMatchObject({ question: 'Why?', answers: ['Because.'] });
  });

  it('leaves no temporary files behind', async () => {
    const out = tempDir();
    await main(['node', 'revise', 'build', join(repoRoot, 'input'), '--out', out, '--format', 'json', '--quiet'], captureIO());
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
