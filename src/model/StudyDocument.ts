/**
 * The study model: what revise extracts from one notes file. Readers (src/parse) only produce it,
 * renderers (src/render) only consume it. Its JSON form is a public contract versioned by
 * MODEL_VERSION; see README "The inspect JSON contract".
 */

/** Bumped on any change that could break a consumer of the JSON form (renamed or removed keys). */
export const MODEL_VERSION = 1;
export const MODEL_SCHEMA_ID = 'https://revise.invalid/schema/study-document-1.json';

import type { Inline, RichFields } from './Inline.js';
export type { Inline, RichFields } from './Inline.js';

/**
 * 1-based line and column in the original file (after BOM removal, counting CRLF as one line end).
 * For paged formats the line counts within `page` (PDF) or `slide` (slides), which is then set.
 */
export interface SourcePosition {
  line: number;
  column: number;
  page?: number;
  slide?: number;
}

export type ItemKind =
  | 'definition'
  | 'table'
  | 'outline'
  | 'sequence'
  | 'qa'
  | 'cloze'
  | 'keyPoint'
  | 'formula'
  | 'choice'
  | 'paragraph';

interface ItemBase {
  /** Stable id from kind + normalised key + section path, never from the position. */
  id: string;
  /** Heading texts from the top of the document down to the item's own section. */
  section: string[];
  source: SourcePosition;
  /** Typed twins (formulas, code, images) of the item's text fields that hold more than text; see Inline.ts. */
  rich?: RichFields;
  /**
   * Blocks under the item in the notes that belong to it: a code listing, an image, a displayed
   * formula (its example or figure). No plain twin: they are not text.
   */
  attached?: Inline[];
}

export interface Section {
  id: string;
  text: string;
  /** 1 for a top-level heading; pasted-text headings get the depth their numbering suggests. */
  depth: number;
  /** Heading texts of this section and its ancestors, outermost first. */
  path: string[];
  source: SourcePosition;
  rich?: RichFields;
}

export interface Definition extends ItemBase {
  term: string;
  definition: string;
  /** Id of the formula whose legend line this is (`m = marge`): part of that formula, not a term of its own. */
  legendOf?: string;
}

export interface Table extends ItemBase {
  header: string[];
  rows: string[][];
  /** The lead-in line or heading the table belongs to, when there is one. */
  caption?: string;
}

export interface OutlineNode {
  label: string;
  children: OutlineNode[];
  source: SourcePosition;
  /** Typed twin of `label` (key `label`) when it holds a formula, code or an image. */
  rich?: RichFields;
}

export interface Outline extends ItemBase, OutlineNode {}

export interface Sequence extends ItemBase {
  steps: string[];
  /** Text before the first step when the flow is introduced ("Cycle: A → B"). */
  label?: string;
}

export interface QuestionAnswer extends ItemBase {
  question: string;
  answers: string[];
  /** True when the card also works the other way round (`:::` and `??`). */
  reversible?: boolean;
}

export interface Cloze extends ItemBase {
  /** The sentence with every deletion shown in clear. */
  text: string;
  deletions: string[];
  /** Hint per deletion (null where none), aligned with `deletions`. */
  hints: (string | null)[];
  /** The sentence in Anki cloze syntax, `{{c1::x::hint}}`, numbering preserved from the notes. */
  cloze: string;
}

export interface KeyPoint extends ItemBase {
  text: string;
  /**
   * Figures the statement turns on (a percentage, a ratio, an amount, a year, a count), exactly as
   * written in `text`: a key fact, whose figure a cloze card can blank.
   */
  figures?: string[];
}

/** One option of a question the notes already write as multiple choice. */
export interface ChoiceOption {
  text: string;
  correct: boolean;
}

/**
 * A multiple-choice question written by the notes' author (task-list options, lettered options with
 * an answer key, a correction block), kept as written.
 */
export interface ChoiceQuestion extends ItemBase {
  stem: string;
  options: ChoiceOption[];
  /** More than one option is correct. */
  multiple: boolean;
  explanation?: string;
}

/** Prose that no rule turned into an item, kept so that nothing of the notes is silently lost. */
export interface Paragraph extends ItemBase {
  text: string;
  /** Last source line of the paragraph (`source.line` is the first). */
  endLine: number;
}

export interface FormulaVariable {
  symbol: string;
  meaning: string;
}

export interface Formula extends ItemBase {
  expression: string;
  variables: FormulaVariable[];
}

/** How much of the notes reached an item: words (CJK: characters) outside code and comments. */
export interface Coverage {
  words: number;
  covered: number;
  /** Line ranges (inclusive, 1-based; on `page` or `slide` for paged formats) whose words reached no item and were not dropped. */
  unused: { from: number; to: number; page?: number; slide?: number }[];
}

export interface DroppedLine {
  /** As in SourcePosition: within `page` or `slide` when one is set. */
  line: number;
  page?: number;
  slide?: number;
  text: string;
  reason: string;
}

export interface StudyDocument {
  $schema: string;
  version: number;
  /** Path of the notes file relative to the build root, with forward slashes. */
  file: string;
  title: string;
  /** ISO 639-1 code (fr, en, zh, …) or "und" when undetermined. */
  language: string;
  /** How `language` was decided. */
  languageSource: 'front-matter' | 'option' | 'detected' | 'default';
  tags: string[];
  /** `author` from the front matter, when it names one. */
  author?: string;
  /**
   * Every key of the notes' front matter as written (title, author, tags, lang and any other),
   * JSON-safe; the typed fields above are read from it.
   */
  frontMatter: Record<string, unknown>;
  sections: Section[];
  definitions: Definition[];
  tables: Table[];
  outlines: Outline[];
  sequences: Sequence[];
  qa: QuestionAnswer[];
  clozes: Cloze[];
  keyPoints: KeyPoint[];
  formulas: Formula[];
  choices: ChoiceQuestion[];
  paragraphs: Paragraph[];
  dropped: DroppedLine[];
  coverage?: Coverage;
}

export type StudyItem =
  | Definition
  | Table
  | Outline
  | Sequence
  | QuestionAnswer
  | Cloze
  | KeyPoint
  | Formula
  | ChoiceQuestion
  | Paragraph;

/** The item collections of a document, in the order renderers should present kinds. */
export const ITEM_COLLECTIONS = [
  'definitions',
  'tables',
  'outlines',
  'sequences',
  'qa',
  'clozes',
  'keyPoints',
  'formulas',
  'choices',
  'paragraphs',
] as const;
export type ItemCollection = (typeof ITEM_COLLECTIONS)[number];

export function countItems(doc: StudyDocument): number {
  let n = 0;
  for (const key of ITEM_COLLECTIONS) n += doc[key].length;
  return n;
}

export function createEmptyDocument(file: string): StudyDocument {
  return {
    $schema: MODEL_SCHEMA_ID,
    version: MODEL_VERSION,
    file,
    title: '',
    language: 'und',
    languageSource: 'default',
    tags: [],
    frontMatter: {},
    sections: [],
    definitions: [],
    tables: [],
    outlines: [],
    sequences: [],
    qa: [],
    clozes: [],
    keyPoints: [],
    formulas: [],
    choices: [],
    paragraphs: [],
    dropped: [],
  };
}

/**
 * Every piece of typed content of a document (rich fields, attached blocks, outline labels,
 * headings) with the position of the item holding it. A document without any visits nothing.
 */
export function forEachInline(doc: StudyDocument, visit: (inline: Inline, source: SourcePosition) => void): void {
  const node = (n: OutlineNode, source: SourcePosition) => {
    if (n.rich) for (const list of Object.values(n.rich)) for (const inline of list) visit(inline, n.source ?? source);
    for (const c of n.children) node(c, source);
  };
  for (const s of doc.sections) if (s.rich) for (const list of Object.values(s.rich)) for (const inline of list) visit(inline, s.source);
  for (const key of ITEM_COLLECTIONS) {
    for (const item of doc[key] as (ItemBase & { children?: OutlineNode[] })[]) {
      if (item.rich) for (const list of Object.values(item.rich)) for (const inline of list) visit(inline, item.source);
      for (const inline of item.attached ?? []) visit(inline, item.source);
      if (item.children) for (const c of item.children) node(c, item.source);
    }
  }
}
