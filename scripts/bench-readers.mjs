#!/usr/bin/env node
// Reading files students have (reads dist/: run `npx tsc -p .` first). Target: a 50-page text PDF read
// into the study model in under 5 s with under 500 MB of memory. The PDFs are made here with pdf-lib
// (a handout: running header, page numbers, headings, paragraphs, numbered questions; and the same in
// two columns), each read in a fresh process so that its peak memory is its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--read') {
  const { readNotes } = await import('../dist/parse/readNotes.js');
  const file = process.argv[3];
  const bytes = new Uint8Array(readFileSync(file));
  const start = performance.now();
  const { document } = await readNotes(bytes, { file });
  const ms = performance.now() - start;
  const items = ['definitions', 'qa', 'keyPoints', 'outlines', 'tables', 'paragraphs'].reduce((n, k) => n + document[k].length, 0);
  console.log(JSON.stringify({ ms, items, qa: document.qa.length, dropped: document.dropped.length, rssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const words = 'la cellule produit de l énergie grâce aux mitochondries qui utilisent le glucose et le dioxygène pour fabriquer de l ATP pendant la respiration cellulaire'.split(' ');
const sentence = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 5) % words.length]).join(' ');

async function makeHandout(pages, columns) {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height, margin] = [595, 842, 56];
  const gap = 24;
  const colWidth = (width - 2 * margin - (columns - 1) * gap) / columns;
  let n = 0;
  for (let p = 1; p <= pages; p++) {
    const page = pdf.addPage([width, height]);
    page.drawText('Lycée Pasteur — Biologie, terminale', { x: margin, y: height - 36, size: 9, font: regular });
    page.drawText(`${p}`, { x: width / 2, y: 30, size: 9, font: regular });
    for (let c = 0; c < columns; c++) {
      let y = height - margin - 20;
      const x = margin + c * (colWidth + gap);
      const line = (text, font, size) => {
        page.drawText(text, { x, y, size, font });
        y -= size * 1.3;
      };
      const wrap = (text, font, size, indent = 0) => {
        let current = '';
        for (const word of text.split(' ')) {
          const next = current ? `${current} ${word}` : word;
          if (font.widthOfTextAtSize(next, size) > colWidth - indent) {
            page.drawText(current, { x: x + indent, y, size, font });
            y -= size * 1.3;
            current = word;
          } else current = next;
        }
        page.drawText(current, { x: x + indent, y, size, font });
        y -= size * 1.3;
      };
      line(`Chapitre ${p}.${c + 1}`, bold, 16);
      y -= 6;
      while (y > margin + 80) {
        n++;
        if (n % 4 === 0) {
          wrap(`${n}. Pourquoi ${sentence(n, 14)} (question ${n}) ?`, regular, 10.5, 0);
          wrap(`Parce que ${sentence(n + 1, 12)}.`, regular, 10.5, 14);
        } else wrap(`Paragraphe ${n} : ${sentence(n, 40)}.`, regular, 10.5);
        y -= 6;
      }
    }
  }
  return pdf.save();
}

const work = mkdtempSync(join(tmpdir(), 'revise-bench-readers-'));
const cases = [
  ['50-page handout PDF', await makeHandout(50, 1)],
  ['50-page two-column PDF', await makeHandout(50, 2)],
];
const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'tests', 'readers', 'fixtures');
for (const name of ['photosynthese.docx', 'deck.pptx', 'photosynthese.odt', 'photosynthese.html']) cases.push([name, readFileSync(join(fixtures, name))]);
for (const [label, bytes] of cases) {
  const ext = label.endsWith('PDF') ? '.pdf' : label.slice(label.lastIndexOf('.'));
  const file = join(work, `case${ext}`);
  writeFileSync(file, bytes);
  const r = JSON.parse(execFileSync(process.execPath, [self, '--read', file], { encoding: 'utf8' }));
  const target = label.startsWith('50-page') ? ` (target 5000 ms, 500 MiB): ${r.ms < 5000 && r.rssMiB < 500 ? 'met' : 'MISSED'}` : '';
  console.log(`readers: ${label} (${(bytes.length / 1024).toFixed(0)} KiB) → ${r.items} items (${r.qa} questions, ${r.dropped} dropped lines) in ${r.ms.toFixed(0)} ms, peak ${r.rssMiB.toFixed(0)} MiB${target}`);
}
rmSync(work, { recursive: true, force: true });
