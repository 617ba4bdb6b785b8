import type { McqDifficulty, McqQuestionType, McqSource, McqTemplateName } from './McqBank.js';

/**
 * A question before its options are arranged: the key and distractors are known, their order is
 * decided later over the whole bank so that key positions come out balanced.
 */
export interface QuestionDraft {
  id: string;
  type: McqQuestionType;
  template: McqTemplateName;
  /** For true/false drafts: the true statement and its falsified twin; the stem is chosen later. */
  stem: string;
  key: string;
  distractors: string[];
  /** Numeric options are shown in ascending order instead of shuffled. */
  ascending: boolean;
  explanation: string;
  theme: string[];
  difficulty: McqDifficulty;
  language: string;
  source: McqSource;
  /** Which fact of the model the question covers (item id plus row/step), for coverage figures. */
  origin: string;
  trueFalse?: { trueStem: string; falseStem: string; trueLabel: string; falseLabel: string };
}
