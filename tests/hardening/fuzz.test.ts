import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotesError } from '../../src/model/NotesError.js';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { readNotes } from '../../src/parse/readNotes.js';
import { ankiRenderer } from '../../src/render/anki/ankiRenderer.js';
import { jsonRenderer } from '../../src/render/json/jsonRenderer.js';
import { mcqRenderer } from '../../src/render/mcq/mcqRenderer.js';
import { pdfRenderer } from '../../src/render/pdf/pdfRenderer.js';
import type { CoursePart } from '../../src/render/Renderer.js';
import { readApkg } from '../anki/readApkg.js';
import { courseContext, renderContext } from '../anki/renderHelpers.js';
import { schemaErrors } from '../mcq/schemaErrors.js';

/**
 * Hostile input is normal input: documents made of Markdown and pasted-text pieces, random Unicode,
 * control characters and invalid bytes, in every encoding revise reads, go through the whole
 * read → parse → render path. Each must give either a NotesError (empty, binary, bad encoding) or
 * outputs that pass their schemas and readers, within a time limit per document that is far above
 * what small documents take, so that an exponential or quadratic path shows up as a failure.
 */
const PER_DOCUMENT_MS = 5_000;
/** A fixed seed keeps CI reproducible; REVISE_FUZZ_SEED and REVISE_FUZZ_RUNS explore further. */
const SEED = Number(process.env.REVISE_FUZZ_SEED ?? 17);
const RUNS = Number(process.env.REVISE_FUZZ_RUNS ?? 1);

const root = join(import.meta.dirname, '..', '..');
const validateModel = new Ajv2020.default({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, 'schema', 'study-document.schema.json'), 'utf8')));

const PIECES = [
  '# Heading', '## Sub heading', 'Heading\n===', 'Sub\n---', '---\ntitle: T\nlang: fr\n---', '---\nlang: ../../x\ntags: [a, b]\n---',
  '**Term**: definition', '**Terme :** déf', 'Term - definition', '- **Key** — value', 'Term\n: a definition', 'Term\n: <b>',
  '| a | b |\n|---|---|\n| 1 | 2 |', '| x |', 'A → B → C', 'Label: A -> B => C', 'Q: question?', 'A: answer.', 'Question::Answer',
  'Front:::Back', 'Why?\n?\nBecause.', '==highlight==', '{{c1::answer::hint}}', '{{c2::x}}', '- item\n  - sub item\n    - deeper',
  '1. one\n2. two', '- [x] right\n- [ ] wrong', '> quote', '> [!note] Callout', '!!! example "Ex"\n    body', '??? success "Correction"\n    answer',
  '```\ncode::not a card\n```', '`inline::code`', '<!-- q::a -->', '<details><summary>S</summary>body</details>', '$E = mc^2$', 'F = m * a',
  'm = masse', '2H2 + O2 → 2H2O', '一、概述', '（一）定义', '客户:是指单位或个人', '数据挖掘即提取知识', '1.什么是客户?', '├─ child\n│ └─ leaf\n└─ last',
  'QQ:123456789', '第1页 共3页', 'Page 2 / 3', 'Envie de plus de flashcards ?', '[c](https://e.com/a(b)c)', '<script>alert(1)</script>',
  '\u001b[31mred\u001b[0m', 'sep\u001fsep', 'nul?\u0007bell', 'tab\there', 'rtl \u202e txt', 'zero\u200bwidth', '', '   ',
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('\n')) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 40 })), { maxLength: 30 }).map((p) => p.join('\n')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[\u0000-\u001f\u007f-\u009f #*:：?？|>\-=`[\]()a-z\n]{0,300}$/) },
);

type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'bytes';
function encode(value: string, encoding: Encoding, raw: Uint8Array): Uint8Array {
  const le = Buffer.from(value, 'utf16le');
  switch (encoding) {
    case 'utf8':
      return Buffer.from(value, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(value, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
    case 'utf16le-nobom':
      return le;
    case 'bytes':
      return Buffer.concat([Buffer.from(value, 'utf8'), raw]);
  }
}
const document = fc.record({
  text,
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8bom', 'utf16le', 'utf16be', 'utf16le-nobom', 'bytes'),
  raw: fc.uint8Array({ maxLength: 64 }),
});

/** read → parse; null when the bytes are refused with a NotesError, as they may be. */
async function read(bytes: Uint8Array, file: string): Promise<StudyDocument | null> {
  try {
    return (await readNotes(bytes, { file })).document;
  } catch (error) {
    if (error instanceof NotesError) return null;
    throw error;
  }
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function timed<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  expect(performance.now() - started, 'time for one document (ms)').toBeLessThan(PER_DOCUMENT_MS);
  return result;
}

describe('fuzzing the whole path, read → parse → render', () => {
  it('json, mcq and anki outputs of any input pass their schemas and readers, each within the time limit', async () => {
    await fc.assert(
      fc.asyncProperty(document, async ({ text: value, encoding, raw }) => {
        await timed(async () => {
          const doc = await read(encode(value, encoding, raw), 'fuzz.md');
          if (!doc) return;
          const model = JSON.parse(String(await jsonRenderer.render(doc, renderContext(doc))));
          expect(validateModel(model) ? [] : validateModel.errors).toEqual([]);
          expect(JSON.stringify(doc)).not.toMatch(/\\u00(?:0[0-8bcef]|1[0-9a-f]|7f|8[0-9a-f]|9[0-9a-f])/);
          const bank = await mcqRenderer.render(doc, renderContext(doc));
          if (bank !== null) expect(schemaErrors(JSON.parse(String(bank)))).toEqual([]);
          const deck = await ankiRenderer.render(doc, renderContext(doc));
          if (deck !== null) {
            const apkg = await readApkg(deck as Uint8Array);
            expect(apkg.integrity).toBe('ok');
            for (const note of apkg.notes) {
              expect(note.fields.length).toBe(apkg.models[String(note.mid)].flds.length);
              expect(note.fields.join('')).not.toMatch(CONTROL);
            }
          }
        });
      }),
      { numRuns: 60 * RUNS, seed: SEED },
    );
  });

  it('course outputs joined from fuzzed parts are valid too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(document, { minLength: 2, maxLength: 3 }), async (inputs) => {
        await timed(async () => {
          const docs = (await Promise.all(inputs.map((d, i) => read(encode(d.text, d.encoding, d.raw), `f${i}.md`)))).filter((d): d is StudyDocument => d !== null);
          for (const renderer of [ankiRenderer, mcqRenderer]) {
            const parts: CoursePart[] = [];
            for (const doc of docs) {
              const part = await renderer.coursePart!(doc, renderContext(doc));
              parts.push({ file: doc.file, title: doc.title, language: doc.language, changed: true, read: async () => part, readBytes: async () => Buffer.from(part) });
            }
            const { output } = await renderer.joinCourse!(parts, { ...courseContext(), previous: null });
            if (output === null) continue;
            if (renderer === mcqRenderer) expect(schemaErrors(JSON.parse(Buffer.from(output as Uint8Array).toString('utf8')))).toEqual([]);
            else {
              const apkg = await readApkg(output as Uint8Array);
              expect(apkg.integrity).toBe('ok');
              for (const note of apkg.notes) expect(note.fields.length).toBe(apkg.models[String(note.mid)].flds.length);
            }
          }
        });
      }),
      { numRuns: 15 * RUNS, seed: SEED },
    );
  });

  it('the PDF sheet of any input is a whole PDF', async () => {
    await fc.assert(
      fc.asyncProperty(document, async ({ text: value, encoding, raw }) => {
        await timed(async () => {
          const doc = await read(encode(value, encoding, raw), 'fuzz.md');
          if (!doc) return;
          const pdf = Buffer.from((await pdfRenderer.render(doc, renderContext(doc))) as Uint8Array);
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
        });
      }),
      { numRuns: 15 * RUNS, seed: SEED },
    );
  });
});
