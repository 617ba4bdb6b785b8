import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeItemId } from '../../src/model/makeItemId.js';
import type { OutlineNode, StudyDocument } from '../../src/model/StudyDocument.js';
import { pdfRenderer } from '../../src/render/pdf/pdfRenderer.js';
import { DocumentMaker } from '../mcq/DocumentMaker.js';
import { pdfToText, skipReason, squash, tempDir } from './pdfTools.js';

/*
 * The sheet faults of issue 12, read back from the PDF: each fact once, answers of several lines
 * as bullets, trees never cut from their parent line, authored questions and prose in their section.
 */

async function sheetOf(doc: StudyDocument): Promise<string> {
  const bytes = (await pdfRenderer.render(doc, { sourcePath: doc.file, sourceAbsolutePath: null, templatesDir: null, timestamp: 1_700_000_000, options: {}, report: () => undefined })) as Uint8Array;
  const pdf = join(tempDir(), doc.file.replace(/\.\w+$/, '.pdf'));
  writeFileSync(pdf, bytes);
  return pdf;
}

const count = (hay: string, needle: string) => hay.split(needle).length - 1;

/** Words with their page and position, from pdftotext -bbox. */
function words(pdf: string): { page: number; x: number; y: number; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const out: { page: number; x: number; y: number; text: string }[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, x: Number(m[1]), y: Number(m[2]), text: m[3] });
  }
  return out;
}

describe.skipIf(Boolean(skipReason))('each fact once, lists as lists, trees whole', () => {
  it('prints a definition that an outline, an answer or a formula legend already holds only once', async () => {
    const m = new DocumentMaker('fr', 'valeur.md');
    const s = ['Valeur client'];
    m.doc.sections.push({ id: 's', text: 'Valeur client', depth: 1, path: s, source: { line: 1, column: 1 } });
    m.qa('Quelles sont les conditions de l’approche relationnelle ?', ['Les interactions : les activités de l’une influencent celles de l’autre.', 'La continuité : les interactions passées pèsent sur les suivantes.'], s);
    m.definition('Les interactions', 'les activités de l’une influencent celles de l’autre.', s);
    m.definition('La continuité', 'les interactions passées pèsent sur les suivantes.', s);
    m.qa('C’est quoi la valeur à vie du client ?', ['Le profit total espéré d’un client.', 'CLV = m × r - CAC', 'm = Marge bénéficiaire', 'r = Taux de rétention'], s);
    m.doc.formulas.push({ id: 'formula-clv', expression: 'CLV = m × r - CAC', variables: [{ symbol: 'm', meaning: 'Marge bénéficiaire' }, { symbol: 'r', meaning: 'Taux de rétention' }], section: s, source: { line: 20, column: 1 } });
    m.definition('m', 'Marge bénéficiaire', s);
    m.definition('r', 'Taux de rétention', s);
    m.outline(['Cycle de vie', [['Étapes', ['Portée', 'Acquisition', 'Rétention']]]], s);
    m.definition('Portée', 'Acquisition', s);
    const text = squash(pdfToText(await sheetOf(m.doc)));
    expect(count(text, squash('les activités de l’une influencent celles de l’autre'))).toBe(1);
    expect(count(text, squash('les interactions passées pèsent sur les suivantes'))).toBe(1);
    expect(count(text, 'Margebénéficiaire')).toBe(1);
    expect(count(text, 'Tauxderétention')).toBe(1);
    expect(count(text, squash('CLV = m × r - CAC'))).toBe(1);
    // A definition that is not an outline node's line is still printed ("Portée : Acquisition").
    expect(text).toContain('Portée');
    expect(count(text, 'Acquisition')).toBe(2);
  });

  it('prints an answer of several lines as bullets, one line each', async () => {
    const m = new DocumentMaker('en', 'answers.md');
    m.qa('Why do firms keep customers?', ['To win and keep them.', 'To learn their habits.', 'To know which products sell.']);
    m.qa('What is ATP?', ['The energy currency of the cell.']);
    const lines = pdfToText(await sheetOf(m.doc), 'layout').split('\n').map((l) => l.trim());
    for (const a of ['To win and keep them.', 'To learn their habits.', 'To know which products sell.']) expect(lines).toContain(`– ${a}`);
    expect(lines.some((l) => l.startsWith('What is ATP? → The energy currency of the cell.'))).toBe(true);
  });

  it('never leaves a tree\'s branches in another column than their parent line', async () => {
    const m = new DocumentMaker('en', 'trees.md');
    // Enough prose to bring the tree near the bottom of the first column.
    for (let i = 0; i < 52; i++) m.qa(`Question number ${i} about the cell?`, [`Answer ${i}.`]);
    m.outline(['Tree root', Array.from({ length: 4 }, (_, g) => [`Branch ${g}`, [`Leaf ${g}a`, `Leaf ${g}b`, `Leaf ${g}c`]] as [string, string[]])]);
    const w = words(await sheetOf(m.doc));
    const root = w.find((x) => x.text === 'root')!;
    const leaves = w.filter((x) => x.text === 'Leaf' || x.text === 'Branch');
    expect(leaves.length).toBe(16);
    const column = (x: { x: number }) => (x.x < 300 ? 0 : 1);
    for (const l of leaves) expect([l.page, column(l)]).toEqual([root.page, column(root)]);
  });

  it('draws the root line again when a tree taller than a column goes on into the next one', async () => {
    const m = new DocumentMaker('en', 'tall.md');
    const node = (label: string, children: OutlineNode[] = []): OutlineNode => ({ label, children, source: { line: 1, column: 1 } });
    const root = node('Giant tree', Array.from({ length: 12 }, (_, g) => node(`Group ${g}`, Array.from({ length: 8 }, (_, i) => node(`Item ${g}.${i}`)))));
    m.doc.outlines.push({ ...root, id: makeItemId('outline', 'Giant tree', []), section: [] });
    const w = words(await sheetOf(m.doc));
    const roots = w.filter((x) => x.text === 'Giant');
    const places = new Set(w.filter((x) => x.text === 'Item').map((x) => `${x.page}:${x.x < 300 ? 0 : 1}`));
    expect(places.size).toBeGreaterThan(1);
    // One root line at the top of every column the tree reaches.
    expect(roots.length).toBe(places.size);
    // A group label is never the last line of a column, away from its items.
    for (let g = 0; g < 12; g++) {
      const label = w.find((x) => x.text === `${g}` && w.some((y) => y.text === 'Group' && Math.abs(y.y - x.y) < 1 && y.page === x.page))!;
      const first = w.find((x) => x.text === `${g}.0`)!;
      expect([first.page, first.x < 300]).toEqual([label.page, label.x < 300]);
    }
  });

  it('lists authored questions and prose in their section', async () => {
    const m = new DocumentMaker('en', 'quiz.md');
    const s = ['Quiz'];
    m.doc.sections.push({ id: 'q', text: 'Quiz', depth: 1, path: s, source: { line: 1, column: 1 } });
    m.doc.choices.push({ id: 'choice-1', section: s, source: { line: 2, column: 1 }, stem: 'Where does photosynthesis happen?', options: [{ text: 'Mitochondrion', correct: false }, { text: 'Chloroplast', correct: true }], multiple: false, explanation: 'Chlorophyll is there.' });
    m.doc.paragraphs.push({ id: 'paragraph-1', section: s, source: { line: 6, column: 1 }, endLine: 6, text: 'Plants make their own food from light.' });
    const text = pdfToText(await sheetOf(m.doc));
    expect(squash(text)).toContain(squash('Where does photosynthesis happen?'));
    expect(text).toMatch(/✓ Chloroplast/);
    expect(squash(text)).toContain(squash('Plants make their own food from light.'));
  });
});
