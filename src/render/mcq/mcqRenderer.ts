import type { StudyDocument } from '../../model/StudyDocument.js';
import type { Renderer } from '../Renderer.js';
import { buildMcqBank, type McqBuildResult } from './buildMcqBank.js';
import { bankPartText, joinCourseBank } from './joinCourseBank.js';
import type { McqBank } from './McqBank.js';
import { markMath } from '../math/splitDollarMath.js';

/** Stable key order and a final newline, so two builds of the same notes are byte-identical. */
function serialise(bank: McqBank): string {
  return `${JSON.stringify(bank, null, 2)}\n`;
}

/** `render` and `coursePart` run one after the other on the same document: generate its bank once. */
const banks = new WeakMap<StudyDocument, { templatesDir: string | null; result: McqBuildResult }>();

/** Shared with the quiz page and the teacher exports, which take their questions from this bank. */
export function bankOf(document: StudyDocument, templatesDir: string | null): McqBuildResult {
  const known = banks.get(document);
  if (known && known.templatesDir === templatesDir) return known.result;
  const result = buildMcqBank([document], { templatesDir });
  // Formulas leave the bank marked as TeX (`\(…\)`), whatever delimiters the notes used.
  for (const q of result.bank.questions) {
    q.stem = markMath(q.stem);
    q.explanation = markMath(q.explanation);
    q.source.quote = markMath(q.source.quote);
    for (const o of q.options) o.text = markMath(o.text);
  }
  banks.set(document, { templatesDir, result });
  return result;
}

/** Multiple-choice and true/false question bank, generated offline from the study model. */
export const mcqRenderer: Renderer = {
  name: 'mcq',
  extension: '.mcq.json',
  binary: false,
  description: 'multiple-choice and true/false question bank (JSON, schema/mcq.schema.json)',
  render(document, context) {
    const { bank, warnings, logs } = bankOf(document, context.templatesDir);
    for (const w of warnings) context.report({ message: w.message, ruleId: 'mcq-empty' });
    for (const m of logs[0].messages()) context.report(m);
    return serialise(bank);
  },
  coursePart(document, context) {
    return bankPartText(bankOf(document, context.templatesDir).bank);
  },
  async joinCourse(parts, context) {
    const texts = await Promise.all(parts.map((p) => p.readBytes()));
    return { output: joinCourseBank(context.courseName, parts.map((p, i) => ({ file: p.file, language: p.language, questions: texts[i] }))) };
  },
  renderCourse(documents, context) {
    const parts = documents.map((document) => {
      const { bank, warnings } = bankOf(document, context.templatesDir);
      for (const w of warnings) context.report({ file: w.file, message: w.message, ruleId: 'mcq-empty' });
      return { file: document.file, language: document.language, questions: Buffer.from(bankPartText(bank), 'utf8') };
    });
    return Buffer.from(joinCourseBank(context.courseName, parts)).toString('utf8');
  },
};
