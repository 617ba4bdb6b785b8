import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/Inline.js';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { readNotes } from '../../src/parse/readNotes.js';
import { run } from '../../src/run.js';
import { readApkg } from '../anki/readApkg.js';
import { captureIO, repoRoot, tempDir } from '../cli/helpers.js';
import { pdfFonts, pdfToText, qpdfCheck, renderPage, skipReason, squash, uncompressed } from '../pdf/pdfTools.js';

const fixture = join(repoRoot, 'tests', 'media', 'fixtures');
const notesPath = join(fixture, 'course', 'physics.md');

async function model(): Promise<StudyDocument> {
  return (await readNotes(readFileSync(notesPath), { file: 'physics.md' })).document;
}

const find = <T extends { source: { line: number } }>(items: T[], line: number): T => {
  const found = items.find((i) => i.source.line === line);
  if (!found) throw new Error(`no item at line ${line}`);
  return found;
};

describe('the model keeps formulas, code and images as typed content', () => {
  it('validates against the schema and types every kind of content', async () => {
    const doc = await model();
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'study-document.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(doc))), JSON.stringify(validate.errors)).toBe(true);

    const mass = find(doc.definitions, 5);
    expect(mass.definition).toBe('$E = mc^2$ links the energy $E$ to the mass $m$.');
    expect(mass.rich?.definition).toEqual([
      { type: 'math', tex: 'E = mc^2' }, { type: 'text', text: ' links the energy ' }, { type: 'math', tex: 'E' },
      { type: 'text', text: ' to the mass ' }, { type: 'math', tex: 'm' }, { type: 'text', text: '.' },
    ]);
    expect(find(doc.definitions, 7).rich?.definition?.at(-1)).toEqual({ type: 'math', tex: 'E_k = \\frac{1}{2} m v^2', display: true });
    // \( … \) in an answer, and the $$ block under the question is one more answer.
    const derivative = find(doc.qa, 9);
    expect(derivative.rich?.['answers/0']).toContainEqual({ type: 'math', tex: '\\frac{d}{dx} x^n = n x^{n-1}' });
    expect(derivative.rich?.['answers/1']).toEqual([{ type: 'math', tex: '\\int_0^1 x^2 \\, dx = \\frac{1}{3}', display: true }]);
    // ```math blocks are displayed formulas too.
    expect(doc.qa.find((q) => q.question === 'The Gaussian integral')?.rich?.['answers/0']?.[0]).toMatchObject({ type: 'math', display: true });
    // In table cells.
    const table = find(doc.tables, 22);
    expect(table.rich?.['rows/1/1']).toEqual([{ type: 'math', tex: 'F = ma' }]);
    // TeX pasted without delimiters.
    expect(find(doc.definitions, 27).rich?.definition).toContainEqual({ type: 'math', tex: "\\frac{df}{dx} = f'(x)" });
    // Money is not maths.
    expect(find(doc.definitions, 29).definition).toContain('it costs $5 and $10.');
    expect(find(doc.definitions, 29).rich?.definition?.filter((c) => c.type === 'math')).toEqual([{ type: 'math', tex: '\\frac{1}{' }]);
  });

  it('keeps code literal and with its language: no formula inside code', async () => {
    const doc = await model();
    const reverse = doc.qa.find((q) => q.question === 'How do you reverse a list in Python?')!;
    expect(reverse.answers).toEqual(['def reverse(xs):\n    # the formula $x$ stays literal here\n    return xs[::-1]']);
    expect(reverse.rich?.['answers/0']).toEqual([{ type: 'code', code: reverse.answers[0], lang: 'python', block: true }]);
    const arrow = doc.definitions.find((d) => d.term === 'Arrow function')!;
    expect(arrow.rich?.definition).toContainEqual({ type: 'code', code: 'x => x * 2' });
    expect(arrow.attached).toEqual([{ type: 'code', code: 'const double = (x) => x * 2;\nconsole.log([1, 2, 3].map(double));', lang: 'javascript', block: true }]);
    expect(doc.qa.find((q) => q.question === 'Query listing the adults')?.rich?.['answers/0']?.[0]).toMatchObject({ lang: 'sql', block: true });
    expect(doc.qa.find((q) => q.question === 'Unknown language')?.rich?.['answers/0']?.[0]).toMatchObject({ code: '++++[>++++<-]>.', lang: 'foolang' });
    const all = JSON.stringify(doc);
    expect(all).not.toContain('"tex":"x"');
  });

  it('resolves images against the notes file and never gives a path out of the build root', async () => {
    const doc = await model();
    expect(find(doc.definitions, 33).attached).toEqual([{ type: 'image', src: 'img/cell.png', alt: 'A cell with its nucleus', path: 'img/cell.png', line: 35 }]);
    const triangle = find(doc.definitions, 37).attached!;
    expect(triangle.map((i) => (i as Inline & { src: string }).src)).toEqual(['triangle.svg', 'img/photo.jpg']);
    const outside = doc.definitions.find((d) => d.term === 'Outside')!;
    expect(outside.attached).toEqual([{ type: 'image', src: '../outside.png', alt: 'Secret', line: 52 }]);
  });
});

describe.skipIf(skipReason)('every output draws them', () => {
  let out = '';
  let messages = '';
  beforeAll(async () => {
    out = tempDir();
    const io = captureIO();
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      await run({ command: 'build', paths: [join(fixture, 'course')], out, formats: ['json', 'pdf', 'anki', 'mcq', 'quiz'] }, io);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    messages = io.err + io.out;
  }, 120_000);

  it('warns with file:line about missing, outside and unreadable images and rejected TeX', () => {
    expect(messages).toMatch(/physics\.md:45: warning: image img\/missing\.png not found; "Mitochondrion diagram" is shown instead \[image-missing\]/);
    expect(messages).toMatch(/physics\.md:52: warning: image \.\.\/outside\.png is outside the notes' folder.*refused, never read.*\[image-outside\]/);
    expect(messages).toMatch(/physics\.md:29: warning: TeX that MathJax cannot typeset \(Missing close brace\): \\frac\{1\}\{ is shown as written \[math-error\]/);
    expect(messages).not.toMatch(/triangle\.svg.*not found/);
  });

  it('PDF: code verbatim, formulas typeset with their symbols in the text, images drawn, fonts embedded', () => {
    const pdf = join(out, 'physics.pdf');
    const text = pdfToText(pdf);
    for (const line of ['def reverse(xs):', '# the formula $x$ stays literal here', 'return xs[::-1]', 'const double = (x) => x * 2;', 'console.log([1, 2, 3].map(double));', 'SELECT name, age FROM people WHERE age >= 18 ORDER BY name;', '++++[>++++<-]>.']) {
      expect(text, line).toContain(line);
    }
    // Symbols of the formulas are in the text layer; the TeX source of typeset formulas is not.
    const flat = squash(text);
    for (const symbol of ['E=mc²', '∞', '√(π)', 'F=ma', 'p=mv', 'xⁿ']) expect(flat, symbol).toContain(symbol);
    for (const source of ['\\frac{1}{2}', '\\int_0^1', '\\sqrt{\\pi}', '$E = mc^2$']) expect(text, source).not.toContain(source);
    // The rejected formula is shown as written.
    expect(text).toContain('$\\frac{1}{$');
    // Glyph outlines as filled forms, each written once and drawn wherever it recurs; invisible text under them.
    const content = uncompressed(pdf);
    expect((content.match(/\n3 Tr\n/g) ?? []).length).toBeGreaterThan(10);
    const forms = (content.match(/\/Subtype \/Form/g) ?? []).length;
    const uses = (content.match(/ cm \/G\d+ Do Q/g) ?? []).length;
    expect(forms).toBeGreaterThan(20);
    expect(uses).toBeGreaterThan(forms * 2);
    // Three pictures embedded once each (object ids), the cell drawn twice.
    const images = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2).map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image');
    expect(new Set(images.map((c) => c[10])).size).toBe(3);
    expect(images.length).toBe(4);
    const fonts = pdfFonts(pdf);
    expect(fonts.stderr).toBe('');
    expect(fonts.fonts.some((f) => /DejaVuSansMono/.test(f.name) && f.embedded && f.subset)).toBe(true);
    expect(qpdfCheck(pdf).ok).toBe(true);
    const page = renderPage(pdf, 1, 40);
    expect(page.stderr).toBe('');
    expect(page.ink).toBeGreaterThan(0.02);
  });

  it('Anki: \\( \\) for formulas, styled <pre> for code, each image once in the media', async () => {
    const bytes = readFileSync(join(out, 'physics.apkg'));
    const deck = await readApkg(bytes);
    const fields = deck.notes.map((n) => n.fields.join('\u001f')).join('\n');
    expect(fields).toContain('\\(E = mc^2\\)');
    expect(fields).toContain('\\[E_k = \\frac&#123;1&#125;&#123;2&#125; m v^2\\]');
    expect(fields).toMatch(/<pre class="revise-code" data-lang="python" style="[^"]*font-family:[^"]*"><code><span style="color:#cf222e">def<\/span>/);
    expect(fields).not.toContain('$E = mc^2$');
    const media = deck.media as Record<string, string>;
    const names = Object.values(media);
    // PNG, JPEG and the SVG found by its bare name (Obsidian style); Anki shows all three.
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^revise-[0-9a-f]{20}\.(png|jpg|svg)$/);
    // Both references to img/cell.png point at the one entry, whose bytes are the file's.
    const cell = names.find((n) => n.endsWith('.png'))!;
    expect(fields.split(`src="${cell}"`).length - 1).toBe(2);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const index = Object.keys(media).find((k) => media[k] === cell)!;
    expect(Buffer.from(await zip.file(index)!.async('uint8array')).equals(readFileSync(join(fixture, 'course', 'img', 'cell.png')))).toBe(true);
    const check = spawnSync('python3', [join(repoRoot, '..', 'shared', 'tools', 'check_apkg.py'), join(out, 'physics.apkg')], { encoding: 'utf8' });
    if (check.error === undefined && existsSync(join(repoRoot, '..', 'shared', 'tools', 'check_apkg.py'))) {
      expect(check.stdout + check.stderr).toMatch(/3 media; 0 error\(s\), 0 warning\(s\)/);
    }
  });

  it('MCQ: formulas marked as \\( \\); quiz page: formulas as SVG, code and images inline', () => {
    const bank = readFileSync(join(out, 'physics.mcq.json'), 'utf8');
    expect(bank).toContain('\\\\(E = mc^2\\\\)');
    expect(bank).not.toContain('$E = mc^2$');
    const page = readFileSync(join(out, 'physics.quiz.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="quiz-data">([\s\S]*?)<\/script>/.exec(page)![1]);
    const segments = JSON.stringify(data.chapters[0].cards);
    expect(segments).toContain('"x":"<svg');
    expect(segments).toMatch(/"k":\[\[\["def","#cf222e"\]/);
    expect(segments).toContain('"i":"data:image/png;base64,');
    expect(page).not.toMatch(/<svg[^>]*style=/);
    expect(data.chapters[0].questions.some((q: { rich?: unknown }) => q.rich)).toBe(true);
  });

  it('rebuilds give the same bytes', async () => {
    const again = tempDir();
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      await run({ command: 'build', paths: [join(fixture, 'course')], out: again, formats: ['json', 'pdf', 'anki', 'mcq', 'quiz'] }, captureIO());
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    for (const name of ['physics.pdf', 'physics.apkg', 'physics.mcq.json', 'physics.quiz.html', 'physics.json']) {
      expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name))), name).toBe(true);
    }
  }, 120_000);
});

describe.skipIf(skipReason)('bad input', () => {
  it('a 20 MB image is left out with a warning, a 5,000-line listing runs over pages, a link out of the folder is never followed', async () => {
    const dir = tempDir();
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    cpSync(join(fixture, 'course', 'img'), join(notes, 'img'), { recursive: true });
    // A PNG header then 20 MB: over the limit, refused before decoding.
    const big = Buffer.alloc(20 * 1024 * 1024);
    readFileSync(join(fixture, 'course', 'img', 'cell.png')).copy(big);
    writeFileSync(join(notes, 'img', 'big.png'), big);
    // A link inside the folder to a file outside it, and a FIFO outside: reading it would hang the build.
    writeFileSync(join(dir, 'secret.png'), readFileSync(join(fixture, 'course', 'img', 'cell.png')));
    symlinkSync(join(dir, 'secret.png'), join(notes, 'img', 'link.png'));
    execFileSync('mkfifo', [join(dir, 'fifo.png')]);
    const code = Array.from({ length: 5000 }, (_, i) => `print("line ${i + 1}")`).join('\n');
    writeFileSync(
      join(notes, 'bad.md'),
      `# Bad input\n\n**Big**: a huge picture.\n\n![huge](img/big.png)\n\n**Linked**: a link out.\n\n![linked](img/link.png)\n\n**Pipe**: never opened.\n\n![pipe](../fifo.png)\n\n**Money**: $5 is unbalanced, $ alone too.\n\nA long listing:\n\n\`\`\`python\n${code}\n\`\`\`\n`,
    );
    const io = captureIO();
    await run({ command: 'build', paths: [join(notes, 'bad.md')], out: join(dir, 'out'), formats: ['pdf', 'anki'] }, io);
    const said = io.err + io.out;
    expect(said).toMatch(/bad\.md:5: warning: image img\/big\.png is 20\.0 MiB, over the 10 MiB limit for images: left out; "huge" is shown instead/);
    expect(said).toMatch(/bad\.md:9: warning: image img\/link\.png is outside the notes' folder \(through a symbolic link\): refused, never read/);
    expect(said).toMatch(/bad\.md:13: warning: image \.\.\/fifo\.png is outside the notes' folder/);
    const pdf = join(dir, 'out', 'bad.pdf');
    const text = pdfToText(pdf);
    expect(text).toContain('$5 is unbalanced, $ alone too.');
    expect(text).toContain('print("line 1")');
    expect(text).toContain('print("line 5000")');
    for (let i = 1; i <= 5000; i += 499) expect(text, `line ${i}`).toContain(`print("line ${i}")`);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(20);
    const deck = await readApkg(readFileSync(join(dir, 'out', 'bad.apkg')));
    expect(Object.keys(deck.media as object)).toHaveLength(0);
  }, 120_000);

  it('a changed image rebuilds notes that did not change', async () => {
    const dir = tempDir();
    cpSync(join(fixture, 'course'), join(dir, 'course'), { recursive: true });
    const build = async () => {
      const io = captureIO();
      await run({ command: 'build', paths: [join(dir, 'course')], out: join(dir, 'out'), formats: ['anki'], json: true }, io);
      return JSON.parse(io.out).files[0].status as string;
    };
    expect(await build()).toBe('built');
    expect(await build()).toBe('skipped');
    writeFileSync(join(dir, 'course', 'img', 'photo.jpg'), readFileSync(join(fixture, 'course', 'img', 'photo.jpg')).subarray(0, 600));
    expect(await build()).toBe('built');
    expect(await build()).toBe('skipped');
  }, 120_000);
});
