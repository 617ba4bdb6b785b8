import type { StudyDocument } from '../../model/StudyDocument.js';
import type { McqQuestion } from '../mcq/McqBank.js';
import { bankOf } from '../mcq/mcqRenderer.js';
import { collectQuizCards } from './collectQuizCards.js';
import type { QuizChapter, QuizQuestion } from './QuizChapter.js';

export function toQuizQuestion(q: McqQuestion): QuizQuestion {
  return { id: q.id, type: q.type, stem: q.stem, options: q.options.map((o) => ({ text: o.text, correct: o.correct })), explanation: q.explanation, theme: q.theme, line: q.source.line };
}

/** One file's cards and questions: the deck's notes and the bank, whatever generated them. */
export function buildQuizChapter(document: StudyDocument, templatesDir: string | null): QuizChapter {
  const { bank } = bankOf(document, templatesDir);
  return {
    file: document.file,
    title: document.title || document.file.replace(/^.*\//, '').replace(/\.[^.]+$/, ''),
    language: document.language,
    cards: collectQuizCards(document),
    questions: bank.questions.map(toQuizQuestion),
  };
}
