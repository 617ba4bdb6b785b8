import { MCQ_FORMAT_VERSION, MCQ_SCHEMA_ID, type McqBank } from './McqBank.js';

/** One file's questions for a course bank: its own bank's questions, one JSON object per line. */
export interface BankPart {
  file: string;
  language: string;
  /** UTF-8 of `bankPartText`: empty when the file gave no question. */
  questions: Uint8Array;
}

/** The bank's questions, one per line, ready to be spliced into a course bank's `questions` array. */
export function bankPartText(bank: McqBank): string {
  return bank.questions.map((q) => JSON.stringify(q)).join(',\n');
}

/** Every question line starts with its id: `id` is the first key McqQuestion is built with. */
const LINE_START = Buffer.from('{"id":"');
const QUESTION_ID = /^(q-[0-9a-f]{16})(?:-(\d+))?$/;

/**
 * A course bank made of each file's own questions, unchanged, so a course bank and the file banks
 * never disagree and one changed file re-renders one part only. Key positions are balanced per file,
 * hence over the course to within one question per file and slot. The same fact in two files gives
 * the same id; later files' copies are numbered on (`-2`, `-3`) as repeats within one file are.
 * Written one question per line: valid JSON, line-diffable, about 40 % smaller than indented JSON.
 * Parts are spliced as bytes (a 500-file course bank is about 80 MB): only ids are ever decoded.
 */
export function joinCourseBank(title: string, parts: readonly BankPart[]): Uint8Array {
  const head: McqBank = {
    $schema: MCQ_SCHEMA_ID,
    format: 'revise-mcq',
    version: MCQ_FORMAT_VERSION,
    title,
    language: bankLanguage(parts.map((p) => p.language)),
    files: parts.map((p) => p.file),
    questions: [],
  };
  const seen = new Map<string, number>();
  const chunks: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -'[]}'.length)}[\n`)];
  const between = Buffer.from(',\n');
  let first = true;
  for (const part of parts) {
    const text = Buffer.from(part.questions.buffer, part.questions.byteOffset, part.questions.byteLength);
    if (text.length === 0) continue;
    if (!first) chunks.push(between);
    first = false;
    let copied = 0;
    for (let at = 0; at < text.length; ) {
      if (text.compare(LINE_START, 0, LINE_START.length, at, at + LINE_START.length) !== 0) {
        throw new Error(`course part of ${part.file} is not one question per line (byte ${at})`);
      }
      const idStart = at + LINE_START.length;
      const idEnd = text.indexOf(0x22, idStart);
      const own = text.toString('latin1', idStart, idEnd);
      const match = QUESTION_ID.exec(own);
      if (!match) throw new Error(`course part of ${part.file} has a question id revise did not write: ${own}`);
      const n = (seen.get(match[1]) ?? 0) + 1;
      seen.set(match[1], n);
      const id = n > 1 ? `${match[1]}-${n}` : match[1];
      if (id !== own) {
        chunks.push(text.subarray(copied, idStart), Buffer.from(id, 'latin1'));
        copied = idEnd;
      }
      const lineEnd = text.indexOf(0x0a, idEnd);
      at = lineEnd === -1 ? text.length : lineEnd + 1;
    }
    chunks.push(text.subarray(copied));
  }
  chunks.push(Buffer.from('\n]}\n'));
  return Buffer.concat(chunks);
}

/**
 * The language of a bank made from several files: theirs when they share one, `mul` (ISO 639's code
 * for several languages) when they do not, `und` for none. Each question keeps its own language, so
 * a course of French, English and Chinese notes is never labelled as one of the three.
 */
export function bankLanguage(languages: readonly string[]): string {
  const known = new Set(languages.filter((l) => l !== 'und'));
  if (known.size === 0) return 'und';
  return known.size === 1 ? [...known][0] : 'mul';
}

/** The language most files are in (ties go to the code that sorts first, "und" for none): wording for a page that needs one. */
export function mostCommonLanguage(languages: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const lang of languages) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  let best = 'und';
  let bestCount = 0;
  for (const [lang, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return best;
}
