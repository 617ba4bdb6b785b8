import type { Line } from './breakLines.js';
import type { Op } from './Row.js';

/**
 * Adds a broken line to the page at `x`, vertically centred in a strip of `height` starting at `top`
 * (centring the cap height reads better than a fixed ascent for Latin and Chinese alike).
 */
export function pushLine(out: Op[], line: Line, x: number, top: number, height: number): void {
  const baseline = top + height / 2 + line.size * 0.34;
  for (const piece of line.pieces) out.push({ kind: 'text', x: x + piece.x, y: baseline, piece });
}
