import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT, run } from '../../src/run.js';
import { captureIO, repoRoot, tempDir } from './helpers.js';

const CONTRACT_KEYS = ['title', 'language', 'sections', 'definitions', 'tables', 'outlines', 'sequences', 'qa', 'clozes', 'dropped'];

describe('revise inspect', () => {
  it('prints the JSON contract with source positions that point at the notes', async () => {
    const file = join(repoRoot, 'input', 'cell-biology.md');
    const io = captureIO();
    const result = await run({ command: 'inspect', file, json: true }, io);
    expect(result.code).toBe(EXIT.ok);
    const doc = JSON.parse(io.out);
    for (const key of CONTRACT_KEYS) expect(doc).toHaveProperty(key);
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const d of doc.definitions) expect(lines[d.source.line - 1]).toContain(d.term);
    for (const q of doc.qa) expect(lines[q.source.line - 1]).toContain(q.question.slice(0, 10));
    for (const t of doc.tables) expect(lines[t.source.line - 1]).toContain(t.header[0]);
    for (const s of doc.sequences) expect(lines[s.source.line - 1]).toContain(s.steps[0]);
    for (const s of doc.sections) expect(lines[s.source.line - 1]).toContain(s.text);
  });

  it('prints a readable outline with line numbers without --json', async () => {
    const io = captureIO();
    await run({ command: 'inspect', file: join(repoRoot, 'input', 'jingji.md') }, io);
    expect(io.out).toMatch(/^jingji\.md: "经济学基础复习"\s+language zh/);
    expect(io.out).toMatch(/definitions \(\d+\)\n\s+10\s+需求 — /);
  });

  it('reads standard input with -', async () => {
    const io = captureIO('# Stdin\n\n**Term**: from a pipe.\n');
    const result = await run({ command: 'inspect', file: '-', json: true }, io);
    expect(result.code).toBe(EXIT.ok);
    expect(JSON.parse(io.out).definitions[0]).toMatchObject({ term: 'Term', definition: 'from a pipe.' });
  });

  describe('bad input: one line naming the file, a documented exit code, no stack trace', () => {
    const dir = tempDir();
    const cases: Array<[string, () => string, number, RegExp]> = [
      ['missing file', () => join(dir, 'nope.md'), EXIT.failed, /nope\.md: no such file/],
      ['folder', () => dir, EXIT.usage, /is a folder; inspect reads one notes file/],
      ['empty file', () => write('empty.md', ''), EXIT.failed, /empty\.md: is empty/],
      ['whitespace only', () => write('blank.md', ' \n\n\t\n'), EXIT.failed, /blank\.md: is empty/],
      ['binary file', () => write('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), EXIT.failed, /image\.md:3: looks like a binary file/],
      ['invalid UTF-8', () => write('latin1.md', Buffer.from('# Caf\xe9\n', 'latin1')), EXIT.failed, /latin1\.md:1:6: is not valid UTF-8/],
      ['too large', () => write('big.md', Buffer.alloc(17 * 1024 * 1024, 0x61)), EXIT.failed, /big\.md: is 17\.0 MiB, over the 16 MiB limit/],
    ];
    function write(name: string, content: string | Buffer): string {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    }
    for (const [name, make, code, message] of cases) {
      it(name, async () => {
        const io = captureIO();
        const result = await run({ command: 'inspect', file: make() }, io);
        expect(result.code).toBe(code);
        expect(io.err).toMatch(message);
        expect(io.err.trim().split('\n')).toHaveLength(1);
        expect(io.err).not.toMatch(/\n\s+at /);
        expect(io.out).toBe('');
      });
    }
  });

  it('reads UTF-16 notes with CRLF line ends', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'win.md');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Win\r\n\r\n**Term**: from Notepad.\r\n', 'utf16le')]));
    const io = captureIO();
    await run({ command: 'inspect', file: path, json: true }, io);
    expect(JSON.parse(io.out).definitions[0]).toMatchObject({ term: 'Term', definition: 'from Notepad.', source: { line: 3, column: 1 } });
  });
});

describe('command line', () => {
  it('--version and --help exit 0', async () => {
    const io = captureIO();
    expect(await main(['node', 'revise', '--version'], io)).toBe(0);
    expect(io.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = captureIO();
    expect(await main(['node', 'revise', '--help'], help)).toBe(0);
    expect(help.out).toContain('Examples:');
    expect(help.out).toContain('revise build');
  });
  it('an unknown option or command is a usage error (exit 2)', async () => {
    const io = captureIO();
    expect(await main(['node', 'revise', 'build', 'x.md', '--bogus'], io)).toBe(EXIT.usage);
    expect(io.err).toMatch(/unknown option '--bogus'/);
    expect(await main(['node', 'revise', 'frobnicate'], captureIO())).toBe(EXIT.usage);
  });
  it('main runs inspect end to end', async () => {
    const io = captureIO();
    expect(await main(['node', 'revise', 'inspect', join(repoRoot, 'input', 'photosynthese.md'), '--json'], io)).toBe(0);
    expect(JSON.parse(io.out).language).toBe('fr');
  });
});
