import { capText } from './capText.js';
import { foldText } from '../quality/foldText.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { QuestionDraft } from './QuestionDraft.js';

/** More options than this is not a question anyone wrote on purpose (the bank format allows 26). */
export const MAX_AUTHORED_OPTIONS = 26;

/**
 * The multiple-choice questions the notes' author wrote, as written: stem, options in their order,
 * the keys they marked, their explanation. They come first in the bank, marked `authored`. Only
 * questions that cannot be answered at all are turned away (no option marked correct, fewer than
 * two distinct options, a repeated option).
 */
export function generateChoiceQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, log } = ctx;
  const drafts: QuestionDraft[] = [];
  for (const c of document.choices ?? []) {
    const stem = c.stem.trim();
    const options = c.options.map((o) => ({ text: o.text.trim(), correct: o.correct })).filter((o) => o.text);
    const keys = options.filter((o) => o.correct);
    const distinct = new Set(options.map((o) => foldText(o.text))).size;
    if (!stem || keys.length === 0 || distinct < 2 || distinct !== options.length || options.length > MAX_AUTHORED_OPTIONS) {
      log.reject('authored-invalid', c.source.line, stem || '(no stem)', c.id);
      continue;
    }
    const multiple = keys.length > 1;
    const keyText = keys.map((k) => k.text).join(' · ');
    drafts.push({
      id: makeQuestionId('authored-choice', c.id),
      type: multiple ? 'multiple-choice' : 'single-choice',
      template: 'authored-choice',
      stem,
      key: keys[0].text,
      distractors: options.filter((o) => !o.correct).map((o) => o.text),
      ascending: false,
      explanation: capText(c.explanation?.trim() || keyText, 600),
      theme: c.section,
      difficulty: 'medium',
      language: document.language,
      source: { file: document.file, line: c.source.line, quote: capText(stem), item: c.id },
      origin: c.id,
      authored: { options },
    });
  }
  return drafts;
}
