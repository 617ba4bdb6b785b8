import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NotesError } from '../../src/model/NotesError.js';
import { decodeNotes } from '../../src/parse/decodeNotes.js';
import { readNotes } from '../../src/parse/readNotes.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const failure = (run: () => unknown): NotesError => {
  try {
    run();
  } catch (error) {
    if (error instanceof NotesError) return error;
    throw error;
  }
  throw new Error('expected a NotesError');
};

describe('binary checks cover the whole file (issue 17, item 8)', () => {
  it('refuses a NUL far past the first 8 KiB, naming its line', () => {
    const text = `# Notes\n\n${'Term: a definition of some length.\n'.repeat(2000)}`;
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0]), Buffer.from('\nlast line\n')]);
    expect(bytes.indexOf(0)).toBeGreaterThan(60_000);
    const error = failure(() => decodeNotes(bytes, 'late.md'));
    expect(error.code).toBe('binary');
    expect(error.line).toBe(2003);
  });

  it('checks UTF-16 after decoding it: random code units after a BOM are refused, not read as Chinese', () => {
    // Random code units that are valid UTF-16 (no surrogates), so strict decoding alone lets them through.
    for (let round = 0; round < 20; round++) {
      const units = new Uint16Array(2048);
      const random = randomBytes(units.length * 2);
      for (let i = 0; i < units.length; i++) {
        const u = random.readUInt16LE(i * 2);
        units[i] = u >= 0xd800 && u <= 0xdfff ? u - 0x1000 : u;
      }
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(units.buffer)]);
      expect(failure(() => decodeNotes(bytes, 'noise.md')).code).toBe('binary');
    }
  });

  it('refuses NUL characters inside UTF-16 text', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# T\n\nTerm: one.\n\u0000\n', 'utf16le')]);
    const error = failure(() => decodeNotes(bytes, 'nul16.md'));
    expect(error.code).toBe('binary');
    expect(error.line).toBe(4);
  });

  it('reads UTF-16 without a BOM, little- and big-endian, Latin and Chinese', () => {
    for (const text of ['# Cours\n\nÉté : saison chaude.\nHiver : saison froide.\n', '# 经济学\n\n供给：商品的数量。\n需求：购买的意愿。\n']) {
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.from(le).swap16();
      expect(decodeNotes(le, 'le.md')).toMatchObject({ text, encoding: 'utf-16le' });
      expect(decodeNotes(be, 'be.md')).toMatchObject({ text, encoding: 'utf-16be' });
    }
  });

  it('still calls a UTF-8 file with one stray NUL binary, not UTF-16', () => {
    const bytes = Buffer.concat([Buffer.from('# Notes\n\nTerm: a definition.\n'.repeat(20)), Buffer.from([0]), Buffer.from('x\n')]);
    const error = failure(() => decodeNotes(bytes.length % 2 ? bytes : Buffer.concat([bytes, Buffer.from('\n')]), 'stray.md'));
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/NUL bytes/);
  });
});

describe('control characters (issue 17, item 7)', () => {
  it('become spaces at decode time, with the count and the first position', () => {
    const decoded = decodeNotes(utf8('# T\n\nTerm\u001f: one\u001b[31m red\u0007.\r\nline\fbreak\n'), 'c.md');
    expect(decoded.text).toBe('# T\n\nTerm : one [31m red .\nline break\n');
    expect(decoded.replaced).toEqual({ count: 4, line: 3, column: 5 });
    expect(decoded.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('are reported once as a warning on the file, and never reach the model', async () => {
    const { document, messages } = await readNotes(utf8('# Cells\n\nQuestion\u001f one::Answer\u001b two\n'), { file: 'ctl.md' });
    expect(JSON.stringify(document)).not.toMatch(/\\u001[fb]/);
    expect(messages.filter((m) => m.ruleId === 'control-characters')).toEqual([
      expect.objectContaining({ file: 'ctl.md', line: 3, column: 9, severity: 'warning' }),
    ]);
  });
});

describe('control characters from readers of other formats', () => {
  it('are replaced too: an HTML entity such as &#27; never reaches the model', async () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `<p><b>Term${i}</b>: a definition with an escape&#27;[31m and a separator&#31;here, long enough to read as an article.</p>`);
    const html = `<html><head><title>Cells</title></head><body><article><h1>Cells</h1>${paragraphs.join('')}</article></body></html>`;
    const { document, messages } = await readNotes(utf8(html), { file: 'page.html' });
    expect(document.definitions.length).toBeGreaterThan(0);
    expect(JSON.stringify(document)).not.toMatch(/\\u001[bf]/);
    expect(messages.filter((m) => m.ruleId === 'control-characters')).toHaveLength(1);
  });
});

describe('front-matter lang (issue 17, item 4)', () => {
  it('is a language tag or nothing: a path or a number is ignored with a warning naming its line', async () => {
    for (const [value, line] of [['../../../../etc/secret', 3], ['5', 3], ['xx', 3]] as const) {
      const notes = `---\ntitle: T\nlang: ${value}\n---\n# Cells\n\nThe cell is the unit of life and the nucleus holds the genes.\n`;
      const { document, messages } = await readNotes(utf8(notes), { file: 'l.md' });
      expect(document.language).toBe('en');
      expect(document.languageSource).toBe('detected');
      const warning = messages.find((m) => m.ruleId === 'front-matter-lang');
      expect(warning).toMatchObject({ line, severity: 'warning' });
    }
  });

  it('keeps real tags, in lower case, and lets a bad one fall back to the option', async () => {
    const good = await readNotes(utf8('---\nlang: zh-Hant\n---\n# 細胞\n'), { file: 'g.md' });
    expect(good.document).toMatchObject({ language: 'zh-hant', languageSource: 'front-matter' });
    const bad = await readNotes(utf8('---\nlanguage: [fr]\n---\n# Cells\n'), { file: 'b.md', language: 'fr' });
    expect(bad.document).toMatchObject({ language: 'fr', languageSource: 'option' });
  });
});
