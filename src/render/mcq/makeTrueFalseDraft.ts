import type { McqSource, McqTemplateName } from './McqBank.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { McqWording } from './McqWording.js';
import type { QuestionDraft } from './QuestionDraft.js';

export interface TrueFalseFact {
  /** `true-false` for key points; `<kind>-statement` for facts too poor in siblings for four options. */
  template: Extract<McqTemplateName, 'true-false' | 'definition-statement' | 'table-statement' | 'qa-statement'>;
  itemId: string;
  /** Distinguishes several statements from one item (a table cell's row and column). */
  part?: string;
  statement: string;
  falsified: string;
  explanation: string;
  theme: string[];
  source: McqSource;
  origin: string;
}

/**
 * A true/false item holding both the statement and its falsified twin; which one the student sees
 * is decided when the bank is arranged, so true and false keys come out balanced.
 */
export function makeTrueFalseDraft(wording: McqWording, fact: TrueFalseFact): QuestionDraft {
  const trueStem = wording.render('true-false', { statement: fact.statement });
  return {
    id: makeQuestionId(fact.template, fact.itemId, fact.part ?? ''),
    type: 'true-false',
    template: fact.template,
    stem: trueStem,
    key: wording.words.true,
    distractors: [wording.words.false],
    ascending: false,
    explanation: fact.explanation,
    theme: fact.theme,
    difficulty: 'medium',
    language: wording.language,
    source: fact.source,
    origin: fact.origin,
    trueFalse: {
      trueStem,
      falseStem: wording.render('true-false', { statement: fact.falsified }),
      trueLabel: wording.words.true,
      falseLabel: wording.words.false,
    },
  };
}
