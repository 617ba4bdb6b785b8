import type { Diagnostic } from '../../model/Diagnostic.js';

/** Where one line of a reader's text came from, when that is not the same line of the file. */
export interface LineOrigin {
  /** Line in the file, or on the page or slide when one is given. */
  line: number;
  page?: number;
  slide?: number;
}

/** A file handed to a reader: its bytes, and its name for messages. */
export interface ReaderInput {
  bytes: Uint8Array;
  /** Path as messages show it. */
  file: string;
}

/**
 * What a reader hands to the rules: notes as lines of text. Markdown is honoured wherever it is
 * present and the stretches without it go through the pasted-text recovery, so a reader of a format
 * with structure (headings, lists, tables) writes that structure as Markdown, and a reader of flat
 * text (a PDF's lines) gives the lines as they are.
 */
export interface ReaderText {
  /** The notes, `\n` line ends, front matter (if any) at the top. */
  text: string;
  /**
   * For each line of `text` (index = line - 1), where it came from, when not the same line of the
   * file: item sources then give the page or slide and the line there.
   */
  origins?: readonly LineOrigin[];
  /** The reader's own findings (a page without text, an image skipped), never fatal. */
  messages?: readonly Omit<Diagnostic, 'file'>[];
  /**
   * Lines the reader left out of `text` as furniture of the format (a PDF's running headers, footers
   * and page numbers), with the reason: they join the model's `dropped` list, positioned like origins.
   */
  dropped?: readonly ReaderDroppedLine[];
}

export interface ReaderDroppedLine extends LineOrigin {
  text: string;
  reason: string;
}

/**
 * One input format. A new format is one folder under `src/parse/readers/` and one row in
 * `readers.ts`; `revise build`, `revise inspect` and folder builds all find it there.
 */
export interface Reader {
  name: string;
  /** Lower-case file name endings, dot included, that this reader takes. */
  extensions: readonly string[];
  description: string;
  /** True when the bytes are of this format whatever the file is called (standard input, no extension). */
  sniff(bytes: Uint8Array): boolean;
  /** Throws a NotesError naming the file when the bytes cannot be read as this format. */
  read(input: ReaderInput): ReaderText | Promise<ReaderText>;
}
