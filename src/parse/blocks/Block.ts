import type { OutlineNode, SourcePosition } from '../../model/StudyDocument.js';

/** One line of notes text as the rules see it: container prefixes removed, inline Markdown kept. */
export interface SourceLine {
  text: string;
  source: SourcePosition;
  /** Last file line of the text, when lines broken by a paste were joined into it. */
  end?: number;
}

/**
 * The notes as blocks, whatever they were read from: Markdown containers (lists, quotes,
 * admonitions, callouts, details) and the structures the pasted-text rules recover from bare lines
 * (headings, glued tables, drawn trees, typographic bullets) come out as the same blocks, so one
 * table of item rules reads them all.
 */
export type Block = HeadingBlock | ParagraphBlock | QuestionBlock | ListBlock | TableBlock | TreeBlock | CodeBlock | ContainerBlock | BreakBlock | SkippedBlock;

export interface HeadingBlock {
  type: 'heading';
  /** Plain text, inline markup removed. */
  text: string;
  /** As written, inline Markdown kept (numbering and `#` marks removed). */
  raw: string;
  depth: number;
  source: SourcePosition;
  /** Written as `Title:`, introducing what follows (a table's caption). */
  leadIn?: boolean;
}

/** Consecutive lines of text; a blank line ends it. */
export interface ParagraphBlock {
  type: 'paragraph';
  lines: SourceLine[];
}

/** A pasted question line and the answer lines the line rules found under it. */
export interface QuestionBlock {
  type: 'question';
  /** The question, numbering removed. */
  question: SourceLine;
  /** Its number in the notes (`3.`, `Q3`), for answer keys given by number. */
  number: number | null;
  /** Answer lines as written (bullets kept). */
  answers: SourceLine[];
}

export interface ListItem {
  /** The lines of the item's first paragraph, marker removed. */
  lines: SourceLine[];
  /** `- [x]` true, `- [ ]` false, a plain item null. */
  checked: boolean | null;
  /** The marker as written (`-`, `1.`, `b)`, `(c)`, `①`, `•`), for answer keys that name an option. */
  marker: string;
  /** What came after the first paragraph: nested lists, more paragraphs, code, tables. */
  children: Block[];
  source: SourcePosition;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
  source: SourcePosition;
}

export interface TableBlock {
  type: 'table';
  /** Cells as written (inline markup kept). */
  header: string[];
  rows: string[][];
  source: SourcePosition;
  /** Tab-separated lines copied from a spreadsheet or a flashcard export. */
  tabbed: boolean;
}

/** A tree drawn with `├─ └─ │`, already nested. */
export interface TreeBlock {
  type: 'tree';
  root: OutlineNode;
  /** The root's label came from the line above the tree (or is empty), not from a branch. */
  labelled: boolean;
}

export interface CodeBlock {
  type: 'code';
  lang: string | null;
  text: string;
  source: SourcePosition;
}

/**
 * An admonition (`!!! note "Title"`, `??? success`), a callout (`> [!question]- Title`), a
 * `<details>` block, or a plain block quote: its children are notes like any other.
 */
export interface ContainerBlock {
  type: 'container';
  kind: 'admonition' | 'callout' | 'details' | 'quote';
  /** The admonition or callout type (`note`, `success`, `question`), lower case; empty for quotes and details. */
  label: string;
  title: string;
  collapsible: boolean;
  children: Block[];
  source: SourcePosition;
}

export interface BreakBlock {
  type: 'break';
  source: SourcePosition;
}

/** HTML and comments: never notes. */
export interface SkippedBlock {
  type: 'skipped';
  source: SourcePosition;
}
