import { forEachInline, type StudyDocument } from '../../model/StudyDocument.js';
import type { MediaTable } from '../../model/MediaFile.js';
import { mostCommonLanguage } from '../mcq/joinCourseBank.js';
import type { Renderer } from '../Renderer.js';
import { buildQuizChapter } from './buildQuizChapter.js';
import type { QuizChapter } from './QuizChapter.js';
import { renderQuizFrame, renderQuizPage, scriptSafeJson } from './renderQuizPage.js';

/** `render` and `coursePart` run one after the other on the same document: collect its chapter once. */
const chapters = new WeakMap<StudyDocument, { templatesDir: string | null; chapter: QuizChapter }>();

export async function quizChapterOf(document: StudyDocument, templatesDir: string | null, media?: MediaTable): Promise<QuizChapter> {
  const known = chapters.get(document);
  if (known && known.templatesDir === templatesDir) return known.chapter;
  // Formulas are typeset here, once, so the page carries SVG and no maths library.
  let math = false;
  let any = false;
  // Formula items are on the sheet, not on cards or in questions: they alone do not need MathJax here.
  forEachInline({ ...document, formulas: [] }, (inline) => {
    any = true;
    if (inline.type === 'math') math = true;
  });
  const typesetter = math ? await (await import('../math/typesetTex.js')).loadTypesetter() : null;
  const chapter = buildQuizChapter(document, templatesDir, any ? { typesetter, media } : undefined);
  chapters.set(document, { templatesDir, chapter });
  return chapter;
}

/** One self-contained practice page per notes file, and one for a course (its chapters spliced, not re-rendered). */
export const quizRenderer: Renderer = {
  name: 'quiz',
  extension: '.quiz.html',
  binary: false,
  description: 'offline practice page: flashcards scheduled with FSRS, the question bank, progress per theme',
  async render(document, context) {
    const chapter = await quizChapterOf(document, context.templatesDir, context.media);
    context.count?.('cards', chapter.cards.length);
    context.count?.('questions', chapter.questions.length);
    if (chapter.cards.length === 0 && chapter.questions.length === 0) {
      context.report({ message: 'nothing to practise: the notes give no flashcard and no question; no quiz page written', ruleId: 'quiz-empty' });
      return null;
    }
    return renderQuizPage({ kind: 'file', scope: document.file, title: chapter.title, language: document.language }, [scriptSafeJson(chapter)], context.templatesDir);
  },
  async coursePart(document, context) {
    const chapter = await quizChapterOf(document, context.templatesDir, context.media);
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
