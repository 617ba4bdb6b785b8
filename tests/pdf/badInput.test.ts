import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmptyDocument, type OutlineNode, type StudyDocument } from '../../src/model/StudyDocument.js';
import { pdfRenderer } from '../../src/render/pdf/pdfRenderer.js';
import type { RenderContext } from '../../src/render/Renderer.js';
import { run } from '../../src/run.js';
import { drawnGlyphIds, pdfInfo, pdfToText, qpdfCheck, skipReason, squash, tempDir } from './pdfTools.js';

async function build(name: string, markdown: string): Promise<{ pdf: string; stderr: string; code: number }> {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, markdown);
  let stderr = '';
  const io = { stdout: () => undefined, stderr: (t: string) => void (stderr += t) };
  const result = await run({ command: 'build', paths: [file], out: join(dir, 'out'), formats: ['pdf'], cwd: dir }, io);
  return { pdf: join(dir, 'out', name.replace(/\.md$/, '.pdf')), stderr, code: result.code };
}

async function renderModel(doc: StudyDocument): Promise<{ pdf: string; reports: string[] }> {
  const reports: string[] = [];
  const context: RenderContext = {
    sourcePath: doc.file,
    sourceAbsolutePath: null,
    templatesDir: null,
    timestamp: 1_700_000_000,
    options: {},
    report: (m) => reports.push(m.message),
  };
  const bytes = (await pdfRenderer.render(doc, context)) as Uint8Array;
  const pdf = join(tempDir(), doc.file.replace(/\.\w+$/, '.pdf'));
  writeFileSync(pdf, bytes);
  return { pdf, reports };
}

/** Every word box pdftotext sees, to prove nothing is drawn off the page. */
function wordBoxes(pdf: string): { xMax: number; yMax: number; pageWidth: number; pageHeight: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html)!;
  return [...html.matchAll(/xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => ({ xMax: Number(m[1]), yMax: Number(m[2]), pageWidth: Number(page[1]), pageHeight: Number(page[2]) }));
}

function expectValid(pdf: string) {
  const check = qpdfCheck(pdf);
  expect(check.ok, check.output).toBe(true);
  expect(drawnGlyphIds(pdf).filter((id) => id === 0)).toEqual([]);
  for (const box of wordBoxes(pdf)) {
    expect(box.xMax).toBeLessThanOrEqual(box.pageWidth);
    expect(box.yMax).toBeLessThanOrEqual(box.pageHeight);
  }
}

describe.skipIf(skipReason)('bad input still gives a valid sheet', () => {
  it('a 300-row table flows over pages with its header row repeated', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `| item ${i + 1} | value ${(i * 7) % 300} | note ${i + 1} |`);
    const { pdf, code } = await build('long-table.md', `# Long\n\n| Name | Value | Comment |\n|---|---|---|\n${rows.join('\n')}\n`);
    expect(code).toBe(0);
    expectValid(pdf);
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThan(1);
    const text = pdfToText(pdf);
    for (const n of [1, 150, 300]) expect(text).toContain(`item ${n}`);
    // Every column the table reaches starts with the header row.
    const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    let columnsChecked = 0;
    for (const page of html.split('<page ').slice(1)) {
      const width = Number(/width="([\d.]+)"/.exec(page)![1]);
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }));
      for (const left of [true, false]) {
        const inColumn = words.filter((w) => w.x < width / 2 === left);
        const items = inColumn.filter((w) => w.text === 'item');
        if (!items.length) continue;
        columnsChecked++;
        const header = inColumn.find((w) => w.text === 'Comment');
        expect(header, `header of a ${left ? 'left' : 'right'} column`).toBeDefined();
        expect(header!.y).toBeLessThan(Math.min(...items.map((w) => w.y)));
      }
    }
    expect(columnsChecked).toBeGreaterThanOrEqual(pages);
  });

  it('a 12-column table keeps every cell', async () => {
    const head = Array.from({ length: 12 }, (_, i) => `Col${i + 1}`);
    const row = Array.from({ length: 12 }, (_, i) => `cell${i + 1} with some words`);
    const { pdf, code } = await build('wide.md', `# Wide\n\n| ${head.join(' | ')} |\n|${'---|'.repeat(12)}\n| ${row.join(' | ')} |\n`);
    expect(code).toBe(0);
    expectValid(pdf);
    const text = squash(pdfToText(pdf));
    for (const h of head) expect(text).toContain(h);
    for (let i = 1; i <= 12; i++) expect(text).toContain(`cell${i}`);
  });

  it('a 2,000-character word and URL are cut to fit, not dropped', async () => {
    const word = 'Zyx'.repeat(667);
    const url = `https://example.org/${'abcdefghij'.repeat(200)}`;
    const { pdf, code } = await build('long-word.md', `# Long\n\n**Mot** : ${word}\n\n**Lien** : ${url}\n\n| A | B |\n|---|---|\n| ${word} | court |\n`);
    expect(code).toBe(0);
    expectValid(pdf);
    // Reading order across cut lines is poppler's guess, so count the pieces instead of the whole.
    const text = squash(pdfToText(pdf));
    expect(text.split('Z').length - 1).toBe(667 * 2);
    expect(text.split('abcdefghij').length - 1).toBe(200);
    expect(text).toContain('https://example.org/');
  });

  it('an outline 50 levels deep is drawn as a tree', async () => {
    const doc = createEmptyDocument('deep.md');
    doc.title = 'Deep';
    let node: OutlineNode = { label: 'level 50', children: [], source: { line: 51, column: 1 } };
    for (let i = 49; i >= 1; i--) node = { label: `level ${i}`, children: [node, { label: `sibling ${i}`, children: [], source: { line: 100 + i, column: 1 } }], source: { line: i + 1, column: 1 } };
    doc.outlines.push({ id: 'outline-deep', section: [], ...node });
    const { pdf } = await renderModel(doc);
    expectValid(pdf);
    const text = squash(pdfToText(pdf));
    for (const label of ['level1', 'level25', 'level50', 'sibling49']) expect(text).toContain(label);
  });

  it('notes without any study item give a one-page sheet that says so', async () => {
    const { pdf, code } = await build('vide.md', '---\ntitle: Vide\nlang: fr\n---\n\n# Vide\n');
    expect(code).toBe(0);
    expectValid(pdf);
    expect(pdfInfo(pdf).Pages).toBe('1');
    expect(squash(pdfToText(pdf))).toContain(squash('Aucune définition'));
  });

  it('notes that are only prose keep their prose on the sheet', async () => {
    const { pdf, code } = await build('prose.md', '---\ntitle: Prose\nlang: fr\n---\n\nRien à réviser ici, sinon cette phrase.\n');
    expect(code).toBe(0);
    expectValid(pdf);
    const text = squash(pdfToText(pdf));
    expect(text).toContain(squash('Rien à réviser ici, sinon cette phrase.'));
    expect(text).not.toContain(squash('Aucune définition'));
  });

  it('an empty model renders too', async () => {
    const { pdf } = await renderModel(createEmptyDocument('empty.md'));
    expectValid(pdf);
  });

  it('characters no bundled font has are reported once and drawn as visible boxes', async () => {
    const { pdf, stderr, code } = await build('emoji.md', '# Emoji\n\n**Smile** : 𓀀 grin 𓀀 and 🧪 and ሀ\n\n**Again** : 𓀀\n');
    expect(code).toBe(0);
    expectValid(pdf);
    const warnings = stderr.split('\n').filter((l) => l.includes('pdf-missing-glyph'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('U+13000');
    expect(warnings[0]).toContain('U+1F9EA');
    expect(warnings[0]).toContain('U+1200');
    // The placeholder prints the code point, so the character is never silently gone.
    const text = pdfToText(pdf);
    expect(text).toContain('13000');
    expect(text).toContain('grin');
  });
});
