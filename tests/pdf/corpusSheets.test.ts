import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/parseNotes.js';
import { pdfRenderer } from '../../src/render/pdf/pdfRenderer.js';
import type { RenderContext } from '../../src/render/Renderer.js';
import { pdfToText, skipReason, squash, tempDir } from './pdfTools.js';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const lost = join(import.meta.dirname, '..', 'pasted', 'lost');
const files = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => join(corpus, f)),
  ...readdirSync(lost).sort().map((f) => join(lost, f)),
];

/** Folded for comparison: pdftotext and the sheet's typography (no-break spaces, quotes) must not matter. */
const fold = (s: string) => squash(s.normalize('NFKC')).replace(/[’‘]/g, "'").toLowerCase();

describe.skipIf(skipReason)('the sheet of every shared corpus file (and of the nothing-lost fixtures) holds its terms, key facts and questions', () => {
  for (const path of files) {
    const name = path.split('/').pop()!;
    it(name, async () => {
      const { document } = parseNotes(readFileSync(path, 'utf8'), { file: name });
      const reports: string[] = [];
      const context: RenderContext = { sourcePath: name, sourceAbsolutePath: null, templatesDir: null, timestamp: 0, options: {}, report: (m) => reports.push(m.message) };
      const pdf = join(tempDir(), 'sheet.pdf');
      writeFileSync(pdf, (await pdfRenderer.render(document, context)) as Uint8Array);
      const text = fold(pdfToText(pdf));
      const wanted = [...document.definitions.map((d) => d.term), ...document.keyPoints.filter((k) => k.figures).map((k) => k.text), ...document.qa.map((q) => q.question)];
      expect(wanted.length).toBeGreaterThan(0);
      expect(wanted.filter((w) => !text.includes(fold(w)))).toEqual([]);
    });
  }
});
