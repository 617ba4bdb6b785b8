import type { Piece, Rgb } from './breakLines.js';

/** One drawing instruction, in points from the top-left corner of the page (y grows downwards). */
export type Op =
  | { kind: 'text'; x: number; y: number; piece: Piece; invisible?: { squeeze: number } }
  /**
   * A typeset formula, `scale` points per em, (x, y) its origin on the baseline: glyph outlines (SVG
   * path, placed by a matrix in em, y down) and bars (PDF path operators in em).
   */
  | { kind: 'math'; x: number; y: number; scale: number; glyphs: readonly { d: string; m: readonly number[] }[]; rects: string; color: Rgb }
  /** An image of the notes, by model path (its bytes are in the render context), in a box. */
  | { kind: 'image'; x: number; y: number; w: number; h: number; path: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: Rgb }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: Rgb; stroke?: Rgb; lineWidth?: number }
  | { kind: 'arrowhead'; x: number; y: number; size: number; color: Rgb };

/**
 * The unit of pagination: a strip that is never split across columns or pages. Blocks are cut into
 * rows (a paragraph line, a table row, a tree node) so that anything long can flow.
 */
export interface Row {
  height: number;
  /** Space above the row, dropped at the top of a column. */
  spaceBefore?: number;
  /** Must share its column with the row that follows (headings, labels, captions). */
  keepWithNext?: boolean;
  /** Drawn again at the top of a column when the rows break there (table header). */
  repeatHeader?: Row[];
  /** Goes across all columns, below the (balanced) column band before it. */
  span?: boolean;
  /** Starts a new column or page before the row (template `@columnbreak`, `@pagebreak`). */
  breakBefore?: 'column' | 'page';
  /** A PDF bookmark pointing at this row. */
  bookmark?: { title: string; depth: number };
  draw(out: Op[], x: number, y: number, width: number): void;
}
