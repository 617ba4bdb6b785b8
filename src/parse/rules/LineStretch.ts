import type { SourcePosition } from '../../model/StudyDocument.js';
import type { Block, SourceLine } from '../blocks/Block.js';
import type { NotesLines } from '../blocks/NotesLines.js';
import { isTitleLike } from '../pasted/matchBareHeading.js';
import { stripInline } from '../stripInline.js';
import type { ReadState } from './ReadState.js';

/**
 * Line rules read lines that carry no Markdown structure of their own (pasted text, a PDF's lines,
 * the plain paragraphs of a Markdown file) and turn them into blocks: headings, tables, trees,
 * lists, question blocks. `scan` runs once over a stretch first (boilerplate is decided from the
 * whole stretch); `read` is tried at each line and returns how many lines it took (0: not its line).
 */
export interface LineRule {
  name: string;
  stage: 'lines';
  scan?(stretch: LineStretch): void;
  read?(stretch: LineStretch, index: number): number;
}

/** Lines longer than this are prose or garbage, never a heading, row, tree line or item. */
export const MAX_ITEM_LINE = 5000;

/**
 * A run of lines without Markdown structure, as the line rules see it: scan rules first drop
 * boilerplate (kept in the state's `dropped` list), then read rules turn the remaining lines into
 * blocks; lines no rule takes gather into paragraphs, a blank line ending each.
 */
export class LineStretch {
  lines: NotesLines;
  readonly blocks: Block[] = [];
  /** Index just past the last structure (table, tree, list, question block) read. */
  structuredEnd = 0;
  /** The text of a line ending in `:` just read, which names the structure that follows it. */
  leadIn: string | null = null;
  lastHeadingLine = -1;
  /** Whether a blank line ends an answer here (not in double-spaced pastes); computed when first asked. */
  blankBoundary?: boolean;
  private paragraph: SourceLine[] = [];
  private readonly drops = new Map<number, string>();
  private readonly joined = new Set<number>();
  /** File line where a joined line ends, by the file line where it starts. */
  private readonly ends = new Map<number, number>();
  /** plain(i), computed once: several rules look at the same line. */
  private plainCache: (string | undefined)[] = [];

  constructor(
    lines: NotesLines,
    readonly state: ReadState,
  ) {
    this.lines = lines;
  }

  get length(): number {
    return this.lines.text.length;
  }

  text(i: number): string {
    return this.lines.text[i] ?? '';
  }

  blank(i: number): boolean {
    return this.text(i).trim() === '';
  }

  nextNonBlank(i: number): number {
    for (let j = i + 1; j < this.length; j++) if (!this.blank(j)) return j;
    return -1;
  }

  prevNonBlank(i: number): number {
    for (let j = i - 1; j >= 0; j--) if (!this.blank(j)) return j;
    return -1;
  }

  /** The line without inline markup and with single spaces; empty for an over-long line. */
  plain(i: number): string {
    const cached = this.plainCache[i];
    if (cached !== undefined) return cached;
    const line = this.text(i);
    const plain = line.length > MAX_ITEM_LINE ? '' : stripInline(line).replace(/\s+/g, ' ').trim();
    this.plainCache[i] = plain;
    return plain;
  }

  /** Position of line i, at its first non-blank character unless a column (1-based, in the line) is given. */
  source(i: number, column?: number): SourcePosition {
    const line = this.text(i);
    const indent = line.length - line.trimStart().length;
    return { line: this.lines.line[i] ?? 1, column: (this.lines.column[i] ?? 1) + (column === undefined ? indent : column - 1) };
  }

  sourceLine(i: number, text = this.text(i).trim()): SourceLine {
    const end = this.ends.get(this.lines.line[i]);
    return end === undefined ? { text, source: this.source(i) } : { text, source: this.source(i), end };
  }

  /** Scan rules mark lines to drop, with the reason shown by `revise inspect`. */
  drop(i: number, reason: string): void {
    if (!this.drops.has(i)) this.drops.set(i, reason);
  }

  /** Dropped as boilerplate, or joined to the line above it. */
  dropped(i: number): boolean {
    return this.drops.has(i) || this.joined.has(i);
  }

  /** Joins line j to line i above it (a line a PDF viewer or a paste broke): the pair reads as one line. */
  join(i: number, j: number, separator: string): void {
    this.lines.text[i] = `${this.lines.text[i].trimEnd()}${separator}${this.lines.text[j].trim()}`;
    this.joined.add(j);
    this.ends.set(this.lines.line[i], this.lines.line[j]);
    this.plainCache[i] = undefined;
  }

  /** After the scan rules: dropped lines leave the stretch (and go to the model's `dropped` list), joined ones too. */
  compact(): void {
    if (this.drops.size === 0 && this.joined.size === 0) return;
    const kept: NotesLines = { text: [], line: [], column: [] };
    for (let i = 0; i < this.length; i++) {
      if (this.joined.has(i)) continue;
      const reason = this.drops.get(i);
      if (reason) {
        this.state.drop(this.lines.line[i], this.text(i), reason);
        continue;
      }
      kept.text.push(this.lines.text[i]);
      kept.line.push(this.lines.line[i]);
      kept.column.push(this.lines.column[i]);
    }
    this.lines = kept;
    this.drops.clear();
    this.joined.clear();
    this.plainCache = [];
  }

  /** Adds a block read by a rule; the paragraph being gathered ends before it. */
  emit(block: Block): void {
    this.endParagraph();
    this.blocks.push(block);
  }

  /** Emits a heading read from line i; `plain` headings (no numbering) nest under the last numbered one. */
  heading(i: number, text: string, depth: number, plain: boolean, leadIn = false, raw = text): void {
    const d = Math.max(1, Math.min(depth, 6));
    this.emit({ type: 'heading', text, raw, depth: d, source: this.source(i), ...(leadIn ? { leadIn } : {}) });
    this.state.lastHeading = { depth, plain };
    this.state.atStart = false;
    this.lastHeadingLine = i;
  }

  /** Depth of a heading numbered in a style of the given rank: styles seen so far, outermost first. */
  depthForRank(rank: number, sublevel: number): number {
    const ranks = this.state.ranksSeen;
    if (!ranks.includes(rank)) {
      ranks.push(rank);
      ranks.sort((a, b) => a - b);
    }
    return this.state.baseDepth + ranks.indexOf(rank) + 1 + sublevel;
  }

  /** Depth of a heading without numbering: a sibling of the last plain heading, else one below the last. */
  plainDepth(): number {
    const last = this.state.lastHeading;
    if (!last) return this.state.baseDepth + 1;
    return last.plain ? last.depth : last.depth + 1;
  }

  addToParagraph(i: number): void {
    this.paragraph.push(this.sourceLine(i));
    if (this.state.firstText === null && /[\p{L}\p{N}]/u.test(this.plain(i))) this.state.firstText = this.plain(i);
  }

  endParagraph(): void {
    if (this.paragraph.length) {
      this.blocks.push({ type: 'paragraph', lines: this.paragraph });
      if (this.paragraph.length === 1 && this.state.titleLines.length < 8) {
        const text = stripInline(this.paragraph[0].text);
        if (isTitleLike(text)) this.state.titleLines.push(text);
      }
    }
    this.paragraph = [];
  }
}
