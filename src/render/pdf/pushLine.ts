import type { Line } from './breakLines.js';
import type { Op } from './Row.js';

/**
 * Adds a broken line to the page at `x`, vertically centred in a strip of `height` starting at `top`
 * (centring the cap height reads better than a fixed ascent for Latin and Chinese alike).
 */
export function pushLine(out: Op[], line: Line, x: number, top: number, height: number): void {
  let baseline = top + height / 2 + line.size * 0.34;
  // A tall formula moves the baseline down, within the row.
  if (line.ascent) baseline = Math.min(Math.max(baseline, top + line.ascent + 0.5), top + height - line.descent - 0.5);
  for (const piece of line.pieces) {
    if (piece.box) out.push(...(piece.box.draw(x + piece.x, baseline, piece.color) as Op[]));
    else out.push({ kind: 'text', x: x + piece.x, y: baseline, piece });
  }
}

/** The height a line needs: its text at `leading`, or its formulas with a little air. */
export function lineHeight(line: Line, size: number, leading: number): number {
  return Math.max(Math.max(line.size, size) * leading, line.ascent + line.descent + size * 0.3);
}
