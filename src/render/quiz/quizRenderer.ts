import type { StudyDocument } from '../../model/StudyDocument.js';
import { mostCommonLanguage } from '../mcq/joinCourseBank.js';
import type { Renderer } from '../Renderer.js';
import { buildQuizChapter } from './buildQuizChapter.js';
import type { QuizChapter } from './QuizChapter.js';
import { renderQuizFrame, renderQuizPage, scriptSafeJson } from './renderQuizPage.js';

/** `render` and `coursePart` run one after the other on the same document: collect its chapter once. */
const chapters = new WeakMap<StudyDocument, { templatesDir: string | null; chapter: QuizChapter }>();

export function quizChapterOf(document: StudyDocument, templatesDir: string | null): QuizChapter {
  const known = chapters.get(document);
  if (known && known.templatesDir === templatesDir) return known.chapter;
  const chapter = buildQuizChapter(document, templatesDir);
  chapters.set(document, { templatesDir, chapter });
  return chapter;
}

/** One self-contained practice page per notes file, and one for a course (its chapters spliced, not re-rendered). */
export const quizRenderer: Renderer = {
  name: 'quiz',
  extension: '.quiz.html',
  binary: false,
  description: 'offline practice page: flashcards scheduled with FSRS, the question bank, progress per theme',
  render(document, context) {
    const chapter = quizChapterOf(document, context.templatesDir);
    context.count?.('cards', chapter.cards.length);
    context.count?.('questions', chapter.questions.length);
    if (chapter.cards.length === 0 && chapter.questions.length === 0) {
      context.report({ message: 'nothing to practise: the notes give no flashcard and no question; no quiz page written', ruleId: 'quiz-empty' });
      return null;
    }
    return renderQuizPage({ kind: 'file', scope: document.file, title: chapter.title, language: document.language }, [scriptSafeJson(chapter)], context.templatesDir);
  },
  coursePart(document, context) {
    const chapter = quizChapterOf(document, context.templatesDir);
    return chapter.cards.length === 0 && chapter.questions.length === 0 ? '' : scriptSafeJson(chapter);
  },
  async joinCourse(parts, context) {
    // Parts are spliced as bytes: a 500-file course page is tens of megabytes.
    const texts = (await Promise.all(parts.map((p) => p.readBytes()))).filter((t) => t.length > 0);
    if (texts.length === 0) return { output: null };
    const language = mostCommonLanguage(parts.map((p) => p.language));
    const { head, tail } = renderQuizFrame({ kind: 'course', scope: context.courseName, title: context.courseName, language }, context.templatesDir);
    const comma = Buffer.from(',');
    const chunks: Uint8Array[] = [Buffer.from(head, 'utf8')];
    texts.forEach((t, i) => chunks.push(...(i > 0 ? [comma, t] : [t])));
    chunks.push(Buffer.from(tail, 'utf8'));
    return { output: Buffer.concat(chunks) };
  },
};
