import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { NotesError } from '../../src/model/NotesError.js';
import { readNotes } from '../../src/parse/readNotes.js';
import { chooseReader, NOTES_EXTENSIONS } from '../../src/parse/readers/readers.js';
import { ZIP_LIMITS } from '../../src/parse/readers/zip/readZip.js';
import { makeZip } from './makeZip.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));
const read = async (name: string) => (await readNotes(bytesOf(name), { file: name })).document;

/** A document's items without what may differ between formats of the same notes: ids and positions. */
function items(doc: StudyDocument) {
  const strip = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !['id', 'source', 'endLine'].includes(k)).map(([k, x]) => [k, strip(x)])) : v;
  const { title, sections, definitions, tables, outlines, sequences, qa, keyPoints, clozes, formulas, choices, paragraphs } = doc;
  return strip({ title, sections, definitions, tables, outlines, sequences, qa, keyPoints, clozes, formulas, choices, paragraphs }) as Record<string, unknown[]>;
}

/**
 * The notes of tests/readers/fixtures/notes/*.md, saved by LibreOffice in each format (see
 * scripts/make-reader-fixtures.mjs), must give the items the Markdown gives. Allowed differences:
 * ids and source positions (a PDF's are page and line, a slide's slide and line).
 */
const SAME_ITEMS: Record<string, string[]> = {
  photosynthese: ['photosynthese.pdf', 'photosynthese-2col.pdf', 'photosynthese.docx', 'photosynthese.odt', 'photosynthese.html'],
  cells: ['cells.pdf', 'cells.docx', 'cells.odt'],
  jingji: ['jingji.pdf', 'jingji.docx', 'jingji.odt'],
  deck: ['deck.pptx', 'deck.odp'],
  'faq-examen': ['faq-examen.pdf'],
};

describe('the same notes in every format give the same items', () => {
  for (const [notes, files] of Object.entries(SAME_ITEMS)) {
    for (const file of files) {
      it(`${file} = notes/${notes}.md`, async () => {
        const markdown = await read(`notes/${notes}.md`);
        const other = await read(file);
        expect(items(other)).toEqual(items(markdown));
        // Not an empty match: the notes hold facts of several kinds.
        expect(markdown.definitions.length + markdown.qa.length + markdown.tables.length).toBeGreaterThan(2);
      });
    }
  }

  it('deck.pdf (slides printed to PDF) keeps every fact; only the slide hierarchy and the speaker notes are not in a PDF', async () => {
    const markdown = await read('notes/deck.md');
    const pdf = await read('deck.pdf');
    const facts = (d: StudyDocument) => ({
      definitions: d.definitions.map((x) => [x.term, x.definition]),
      tables: d.tables.map((t) => [t.header, t.rows]),
      sequences: d.sequences.map((s) => s.steps),
      // A slide title ending in "?" takes what follows as its answer, speaker notes included where there are some.
      qa: d.qa.map((q) => [q.question, q.answers.filter((a) => !a.startsWith('Commencer par la photo'))]),
      outlines: d.outlines.map((o) => JSON.stringify(o, ['label', 'children'])),
      sections: d.sections.map((s) => s.text),
    });
    expect(facts(pdf)).toEqual(facts(markdown));
    expect(pdf.paragraphs.map((p) => p.text).join(' ')).not.toContain('Piton de la Fournaise et demander');
  });
});

describe('positions: page and line for PDFs, slide and line for slides', () => {
  it('a PDF item gives the page and the line on it, as `pdftotext` lays the page out', async () => {
    const doc = await read('faq-examen.pdf');
    const q = doc.qa.find((x) => x.question.startsWith('Le candidat peut-il quitter'))!;
    expect(q.source.page).toBe(2);
    const page2 = readFileSync(join(fixtures, 'faq-examen.pdf'));
    const { execFileSync } = await import('node:child_process');
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', '-', '-'], { input: page2 }).toString();
    } catch {
      return; // poppler-utils missing: the page number above is still checked
    }
    const lines = text.split('\n').filter((l) => l.trim());
    expect(lines[q.source.line - 1]).toContain('Le candidat peut-il quitter');
  });

  it('every item of a slide deck names its slide', async () => {
    const doc = await read('deck.pptx');
    const def = doc.definitions.find((d) => d.term === 'Éruption explosive')!;
    expect(def.source).toMatchObject({ slide: 3, line: 3 });
    expect(doc.tables[0].source.slide).toBe(4);
    for (const s of doc.sections) expect(s.source.slide).toBeGreaterThan(0);
  });

  it('speaker notes are kept as prose under their slide, after its content', async () => {
    for (const file of ['deck.pptx', 'deck.odp']) {
      const { text, origins } = await chooseReader(file, bytesOf(file)).read({ bytes: bytesOf(file), file });
      const lines = text.split('\n');
      const at = lines.indexOf("Insister sur le lien entre viscosité de la lave et type d'éruption.");
      expect(at).toBeGreaterThan(lines.indexOf("## Deux types d'éruptions"));
      expect(at).toBeLessThan(lines.indexOf('## Les risques volcaniques'));
      expect(origins![at]).toEqual({ slide: 3, line: 4 });
    }
  });
});

describe('PDF page furniture', () => {
  it('running headers and page numbers are dropped with their reason and page, and never become items', async () => {
    const doc = await read('faq-examen.pdf');
    const header = doc.dropped.filter((d) => d.text.includes('Lycée Jean Moulin'));
    expect(header.map((d) => d.page)).toEqual([1, 2, 3]);
    expect(header[0].reason).toMatch(/running header/);
    expect(doc.dropped.filter((d) => /^Page \d$/.test(d.text)).map((d) => d.reason)).toEqual(Array(3).fill('page number (bottom of the page)'));
    expect(JSON.stringify(items(doc))).not.toContain('Jean Moulin');
  });

  it('questions that wrap onto a second line come out whole, one pair per numbered question', async () => {
    const doc = await read('faq-examen.pdf');
    expect(doc.qa).toHaveLength(15);
    for (const q of doc.qa) expect(q.question).toMatch(/^\p{Lu}.*\?$/u);
  });

  it('two columns are read column by column', async () => {
    const doc = await read('photosynthese-2col.pdf');
    expect(doc.qa.map((q) => q.answers[0])).toEqual([
      'Parce que la chlorophylle absorbe le rouge et le bleu et réfléchit le vert.',
      'Dans les membranes des thylakoïdes du chloroplaste.',
      'Le dioxyde de carbone.',
    ]);
  });

  it('code set in a monospaced font stays code with its indentation', async () => {
    const { text } = await chooseReader('cells.pdf', bytesOf('cells.pdf')).read({ bytes: bytesOf('cells.pdf'), file: 'cells.pdf' });
    expect(text).toContain('```\ndef count_cells(path):\n    with open(path) as f:\n        return sum(1 for line in f if line.strip())\n```');
  });

  it('text that starts like Markdown syntax stays text', async () => {
    const { writeMarkdown } = await import('../../src/parse/readers/writeMarkdown.js');
    const out = writeMarkdown([
      { node: { type: 'paragraph', children: [{ type: 'text', value: '# not a heading\n> not a quote\n| not | a table |\n1. not a list' }] }, origins: [{ line: 1, page: 1 }] },
    ]);
    const doc = (await readNotes(new TextEncoder().encode(out.text), { file: 'x.md' })).document;
    expect(doc.sections).toHaveLength(0);
    expect(doc.tables).toHaveLength(0);
    expect(out.text).toMatch(/^\\# not a heading$/m);
  });
});

describe('bad input: a clear error naming the file and what to do', () => {
  const failure = async (bytes: Uint8Array, file: string): Promise<NotesError> => {
    try {
      await readNotes(bytes, { file });
    } catch (error) {
      expect(error).toBeInstanceOf(NotesError);
      expect((error as NotesError).file).toBe(file);
      return error as NotesError;
    }
    throw new Error(`${file} was read without an error`);
  };

  it('a scanned PDF says it has no text to read', async () => {
    const e = await failure(bytesOf('scanned.pdf'), 'scan.pdf');
    expect(e.code).toBe('no-text');
    expect(e.message).toMatch(/no text to read.*OCR/);
  });

  it('a scanned page inside a PDF with text is named in a warning, and the rest is read', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const merged = await PDFDocument.create();
    for (const name of ['cells.pdf', 'scanned.pdf']) {
      const source = await PDFDocument.load(bytesOf(name));
      for (const p of await merged.copyPages(source, source.getPageIndices())) merged.addPage(p);
    }
    const { document, messages } = await readNotes(await merged.save(), { file: 'mixed.pdf' });
    expect(messages.map((m) => m.message)).toContain('page 2 is an image without a text layer (a scanned page?): nothing was read from it');
    expect(document.definitions.map((d) => d.term)).toEqual(['Cell', 'Organelle', 'Mitochondrion']);
  });

  it('an encrypted PDF asks for an unprotected copy', async () => {
    expect((await failure(bytesOf('encrypted.pdf'), 'locked.pdf')).message).toMatch(/password-protected/);
  });

  it('truncated and corrupt files are named as damaged', async () => {
    for (const name of ['photosynthese.pdf', 'photosynthese.docx', 'deck.pptx', 'photosynthese.odt', 'deck.odp']) {
      const whole = bytesOf(name);
      const e = await failure(whole.subarray(0, Math.floor(whole.length / 3)), name);
      expect(e.message).toMatch(/damaged|truncated|not a readable/);
    }
    expect((await failure(new TextEncoder().encode('hello, not a pdf'), 'notes.pdf')).message).toMatch(/not a PDF/);
  });

  it('a .doc renamed .docx is recognised as the old Word format', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failure(ole, 'cours.docx')).message).toMatch(/old binary Office file.*save it as \.docx/);
    expect((await failure(ole, 'cours.doc')).message).toMatch(/Word 97-2003.*revise reads .*\.docx/);
  });

  it('a zip bomb is refused from its declared sizes, before anything is inflated', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: new Uint8Array(0), declaredSize: ZIP_LIMITS.totalBytes + 1, raw: deflateRawSync(Buffer.alloc(1024)) },
    ]);
    const e = await failure(bomb, 'bomb.docx');
    expect(e.code).toBe('zip-bomb');
    expect(e.message).toMatch(/zip bomb/);
  });

  it('a zip entry that inflates past the size it declares is stopped at that size', async () => {
    const big = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    const bomb = makeZip([
      { name: 'ppt/presentation.xml', data: new Uint8Array(0), declaredSize: 1000, raw: big },
      { name: 'ppt/_rels/presentation.xml.rels', data: new TextEncoder().encode('<Relationships/>') },
    ]);
    const before = process.memoryUsage().rss;
    const e = await failure(bomb, 'bomb.pptx');
    expect(e.code).toBe('zip-bomb');
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('a web page with no main content says so', async () => {
    expect((await failure(bytesOf('navonly.html'), 'navonly.html')).message).toMatch(/no main content/);
  });
});

describe('the readers table', () => {
  it('every format is picked up by folder builds', () => {
    for (const e of ['.md', '.txt', '.pdf', '.docx', '.odt', '.pptx', '.odp', '.html', '.htm']) expect(NOTES_EXTENSIONS).toContain(e);
  });

  it('standard input is recognised by its bytes', () => {
    const names: Record<string, string> = { 'cells.pdf': 'pdf', 'cells.docx': 'docx', 'cells.odt': 'odt', 'deck.pptx': 'pptx', 'deck.odp': 'odp', 'photosynthese.html': 'html', 'notes/cells.md': 'markdown' };
    for (const [file, reader] of Object.entries(names)) expect(chooseReader('<stdin>', bytesOf(file)).name).toBe(reader);
  });

  it('a saved web page leaves out the navigation, the cookie banner, the sharing buttons and the comments', async () => {
    const { text } = await chooseReader('p.html', bytesOf('photosynthese.html')).read({ bytes: bytesOf('photosynthese.html'), file: 'p.html' });
    for (const furniture of ['cookies', 'Se connecter', 'Partager', 'commentaire', 'Merci pour la fiche', 'Mentions légales', 'À lire aussi']) expect(text).not.toContain(furniture);
    expect(text.startsWith('# La photosynthèse\n')).toBe(true);
  });
});
