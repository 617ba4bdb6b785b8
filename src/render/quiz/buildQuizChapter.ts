import type { StudyDocument } from '../../model/StudyDocument.js';
import type { McqQuestion } from '../mcq/McqBank.js';
import { bankOf } from '../mcq/mcqRenderer.js';
import { collectQuizCards } from './collectQuizCards.js';
import type { CardSegment, QuizChapter, QuizQuestion } from './QuizChapter.js';
import { fieldSegments, imageAddresses, type SegmentContext } from './fieldSegments.js';
import type { MediaTable } from '../../model/MediaFile.js';
import type { Typesetter } from '../math/typesetTex.js';
import { escapeField } from '../anki/escapeField.js';

/** A bank text (formulas marked `\(…\)`) as segments, or undefined when it holds no formula. */
function richText(text: string, context: SegmentContext | undefined): CardSegment[] | undefined {
  if (!context?.typesetter || !/\\[([]/.test(text)) return undefined;
  const segments = fieldSegments(escapeField(text), context);
  return segments.some((s) => typeof s !== 'string') ? segments : undefined;
}

export function toQuizQuestion(q: McqQuestion, context?: SegmentContext): QuizQuestion {
  const question: QuizQuestion = {
    id: q.id,
    type: q.type,
    stem: q.stem,
    options: q.options.map((o) => {
      const rich = richText(o.text, context);
      return rich ? { text: o.text, correct: o.correct, rich } : { text: o.text, correct: o.correct };
    }),
    explanation: q.explanation,
    theme: q.theme,
    line: q.source.line,
  };
  const stem = richText(q.stem, context);
  const explanation = richText(q.explanation, context);
  if (stem || explanation) question.rich = { ...(stem ? { stem } : {}), ...(explanation ? { explanation } : {}) };
  return question;
}

/** What the page needs for formulas and images: MathJax (loaded by the caller when the notes have formulas) and the notes' images. */
export interface QuizMedia {
  typesetter: Typesetter | null;
  media?: MediaTable;
}

/** One file's cards and questions: the deck's notes and the bank, whatever generated them. */
export function buildQuizChapter(document: StudyDocument, templatesDir: string | null, rich?: QuizMedia): QuizChapter {
  const { bank } = bankOf(document, templatesDir);
  const context = rich ? { typesetter: rich.typesetter, images: imageAddresses(rich.media), media: rich.media } : undefined;
  return {
    file: document.file,
    title: document.title || document.file.replace(/^.*\//, '').replace(/\.[^.]+$/, ''),
    language: document.language,
    cards: collectQuizCards(document, context),
    questions: bank.questions.map((q) => toQuizQuestion(q, context)),
  };
}
