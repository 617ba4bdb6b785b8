import type { QuestionAnswer } from '../../model/StudyDocument.js';
import { capText } from './capText.js';
import { foldText } from '../quality/foldText.js';
import { whyNoChoice, type GeneratorContext } from './GeneratorContext.js';
import { isPolarAnswer } from '../quality/isPolarAnswer.js';
import { isSymbolAnswer } from '../quality/isSymbolAnswer.js';
import { makeQuestionId } from './makeQuestionId.js';
import { makeTrueFalseDraft } from './makeTrueFalseDraft.js';
import { measureLength } from '../quality/measureLength.js';
import { pickFalseSibling } from './pickFalseSibling.js';
import type { QuestionDraft } from './QuestionDraft.js';
import type { QuestionRules } from '../quality/QuestionRules.js';
import { rateDifficulty } from './rateDifficulty.js';
import { SectionPools } from './sectionPools.js';
import { selectDistractors } from './selectDistractors.js';

/** Several answer lines make one option only when they are a few short names ("Mitochondria; chloroplasts"). */
const MAX_JOINED_LINES = 3;
const MAX_JOINED_LINE_LENGTH = 4;

/** Whether a question asks for an essay rather than a fact ("Explain…", "简述…"), per the language's rules. */
export function isEssayPrompt(question: string, rules: Pick<QuestionRules, 'essayPrompts'>): boolean {
  const q = foldText(question.replace(/^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.、．)]\s*/u, ''));
  return rules.essayPrompts.some((p) => {
    const f = foldText(p);
    return f !== '' && (q === f || q.startsWith(`${f} `) || (/\p{Script=Han}/u.test(f) && q.startsWith(f)));
  });
}

/**
 * Each question with its own answer among the answers to other questions, same section first; a
 * true/false item when the other answers are too unlike the key to sit beside it. Essay prompts and
 * answers that are lists of several lines stay cards: one option cannot hold them fairly.
 */
export function generateQaQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording, log } = ctx;
  const { answerSeparator, listSeparator } = wording.words;
  const lines = (q: QuestionAnswer) => q.answers.map((a) => a.trim()).filter(Boolean);
  const join = (q: QuestionAnswer) =>
    lines(q).reduce((all, line) => (all ? `${all}${/[.!?。！？；;]$/u.test(all) ? answerSeparator : listSeparator}${line}` : line), '');
  const pairs = document.qa.filter((q) => q.question.trim() && lines(q).length > 0);
  const isList = (q: QuestionAnswer) => {
    const l = lines(q);
    return l.length > MAX_JOINED_LINES || (l.length > 1 && l.some((x) => measureLength(x) > MAX_JOINED_LINE_LENGTH));
  };
  // Yes/no answers only stand beside other yes/no answers, and the other way round.
  const polar = (q: QuestionAnswer) => isPolarAnswer(join(q), wording.rules);
  const pools = {
    polar: new SectionPools(
      pairs.filter((q) => !isList(q) && polar(q)),
      (q) => join(q),
    ),
    other: new SectionPools(
      pairs.filter((q) => !isList(q) && !polar(q)),
      (q) => join(q),
    ),
  };
  const drafts: QuestionDraft[] = [];
  for (const q of pairs) {
    const question = q.question.trim();
    const line = q.source.line;
    if (isEssayPrompt(question, wording.rules)) {
      log.reject('essay-question', line, question, q.id);
      continue;
    }
    if (isList(q)) {
      log.reject('list-answer', line, question, q.id);
      continue;
    }
    const key = join(q);
    if (isSymbolAnswer(key)) {
      log.reject('symbol-answer', line, `${question} ${key}`, q.id);
      continue;
    }
    const stem = wording.render('qa-answer', { question });
    if (whyNoChoice(ctx, key, question) === 'key-in-stem') {
      log.reject('answer-in-question', line, question, q.id);
      continue;
    }
    const tiers = pools[polar(q) ? 'polar' : 'other'].tiers(q.section);
    const choice = selectDistractors({ key, stem, variants: ctx.matcher, tiers });
    const source = { file: document.file, line, quote: capText(`${question} ${key}`), item: q.id };
    if (!choice) {
      // Answers too unlike for four options: true/false with another question's answer swapped in.
      const other = pickFalseSibling(key, tiers);
      if (!other) {
        log.reject(whyNoChoice(ctx, key, stem), line, stem, q.id);
        continue;
      }
      const statement = (answer: string) => wording.render('qa-statement', { question, answer });
      drafts.push(
        makeTrueFalseDraft(wording, {
          template: 'qa-statement',
          itemId: q.id,
          statement: statement(key),
          falsified: statement(other),
          explanation: capText(key, 400),
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
      explanation: capText(key, 400),
      theme: q.section,
      difficulty: rateDifficulty(choice.tiers),
      language: wording.language,
      source,
      origin: q.id,
    });
  }
  return drafts;
}
