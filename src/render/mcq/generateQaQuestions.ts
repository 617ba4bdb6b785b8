import type { QuestionAnswer } from '../../model/StudyDocument.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { makeQuestionId } from './makeQuestionId.js';
import { makeTrueFalseDraft } from './makeTrueFalseDraft.js';
import { pickFalseSibling } from './pickFalseSibling.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { sameSection } from './sameSection.js';
import { selectDistractors } from './selectDistractors.js';

/**
 * Each question with its own answer among the answers to other questions, same section first; a
 * true/false item when the other answers are too unlike the key to sit beside it.
 */
export function generateQaQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording } = ctx;
  const { answerSeparator, listSeparator } = wording.words;
  const join = (q: QuestionAnswer) =>
    q.answers
      .map((a) => a.trim())
      .filter(Boolean)
      .reduce((all, line) => (all ? `${all}${/[.!?。！？；;]$/u.test(all) ? answerSeparator : listSeparator}${line}` : line), '');
  const pairs = document.qa.filter((q) => q.question.trim() && join(q));
  const drafts: QuestionDraft[] = [];
  for (const q of pairs) {
    const key = join(q);
    const stem = wording.render('qa-answer', { question: q.question.trim() });
    const tiers = [
      pairs.filter((o) => o !== q && sameSection(o.section, q.section)).map(join),
      pairs.filter((o) => o !== q && !sameSection(o.section, q.section)).map(join),
    ];
    const choice = selectDistractors({ key, stem, tiers });
    const source = { file: document.file, line: q.source.line, quote: `${q.question.trim()} ${key}`, item: q.id };
    if (!choice) {
      // Answers too unlike for four options: true/false with another question's answer swapped in.
      const other = pickFalseSibling(key, tiers);
      if (!other) continue;
      const statement = (answer: string) => wording.render('qa-statement', { question: q.question.trim(), answer });
      drafts.push(
        makeTrueFalseDraft(wording, {
          template: 'qa-statement',
          itemId: q.id,
          statement: statement(key),
          falsified: statement(other),
          explanation: key,
          theme: q.section,
          source,
          origin: q.id,
        }),
      );
      continue;
    }
    drafts.push({
      id: makeQuestionId('qa-answer', q.id),
      type: 'single-choice',
      template: 'qa-answer',
      stem,
      key,
      distractors: choice.distractors,
      ascending: false,
      explanation: key,
      theme: q.section,
      difficulty: rateDifficulty(choice.tiers),
      language: wording.language,
      source,
      origin: q.id,
    });
  }
  return drafts;
}
