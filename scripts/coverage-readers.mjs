#!/usr/bin/env node
// How much of a PDF, Word, OpenDocument, slide or HTML file reaches the study model: the share of its
// words (CJK: characters) found in some item, the way ../shared/tools/coverage.mjs counts Markdown.
// The file's words are its text as an independent tool reads it (pdftotext for a PDF) or, for the
// other formats, the text the reader made, less the lines revise dropped (running headers, page
// numbers, slide footers). Reads dist/: run `npx tsc -p .` first.
// usage: node scripts/coverage-readers.mjs FILE...
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chooseReader } from '../dist/parse/readers/readers.js';
import { readNotes } from '../dist/parse/readNotes.js';

const tokens = (s) => String(s).normalize('NFKC').toLowerCase().match(/[\p{Script=Han}]|[\p{L}\p{N}]+/gu) || [];
const strings = (v) =>
  v == null ? [] : typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : typeof v === 'object' ? Object.entries(v).filter(([k]) => !['source', 'id', 'line', 'column', 'reason', 'cloze'].includes(k)).flatMap(([, x]) => strings(x)) : [];

let sum = 0;
let n = 0;
for (const file of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(file));
  const { document } = await readNotes(bytes, { file });
  const dropped = new Set(document.dropped.map((d) => d.text.replace(/\s+/g, ' ').trim()));
  const source = file.toLowerCase().endsWith('.pdf')
    ? execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : (await chooseReader(file, bytes).read({ bytes, file })).text;
  const words = source
    .split('\n')
    .filter((line) => !dropped.has(line.replace(/\s+/g, ' ').trim()))
    .flatMap(tokens);
  const have = new Map();
  for (const k of ['title', 'sections', 'definitions', 'tables', 'outlines', 'sequences', 'qa', 'clozes', 'keyPoints', 'formulas', 'choices', 'paragraphs']) {
    for (const t of strings(document[k])) for (const w of tokens(t)) have.set(w, (have.get(w) || 0) + 1);
  }
  let hit = 0;
  for (const w of words) {
    const c = have.get(w);
    if (c) {
      hit++;
      have.set(w, c - 1);
    }
  }
  const cov = words.length ? hit / words.length : 1;
  sum += cov;
  n++;
  console.log(`${file.split('/').pop()}: ${(100 * cov).toFixed(1)} % of ${words.length} words`);
}
console.log(`mean coverage ${(100 * sum / n).toFixed(1)} %`);
