import type { Diagnostic } from '../../model/Diagnostic.js';
import type { DroppedLine, SourcePosition } from '../../model/StudyDocument.js';
import { ListBatch } from '../blocks/readListRegion.js';

/** What the line rules remember across the whole document while it is read, top to bottom. */
export class ReadState {
  /** Heading styles (pasted numbering) seen so far, by rank: their order gives depths. */
  readonly ranksSeen: number[] = [];
  /** Depth under which pasted headings hang (1 once a title heading is read). */
  baseDepth = 0;
  lastHeading: { depth: number; plain: boolean } | null = null;
  /** No content line has been read yet: the next one may be the document's title. */
  atStart = true;
  /** A title found by the line rules (the document's first line, read as its name). */
  title: string | null = null;
  /** The first line of text read (a paragraph's or a question's): a title when nothing better names the notes. */
  firstText: string | null = null;
  /** Short lines that read like a title (a line alone, a tree's root), in the order read. */
  readonly titleLines: string[] = [];
  /** File line of a document name that carried a site or file suffix (`Cours.pdf`), now removed. */
  titleLine: number | null = null;
  readonly dropped: DroppedLine[] = [];
  readonly messages: Omit<Diagnostic, 'file'>[] = [];
  /** File lines that are code or comments, not notes: coverage leaves them out. */
  readonly literalLines = new Set<number>();
  /** Markdown list regions waiting to be read by remark together. */
  readonly lists: ListBatch;

  constructor(
    /** The notes mark their own headings (`#`, setext): bare lines are never promoted to headings. */
    readonly structured: boolean,
    readonly keepBoilerplate: boolean,
    listChunkLines?: number,
    simpleLists = true,
  ) {
    this.lists = new ListBatch((message, source, ruleId) => this.warn(message, source, ruleId), listChunkLines, simpleLists);
  }

  drop(line: number, text: string, reason: string): void {
    this.dropped.push({ line, text: text.trim(), reason });
  }

  warn(message: string, source: SourcePosition, ruleId: string): void {
    this.messages.push({ line: source.line, column: source.column, severity: 'warning', message, ruleId });
  }
}
