import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/parseNotes.js';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { FontChain } from '../../src/render/pdf/FontChain.js';
import { run } from '../../src/run.js';
import { drawnGlyphIds, pdfFonts, pdfInfo, pdfToText, qpdfCheck, renderPage, skipReason, squash, tempDir, uncompressed } from './pdfTools.js';

const root = resolve(__dirname, '../..');
const samples = readdirSync(join(root, 'input')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'input', f));
const corpusDir = resolve(root, '../shared/corpus');
const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => join(corpusDir, f)) : [];
if (!corpus.length && process.env.CI === 'true') throw new Error(`no corpus files in ${corpusDir}`);
const files = [...samples, join(root, 'tests', 'pdf', 'fixtures', 'economie-fr-zh.md'), ...corpus];

const chain = new FontChain();

/**
 * Tokens of a model string as they must come back from pdftotext (spacing ignored). Characters no
 * bundled font has are drawn as placeholders (tested in badInput.test.ts), so they are left out.
 */
function tokens(text: string): string[] {
  return [...text.replace(/[\u0000-\u001f\u00ad\u200b-\u200f\u2060\ufe00-\ufe0f\ufeff]/g, '')]
    .filter((ch) => /\s/.test(ch) || chain.faceKeyFor(ch.codePointAt(0)!, 'regular') !== null)
    .join('')
    // pdftotext joins a word cut after its hyphen at a line end, dropping the hyphen.
    .split(/[\s\u00a0\u202f]+|(?<=-)/)
    .map((t) => t.replace(/-$/, ''))
    .filter(Boolean);
}

function expectAllIn(haystack: string, text: string, what: string) {
  for (const token of tokens(text)) expect(haystack, `${what}: "${token}" from "${text}"`).toContain(token);
}

describe.skipIf(skipReason)('revision sheets of every sample and corpus file', () => {
  const outDir = tempDir();
  const docs = new Map<string, StudyDocument>();
  const pdfOf = (file: string) => join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf'));

  beforeAll(async () => {
    const io = { stdout: () => undefined, stderr: () => undefined };
    const result = await run({ command: 'build', paths: files, out: outDir, formats: ['pdf'], cwd: root }, io);
    expect(result.code).toBe(0);
    for (const f of files) docs.set(f, parseNotes(readFileSync(f, 'utf8').replace(/^\ufeff/, ''), { file: basename(f) }).document);
  });

  it.each(files.map((f) => [basename(f), f]))('%s: pdftotext gives back terms, cells, questions and answers', (_name, file) => {
    const doc = docs.get(file)!;
    const text = squash(pdfToText(pdfOf(file)));
    expectAllIn(text, doc.title, 'title');
    for (const d of doc.definitions) {
      expectAllIn(text, d.term, 'term');
      expectAllIn(text, d.definition, 'definition');
    }
    for (const t of doc.tables) for (const cell of [...t.header, ...t.rows.flat()]) expectAllIn(text, cell, 'table cell');
    for (const q of doc.qa) {
      expectAllIn(text, q.question, 'question');
      for (const a of q.answers) expectAllIn(text, a, 'answer');
    }
    for (const s of doc.sequences) for (const step of s.steps) expectAllIn(text, step, 'sequence step');
    for (const f of doc.formulas) expectAllIn(text, f.expression, 'formula');
    const labels = (n: StudyDocument['outlines'][number]['children'][number]): string[] => [n.label, ...n.children.flatMap(labels)];
    for (const o of doc.outlines) for (const l of labels(o)) expectAllIn(text, l, 'outline node');
  });

  it('Chinese comes back as Chinese', () => {
    const zh = files.filter((f) => docs.get(f)!.language === 'zh');
    expect(zh.length).toBeGreaterThan(0);
    for (const f of zh) {
      const han = squash(pdfToText(pdfOf(f))).match(/\p{Script=Han}/gu) ?? [];
      expect(han.length, basename(f)).toBeGreaterThan(50);
    }
  });

  it.each(files.map((f) => [basename(f), f]))('%s: only embedded subset fonts, no warnings, qpdf --check passes', (_name, file) => {
    const pdf = pdfOf(file);
    const { fonts, stderr } = pdfFonts(pdf);
    expect(stderr).toBe('');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    const check = qpdfCheck(pdf);
    expect(check.ok, check.output).toBe(true);
    expect(check.output).not.toMatch(/WARNING/i);
  });

  it.each(files.map((f) => [basename(f), f]))('%s: no glyph is .notdef and pages render with embedded fonts only', (_name, file) => {
    const pdf = pdfOf(file);
    const ids = drawnGlyphIds(pdf);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => id === 0)).toEqual([]);
    const pages = Number(pdfInfo(pdf).Pages);
    for (let p = 1; p <= pages; p++) {
      const { stderr, ink, pixels } = renderPage(pdf, p);
      expect(stderr, `page ${p}`).toBe('');
      expect(ink, `page ${p} has ink`).toBeGreaterThan(0.002);
      // With system fonts allowed, poppler would swap in a substitute for any font it cannot use:
      // the two renders are identical only if every embedded font is drawn as it is.
      expect(Buffer.compare(pixels, renderPage(pdf, p, 40, true).pixels), `page ${p} same ink with system fonts`).toBe(0);
    }
  });

  it('a sheet embeds the Chinese font only when its notes have Chinese', () => {
    const names = (f: string) => pdfFonts(pdfOf(join(root, 'input', f))).fonts.map((x) => x.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names('photosynthese.md').some((n) => n.startsWith('NotoSansSC'))).toBe(false);
    expect(names('cell-biology.md').some((n) => n.startsWith('NotoSansSC'))).toBe(false);
    expect(names('jingji.md')).toContain('NotoSansSC-Regular');
  });

  it('the two-page French + Chinese sheet stays under 100 KB and carries its author', () => {
    const pdf = pdfOf(join(root, 'tests', 'pdf', 'fixtures', 'economie-fr-zh.md'));
    const info = pdfInfo(pdf);
    expect(info.Pages).toBe('2');
    expect(info.Author).toBe('Équipe pédagogique');
    expect(statSync(pdf).size).toBeLessThan(100 * 1024);
  });

  it('metadata: title, language, dates from the build timestamp; bookmarks for sections', () => {
    const pdf = pdfOf(join(root, 'input', 'photosynthese.md'));
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('La photosynthèse');
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info.Creator).toBe('revise');
    expect(statSync(pdf).size).toBeLessThan(100_000);
    const raw = uncompressed(pdf);
    expect(raw).toMatch(/\/Lang \(fr\)/);
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
    // One bookmark per shown section heading, with its title.
    for (const title of ['Vocabulaire', 'Les deux phases', 'Bilan', 'Questions de cours']) {
      expect(raw).toContain(`/Title <${Buffer.from(`\ufeff${title}`, 'utf16le').swap16().toString('hex')}>`);
    }
  });
});
