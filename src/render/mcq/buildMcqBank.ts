import { countItems, type StudyDocument } from '../../model/StudyDocument.js';
import { arrangeQuestions } from './arrangeQuestions.js';
import { bankLanguage } from './joinCourseBank.js';
import { generateClozeQuestions } from './generateClozeQuestions.js';
import { generateDefinitionQuestions } from './generateDefinitionQuestions.js';
import { generateOutlineQuestions } from './generateOutlineQuestions.js';
import { generateQaQuestions } from './generateQaQuestions.js';
import { generateSequenceQuestions } from './generateSequenceQuestions.js';
import { generateTableQuestions } from './generateTableQuestions.js';
import { generateTrueFalseQuestions } from './generateTrueFalseQuestions.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { MCQ_FORMAT_VERSION, MCQ_SCHEMA_ID, type McqBank } from './McqBank.js';
import { McqWording } from './McqWording.js';
import type { QuestionDraft } from './QuestionDraft.js';

export interface McqBuildOptions {
  templatesDir?: string | null;
  /** Bank title; defaults to the single document's title (or file name). */
  title?: string;
}

export interface McqBuildResult {
  bank: McqBank;
  /** The questions before arrangement, with the fact each one covers (for coverage figures). */
  drafts: QuestionDraft[];
  /** Why a document gave no question, one entry per such document. */
  warnings: { file: string; message: string }[];
}

/** Generators in the order their questions appear in the bank: the order kinds appear in the model. */
const GENERATORS = [
  generateDefinitionQuestions,
  generateTableQuestions,
  generateOutlineQuestions,
  generateSequenceQuestions,
  generateQaQuestions,
  generateClozeQuestions,
  generateTrueFalseQuestions,
];

/** One bank from one document or a whole course; key positions are balanced over the whole bank. */
export function buildMcqBank(documents: readonly StudyDocument[], options: McqBuildOptions = {}): McqBuildResult {
  const drafts: QuestionDraft[] = [];
  const warnings: McqBuildResult['warnings'] = [];
  const seen = new Map<string, number>();
  for (const document of documents) {
    const ctx: GeneratorContext = { document, wording: McqWording.forLanguage(document.language, options.templatesDir ?? null) };
    const own = GENERATORS.flatMap((generate) => generate(ctx));
    for (const d of own) {
      // Two facts with the same key in the same section would share an id: number the repeats.
      const n = (seen.get(d.id) ?? 0) + 1;
      seen.set(d.id, n);
      if (n > 1) d.id = `${d.id}-${n}`;
      drafts.push(d);
    }
    if (own.length === 0) warnings.push({ file: document.file, message: explainEmpty(document) });
  }
  const single = documents.length === 1 ? documents[0] : null;
  const bank: McqBank = {
    $schema: MCQ_SCHEMA_ID,
    format: 'revise-mcq',
    version: MCQ_FORMAT_VERSION,
    title: options.title ?? (single ? single.title || single.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '') : 'course'),
    language: bankLanguage(documents.map((d) => d.language)),
    files: documents.map((d) => d.file),
    questions: arrangeQuestions(drafts),
  };
  return { bank, drafts, warnings };
}

function explainEmpty(document: StudyDocument): string {
  // Prose kept as paragraphs is on the sheet, but no question is made of it.
  const items = countItems(document) - document.paragraphs.length;
  if (items === 0) return 'no multiple-choice question: the notes hold no definition, table, list, question or key point';
  return `no multiple-choice question: none of the ${items} item${items === 1 ? '' : 's'} has at least two distinct siblings to serve as wrong options`;
}
