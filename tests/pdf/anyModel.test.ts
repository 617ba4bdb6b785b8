import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmptyDocument, type OutlineNode, type StudyDocument } from '../../src/model/StudyDocument.js';
import { pdfRenderer } from '../../src/render/pdf/pdfRenderer.js';
import { drawnGlyphIds, pdfToText, qpdfCheck, skipReason, squash, tempDir } from './pdfTools.js';

/** Text mixing Latin, French punctuation, Chinese, symbols, spaces, controls and rare scripts. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('Terme', 'cycle', 'ATP', '→', '├─', '« ', ' »', ' : ', ' ? ', '需求', '价格。', '，', ' ', '\n', '\t', '\u00a0', '\u200b', '😀', 'ሀ', 'é', 'x'.repeat(120)),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

function outlineOf(depth: number): fc.Arbitrary<OutlineNode> {
  return fc.record({
    label: text,
    children: depth === 0 ? fc.constant([]) : fc.array(outlineOf(depth - 1), { maxLength: 3 }),
    source: fc.constant({ line: 1, column: 1 }),
  });
}
const outline = outlineOf(4);

const documents = fc
  .record({
    title: text,
    language: fc.constantFrom('fr', 'en', 'zh', 'und', 'de'),
    sections: fc.array(fc.record({ text, depth: fc.integer({ min: 1, max: 8 }) }), { maxLength: 6 }),
    definitions: fc.array(fc.record({ term: text, definition: text, at: fc.nat(6) }), { maxLength: 6 }),
    tables: fc.array(fc.record({ header: fc.array(text, { maxLength: 7 }), rows: fc.array(fc.array(text, { maxLength: 8 }), { maxLength: 6 }), at: fc.nat(6) }), { maxLength: 2 }),
    outlines: fc.array(fc.record({ node: outline, at: fc.nat(6) }), { maxLength: 2 }),
    sequences: fc.array(fc.record({ steps: fc.array(text, { maxLength: 9 }), at: fc.nat(6) }), { maxLength: 2 }),
    qa: fc.array(fc.record({ question: text, answers: fc.array(text, { maxLength: 3 }), at: fc.nat(6) }), { maxLength: 4 }),
    formulas: fc.array(fc.record({ expression: text, at: fc.nat(6) }), { maxLength: 2 }),
  })
  .map((r): StudyDocument => {
    const doc = createEmptyDocument('random.md');
    doc.title = r.title;
    doc.language = r.language;
    const paths: string[][] = [];
    doc.sections = r.sections.map((s, i) => {
      const path = [...(paths[i - 1] ?? []).slice(0, s.depth - 1), s.text];
      paths.push(path);
      return { id: `section-${i}`, text: s.text, depth: s.depth, path, source: { line: i * 10 + 1, column: 1 } };
    });
    const where = (at: number, n: number) => ({ section: paths[at] ?? ['not a section'], source: { line: at * 10 + 2 + n, column: 1 } });
    doc.definitions = r.definitions.map((d, i) => ({ id: `definition-${i}`, term: d.term, definition: d.definition, ...where(d.at, i) }));
    doc.tables = r.tables.map((t, i) => ({ id: `table-${i}`, header: t.header, rows: t.rows, ...where(t.at, i) }));
    doc.outlines = r.outlines.map((o, i) => ({ id: `outline-${i}`, ...o.node, ...where(o.at, i) }));
    doc.sequences = r.sequences.map((s, i) => ({ id: `sequence-${i}`, steps: s.steps, ...where(s.at, i) }));
    doc.qa = r.qa.map((q, i) => ({ id: `qa-${i}`, question: q.question, answers: q.answers, ...where(q.at, i) }));
    doc.formulas = r.formulas.map((f, i) => ({ id: `formula-${i}`, expression: f.expression, variables: [], ...where(f.at, i) }));
    return doc;
  });

describe.skipIf(skipReason)('any study model', () => {
  it('renders to a valid PDF with every term and no empty box', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(documents, async (doc) => {
        const bytes = (await pdfRenderer.render(doc, {
          sourcePath: 'random.md',
          sourceAbsolutePath: null,
          templatesDir: null,
          timestamp: 1_700_000_000,
          options: {},
          report: () => undefined,
        })) as Uint8Array;
        const file = join(dir, `random-${n++}.pdf`);
        writeFileSync(file, bytes);
        const check = qpdfCheck(file);
        expect(check.ok, check.output).toBe(true);
        expect(drawnGlyphIds(file).filter((id) => id === 0)).toEqual([]);
        const out = squash(pdfToText(file));
        for (const d of doc.definitions) {
          const word = d.term.split(/[\s\u00a0]+/).find((w) => /^[A-Za-z]{3,}$/.test(w));
          if (word) expect(out).toContain(word);
        }
      }),
      { numRuns: 25, seed: 20261125 },
    );
  });
});
