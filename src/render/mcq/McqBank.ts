/**
 * The `.mcq.json` question bank: a public format, versioned by MCQ_FORMAT_VERSION and described by
 * schema/mcq.schema.json. See docs/mcq.md.
 */

/** Bumped on any change that could break a consumer (renamed or removed keys, changed meaning). */
export const MCQ_FORMAT_VERSION = 1;
export const MCQ_SCHEMA_ID = 'https://revise.invalid/schema/mcq-1.json';

/** `multiple-choice` (several keys) only comes from questions the notes' author wrote. */
export type McqQuestionType = 'single-choice' | 'multiple-choice' | 'true-false';
export type McqDifficulty = 'easy' | 'medium' | 'hard';

/** Which wording template produced a question; also part of its id. */
export type McqTemplateName =
  | 'definition-term'
  | 'definition-meaning'
  | 'table-cell'
  | 'sequence-next'
  | 'sequence-order'
  | 'outline-group'
  | 'qa-answer'
  | 'cloze-blank'
  | 'true-false'
  | 'definition-statement'
  | 'table-statement'
  | 'qa-statement'
  | 'authored-choice';

export interface McqOption {
  text: string;
  correct: boolean;
}

export interface McqSource {
  /** Notes file, relative to the build (or course) root, forward slashes. */
  file: string;
  /** 1-based line of the fact in the notes file. */
  line: number;
  /** The fact as revise extracted it from that line. */
  quote: string;
  /** Id of the study-model item the question comes from (see `revise inspect --json`). */
  item: string;
}

export interface McqQuestion {
  /** Derived from the fact and the template only, so it survives unrelated edits and rebuilds. */
  id: string;
  type: McqQuestionType;
  template: McqTemplateName;
  stem: string;
  /** Exactly one option has `correct: true` (one or more for `multiple-choice`). */
  options: McqOption[];
  /** The source definition, answer or statement that justifies the key. */
  explanation: string;
  /** Heading path of the fact's section, outermost first (empty at top level). */
  theme: string[];
  /** Closer distractors (same column, list or section) make harder items. */
  difficulty: McqDifficulty;
  /** Language of the wording (ISO 639-1), the notes' language when templates exist for it. */
  language: string;
  source: McqSource;
  /** Written by the notes' author (stem and options as written), not generated. Absent otherwise. */
  authored?: true;
}

export interface McqBank {
  $schema: string;
  format: 'revise-mcq';
  version: number;
  title: string;
  /** ISO 639-1 code of the notes, "und" when undetermined; a course bank takes its most common one. */
  language: string;
  /** Notes files the bank was made from. */
  files: string[];
  questions: McqQuestion[];
}
