import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseGift } from 'gift-pegjs';
import JSZip from 'jszip';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { readNotes } from '../../src/parse/readNotes.js';
import { writeGift } from '../../src/render/gift/giftRenderer.js';
import { KAHOOT_ANSWER_MAX, KAHOOT_FIRST_ROW, KAHOOT_QUESTION_MAX, writeKahootSheet } from '../../src/render/kahoot/kahootRenderer.js';
import type { McqQuestion } from '../../src/render/mcq/McqBank.js';
import { writeMoodleXml } from '../../src/render/moodle/moodleRenderer.js';
import { writeQtiPackage } from '../../src/render/qti/qtiRenderer.js';
import { exportBank, questionShape, type ExportBank } from '../../src/render/quiz/exportQuestions.js';
import { createDefaultRegistry } from '../../src/render/registry.js';
import type { RenderContext } from '../../src/render/Renderer.js';
import { corpusDir, repoRoot } from '../mcq/testPaths.js';
import { authoredBank, HOSTILE, hostileDocument } from './hostileDocument.js';

interface Report {
  message: string;
  ruleId?: string;
}

function contextFor(file: string, reports: Report[] = [], options: Record<string, unknown> = {}): RenderContext {
  return { sourcePath: file, sourceAbsolutePath: null, templatesDir: null, timestamp: 1_700_000_000, options, report: (m) => reports.push(m) };
}

/** Questions an export leaves out, read from its counted warning (0 when there is none). */
function skippedCount(reports: Report[], format: string): number {
  const m = reports.map((r) => new RegExp(`^${format}: (\\d+) of \\d+ `).exec(r.message)).find(Boolean);
  return m ? Number(m[1]) : 0;
}

const keysOf = (q: McqQuestion) => q.options.flatMap((o, i) => (o.correct ? [i] : []));

async function corpusDocuments(): Promise<StudyDocument[]> {
  const files = [
    ...readdirSync(join(repoRoot, 'input')).map((f) => join(repoRoot, 'input', f)),
    ...(existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => join(corpusDir, f)) : []),
    join(repoRoot, 'tests/quiz/fixtures/hostile.md'),
  ];
  const docs: StudyDocument[] = [];
  for (const path of files) {
    const name = path.split('/').pop()!;
    docs.push((await readNotes(readFileSync(path), { file: name, display: name })).document);
  }
  return docs;
}

/** Every bank the checks run on: the samples, every corpus file, the hostile fixtures, an authored bank. */
async function banks(): Promise<ExportBank[]> {
  const docs = [...(await corpusDocuments()), hostileDocument()];
  return [...docs.map((d) => exportBank(d, contextFor(d.file))), authoredBank()];
}

// ---------- GIFT ----------

type GiftChoice = { isCorrect: boolean; weight: number | null; text: { text: string; format: string } };
type GiftItem = { type: string; title: string | null; id?: string | null; stem: { text: string; format: string }; choices?: GiftChoice[]; isTrue?: boolean };

function checkGift(bank: ExportBank): number {
  const reports: Report[] = [];
  const text = writeGift(bank, contextFor(bank.file, reports));
  if (bank.questions.length === 0) {
    expect(text).toBeNull();
    return 0;
  }
  const parsed = parseGift(text!) as GiftItem[];
  const questions = parsed.filter((p) => p.type !== 'Category');
  const exported = bank.questions.filter((q) => questions.some((p) => p.title === q.id));
  expect(questions.length).toBe(exported.length);
  expect(bank.questions.length - exported.length).toBe(skippedCount(reports, 'gift'));
  for (const p of questions) {
    const q = bank.questions.find((x) => x.id === p.title)!;
    expect(p.id).toBe(q.id);
    expect(p.stem.format).toBe('plain');
    expect(p.stem.text).toBe(q.stem.trim());
    const shape = questionShape(q);
    if (shape === 'true-false') {
      expect(p.type).toBe('TF');
      expect(p.isTrue).toBe(q.options[0].correct);
      continue;
    }
    expect(p.type).toBe('MC');
    expect(p.choices!.map((c) => c.text.text)).toEqual(q.options.map((o) => o.text.trim()));
    if (shape === 'single') expect(p.choices!.flatMap((c, i) => (c.isCorrect ? [i] : []))).toEqual(keysOf(q));
    else {
      const weights = p.choices!.map((c) => c.weight ?? 0);
      expect(weights.flatMap((w, i) => (w > 0 ? [i] : []))).toEqual(keysOf(q));
      expect(weights.filter((w) => w > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
    }
  }
  // One $CATEGORY per theme, each before its questions.
  const categories = parsed.filter((p) => p.type === 'Category').map((p) => p.title);
  expect(new Set(categories).size).toBe(categories.length);
  return questions.length;
}

// ---------- Moodle XML ----------

const xmlParser = new XMLParser({ parseTagValue: false, ignoreAttributes: false, attributeNamePrefix: '@', cdataPropName: '#cdata', isArray: (name) => ['question', 'answer'].includes(name) });
const fromHtml = (html: string) =>
  html
    .replace(/^<p>|<\/p>$/g, '')
    .replace(/<br>/g, '\n')
    .replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!);

type MoodleAnswer = { '@fraction': string; text: string | { '#cdata': string } };
type MoodleQuestion = { '@type': string; name?: { text: string }; idnumber?: string; single?: string; questiontext?: { text: { '#cdata': string } }; answer?: MoodleAnswer[]; category?: { text: string } };

function checkMoodle(bank: ExportBank): number {
  const reports: Report[] = [];
  const xml = writeMoodleXml(bank, contextFor(bank.file, reports));
  if (bank.questions.length === 0) return 0;
  expect(xml!.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')).toBe(true);
  expect(XMLValidator.validate(xml!)).toBe(true);
  const all = (xmlParser.parse(xml!) as { quiz: { question?: MoodleQuestion[] } }).quiz.question ?? [];
  const questions = all.filter((q) => q['@type'] !== 'category');
  expect(bank.questions.length - questions.length).toBe(skippedCount(reports, 'moodle'));
  for (const p of questions) {
    const q = bank.questions.find((x) => x.id === p.idnumber)!;
    expect(p.name!.text).toBe(q.id);
    expect(fromHtml(p.questiontext!.text['#cdata'])).toBe(q.stem);
    const shape = questionShape(q);
    const fractions = p.answer!.map((a) => Number(a['@fraction']));
    if (shape === 'true-false') {
      expect(p['@type']).toBe('truefalse');
      expect(fractions).toEqual(q.options[0].correct ? [100, 0] : [0, 100]);
      continue;
    }
    expect(p['@type']).toBe('multichoice');
    expect(p.single).toBe(shape === 'single' ? 'true' : 'false');
    expect(p.answer!.map((a) => fromHtml((a.text as { '#cdata': string })['#cdata']))).toEqual(q.options.map((o) => o.text));
    expect(fractions.flatMap((f, i) => (f > 0 ? [i] : []))).toEqual(keysOf(q));
    expect(fractions.filter((f) => f > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
  }
  return questions.length;
}

// ---------- QTI ----------

const qtiParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', stopNodes: ['*.prompt', '*.simpleChoice'], isArray: (name) => ['simpleChoice', 'value', 'resource', 'file', 'dependency', 'assessmentItemRef', 'assessmentSection'].includes(name) });
const fromInline = (xml: string) => xml.replace(/<br\/>/g, '\n').replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!);
type Choice = string | { '#text': string; '@identifier': string };

async function checkQti(bank: ExportBank): Promise<number> {
  const reports: Report[] = [];
  const zipBytes = await writeQtiPackage(bank, contextFor(bank.file, reports));
  if (bank.questions.length === 0) return 0;
  // JSZip, not revise's own zip reader, reads the package.
  const zip = await JSZip.loadAsync(zipBytes!);
  const manifest = await zip.file('imsmanifest.xml')!.async('string');
  expect(XMLValidator.validate(manifest)).toBe(true);
  const resources = (qtiParser.parse(manifest) as { manifest: { resources: { resource: { '@identifier': string; '@type': string; '@href': string }[] } } }).manifest.resources.resource;
  const items = resources.filter((r) => r['@type'] === 'imsqti_item_xmlv2p1');
  expect(resources.filter((r) => r['@type'] === 'imsqti_test_xmlv2p1')).toHaveLength(1);
  expect(bank.questions.length - items.length).toBe(skippedCount(reports, 'qti'));
  for (const r of items) {
    const xml = await zip.file(r['@href'])!.async('string');
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = (qtiParser.parse(xml) as { assessmentItem: Record<string, any> }).assessmentItem;
    const q = bank.questions.find((x) => x.id === r['@identifier'])!;
    expect(item['@identifier']).toBe(q.id);
    const interaction = item.itemBody.choiceInteraction;
    expect(fromInline(interaction.prompt)).toBe(q.stem);
    const choices = (interaction.simpleChoice as Choice[]).map((c) => (typeof c === 'string' ? c : c['#text']));
    expect(choices.map(fromInline)).toEqual(q.options.map((o) => o.text));
    const correct: string[] = item.responseDeclaration.correctResponse.value;
    const ids: string[] = [...xml.matchAll(/<simpleChoice identifier="([^"]+)"/g)].map((m) => m[1]);
    expect(correct).toEqual(keysOf(q).map((i) => ids[i]));
    expect(item.responseDeclaration['@cardinality']).toBe(questionShape(q) === 'multiple' ? 'multiple' : 'single');
    expect(interaction['@maxChoices']).toBe(questionShape(q) === 'multiple' ? '0' : '1');
  }
  return items.length;
}

// ---------- Kahoot ----------

async function checkKahoot(bank: ExportBank): Promise<number> {
  const reports: Report[] = [];
  const bytes = await writeKahootSheet(bank, contextFor(bank.file, reports));
  if (bytes === null) {
    expect(skippedCount(reports, 'kahoot')).toBe(bank.questions.length);
    return 0;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes));
  const sheet = workbook.worksheets[0];
  expect(String(sheet.getCell(`B${KAHOOT_FIRST_ROW - 1}`).value)).toMatch(/^Question/);
  expect(String(sheet.getCell(`H${KAHOOT_FIRST_ROW - 1}`).value)).toMatch(/^Correct/);
  const rows: { stem: string; answers: string[]; time: unknown; keys: string }[] = [];
  for (let r = KAHOOT_FIRST_ROW; sheet.getCell(`B${r}`).value !== null; r++) {
    const v = (c: string) => sheet.getCell(`${c}${r}`).value;
    expect(v('A')).toBe(rows.length + 1);
    rows.push({ stem: String(v('B')), answers: ['C', 'D', 'E', 'F'].map((c) => v(c)).filter((x) => x !== null).map(String), time: v('G'), keys: String(v('H')) });
  }
  expect(bank.questions.length - rows.length).toBe(skippedCount(reports, 'kahoot'));
  const fits = bank.questions.filter((q) => q.stem.length <= KAHOOT_QUESTION_MAX && q.options.length <= 4 && q.options.every((o) => o.text.length <= KAHOOT_ANSWER_MAX) && keysOf(q).length > 0);
  expect(rows.map((r) => r.stem)).toEqual(fits.map((q) => q.stem));
  rows.forEach((row, i) => {
    const q = fits[i];
    expect(row.answers).toEqual(q.options.map((o) => o.text));
    expect(row.keys).toBe(keysOf(q).map((k) => k + 1).join(','));
    expect(row.time).toBe(20);
  });
  return rows.length;
}

describe('teacher exports read back with independent parsers', () => {
  it('registers the exports as optional formats, the quiz page as a default one', () => {
    const registry = createDefaultRegistry();
    expect(registry.select(undefined).map((r) => r.name)).toEqual(['json', 'pdf', 'anki', 'mcq', 'quiz']);
    for (const name of ['gift', 'moodle', 'qti', 'kahoot', 'tsv', 'summary']) expect(registry.get(name).optional).toBe(true);
  });

  it('GIFT parses with gift-pegjs into the same questions and keys, on the samples, every corpus file and hostile input', async () => {
    const counts: Record<string, number> = {};
    for (const bank of await banks()) counts[bank.file] = checkGift(bank);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    expect(counts['authored.md']).toBe(5);
  });

  it('Moodle XML is well-formed and reads back to the same questions, keys and fractions', async () => {
    const counts: Record<string, number> = {};
    for (const bank of await banks()) counts[bank.file] = checkMoodle(bank);
    expect(counts['authored.md']).toBe(5);
  });

  it('the QTI package reads back with JSZip and an XML parser to the same questions and keys', async () => {
    const counts: Record<string, number> = {};
    for (const bank of await banks()) counts[bank.file] = await checkQti(bank);
    expect(counts['authored.md']).toBe(5);
  });

  it('the Kahoot sheet reads back with exceljs in the template cells; what does not fit is skipped and counted', async () => {
    for (const bank of await banks()) await checkKahoot(bank);
    const reports: Report[] = [];
    const long = hostileDocument();
    await writeKahootSheet(exportBank(long, contextFor(long.file)), contextFor(long.file, reports));
    expect(reports.some((r) => r.ruleId === 'kahoot-skipped' && /longer than 75 characters/.test(r.message))).toBe(true);
  });

  it('GIFT escapes every special character and writes multiple-answer and true/false questions in its own syntax', () => {
    const text = writeGift(authoredBank(), contextFor('authored.md'))!;
    expect(text).toContain('$CATEGORY: $course$/top/Authored/Choices');
    expect(text).toContain('::q-0000000000000002::[plain]Which hold specials? braces \\{x\\} tilde \\~ equals \\= hash \\# colon \\: backslash \\\\ end{');
    expect(text).toContain('~%33.33333%\\{a\\}');
    expect(text).toContain('~%-100%#'.replace('#', '\\#'));
    expect(text).toMatch(/::q-0000000000000003::\[plain\][^\n]*\{TRUE\n####/);
    expect(text).toMatch(/::q-0000000000000004::\[plain\][^\n]*\{FALSE\n####/);
    expect(text).not.toContain('q-0000000000000006');
  });
});

describe('tsv and summary', () => {
  const render = async (name: string, doc: StudyDocument, reports: Report[] = []) => createDefaultRegistry().get(name).render(doc, contextFor(doc.file, reports));

  it('TSV has exactly two fields on every line; a card with a tab or line break is skipped and counted', async () => {
    for (const doc of [...(await corpusDocuments()), hostileDocument()]) {
      const reports: Report[] = [];
      const text = (await render('tsv', doc, reports)) as string | null;
      if (text === null) continue;
      expect(text.endsWith('\n')).toBe(true);
      for (const line of text.slice(0, -1).split('\n')) {
        expect(line.split('\t')).toHaveLength(2);
        expect(line).not.toMatch(/\r/);
      }
    }
    const reports: Report[] = [];
    const text = (await render('tsv', hostileDocument(), reports)) as string;
    expect(text).toContain(`${HOSTILE.script}\ta tag shown as text ${HOSTILE.specials}\n`);
    expect(text).toContain('The capital is [<b>city</b>] and not Berlin\tParis\n');
    expect(reports.find((r) => r.ruleId === 'tsv-skipped')?.message).toMatch(/^tsv: \d+ of \d+ cards skipped \(\d+ with a tab or line break inside a side\)$/);
  });

  it('the Markdown summary shows every text literally: no HTML but line breaks, the sheet order kept', async () => {
    const doc = hostileDocument();
    const md = (await render('summary', doc)) as string;
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const html: string[] = [];
    const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'html') html.push(node.value!);
      for (const c of (node.children ?? []) as (typeof node)[]) walk(c);
    };
    walk(tree as never);
    expect(new Set(html)).toEqual(new Set(['<br>']));
    const text = toString(tree);
    for (const s of [HOSTILE.script, HOSTILE.specials, HOSTILE.cdata, HOSTILE.rtl, `What does ${HOSTILE.img} show?`]) expect(text).toContain(s);
    expect(text.indexOf('Colon: term')).toBeLessThan(text.indexOf('Very long'));
  });
});

describe('deterministic exports', () => {
  it('every export is byte-identical across two renders of freshly read notes', async () => {
    const registry = createDefaultRegistry();
    const once = async () => {
      const docs = await corpusDocuments();
      const out: (string | Uint8Array | null)[] = [];
      for (const doc of docs) for (const name of ['gift', 'moodle', 'qti', 'kahoot', 'tsv', 'summary', 'quiz']) out.push(await registry.get(name).render(doc, contextFor(doc.file)));
      return out;
    };
    const [a, b] = [await once(), await once()];
    expect(a.filter((x) => x !== null).length).toBeGreaterThan(20);
    a.forEach((x, i) => expect(x === null ? null : Buffer.from(x)).toEqual(b[i] === null ? null : Buffer.from(b[i]!)));
  });
});
