import type { McqDifficulty, McqOption, McqQuestionType, McqSource, McqTemplateName } from './McqBank.js';

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
  /**
   * The group of siblings the question asks about (a table column, an outline group, a flow, a cloze
   * sentence): the gate keeps at most one question per template and group.
   */
  group?: string;
  /**
   * For a name-like key (term, group, step, cell): the part of the stem that is about the item
   * itself (a definition, an item label, a row name), which must not echo part of the key. Context
   * the stem also quotes (an outline's root, a flow's label) is left out: it names the topic.
   */
  echoFrom?: string;
  /** For a key that describes a name (a definition): the name, which the key must not echo. */
  echoName?: string;
  /** A question the notes' author wrote: options kept as written, in their order. */
  authored?: { options: McqOption[] };
}
