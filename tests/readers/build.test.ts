import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type RunResult } from '../../src/run.js';
import { captureIO, cleanup, listFiles, put, repoRoot, tempDir, type CapturedIO } from '../batch/helpers.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));
const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'study-document.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

let dir: string;
let result: RunResult;
let io: CapturedIO;

beforeAll(async () => {
  dir = await tempDir();
  await put(dir, {
    'course/handout.pdf': fixture('faq-examen.pdf'),
    'course/cells.docx': fixture('cells.docx'),
    'course/slides/volcans.pptx': fixture('deck.pptx'),
    'course/slides/volcans-impress.odp': fixture('deck.odp'),
    'course/eco.odt': fixture('jingji.odt'),
    'course/page.html': fixture('photosynthese.html'),
    'course/scan.pdf': fixture('scanned.pdf'),
    'course/locked.pdf': fixture('encrypted.pdf'),
    'course/old.docx': Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(500).fill(0)]),
    'course/drafts/ignored.pdf': fixture('cells.pdf'),
    'course/.reviseignore': 'drafts/\n',
  });
  io = captureIO();
  result = await run({ command: 'build', paths: [join(dir, 'course')], out: join(dir, 'out'), formats: ['json'], jobs: 1, cwd: dir }, io);
}, 120_000);

afterAll(() => cleanup(dir));

describe('a folder of PDFs, Word files, slides and web pages', () => {
  it('builds every readable file, reports each unreadable one by name, and exits 1', async () => {
    expect(result.code).toBe(1);
    const outputs = await listFiles(join(dir, 'out'));
    for (const name of ['handout.json', 'cells.json', 'slides/volcans.json', 'slides/volcans-impress.json', 'eco.json', 'page.json']) expect(outputs).toContain(name);
    for (const name of ['scan.json', 'locked.json', 'old.json', 'drafts/ignored.json']) expect(outputs).not.toContain(name);
    const errors = io.err.join('');
    expect(errors).toMatch(/scan\.pdf: error: has no text to read/);
    expect(errors).toMatch(/locked\.pdf: error: is a password-protected PDF/);
    expect(errors).toMatch(/old\.docx: error: is an old binary Office file/);
  });

  it('writes models that follow the schema, with page and slide positions', async () => {
    const handout = JSON.parse(await readFile(join(dir, 'out', 'handout.json'), 'utf8'));
    const slides = JSON.parse(await readFile(join(dir, 'out', 'slides', 'volcans.json'), 'utf8'));
    for (const doc of [handout, slides]) expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(handout.qa.every((q: { source: { page?: number } }) => q.source.page! >= 1)).toBe(true);
    expect(handout.dropped.some((d: { page?: number; reason: string }) => d.page === 2 && /running header/.test(d.reason))).toBe(true);
    expect(slides.definitions.map((d: { source: { slide?: number } }) => d.source.slide)).toEqual([3, 3]);
  });

  it('inspect reads a PDF from standard input by its bytes', async () => {
    const stdin = captureIO({ readStdin: async () => fixture('faq-examen.pdf') });
    const inspected = await run({ command: 'inspect', file: '-', json: true }, stdin);
    expect(inspected.code).toBe(0);
    const doc = JSON.parse(stdin.out.join(''));
    expect(doc.qa).toHaveLength(15);
    expect(doc.qa[0].source.page).toBe(1);
  });
});
