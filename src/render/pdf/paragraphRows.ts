import { breakLines, type Rgb, type Span } from './breakLines.js';
import type { FontChain } from './FontChain.js';
import { lineHeight, pushLine } from './pushLine.js';
import type { Op, Row } from './Row.js';
import { sheetStyle } from './sheetStyle.js';

export interface ParagraphOptions {
  chain: FontChain;
  width: number;
  size?: number;
  leading?: number;
  color?: Rgb;
  /** Left indent of every line. */
  indent?: number;
  /** Text drawn in the indent of the first line (a bullet or number). */
  marker?: Span;
  spaceBefore?: number;
  keepWithNext?: boolean;
  /** Background strip behind every line, with a coloured bar on its left. */
  band?: { fill: Rgb; bar?: Rgb; padX: number };
  bookmark?: Row['bookmark'];
  /** Extra drawing under the first line (a heading's rule). */
  underline?: Rgb;
  span?: boolean;
  align?: 'left' | 'center';
}

/** A paragraph as one row per line; paragraphs of up to three lines stay in one column, longer ones leave at least two lines on each side of a break. */
export function paragraphRows(spans: readonly Span[], o: ParagraphOptions): Row[] {
  const size = o.size ?? sheetStyle.body.size;
  const leading = o.leading ?? sheetStyle.body.leading;
  const color = o.color ?? sheetStyle.color.text;
  const indent = o.indent ?? 0;
  const padX = o.band?.padX ?? 0;
  const width = Math.max(size * 2, o.width - indent - padX * 2);
  const lines = breakLines(spans, { chain: o.chain, width, size, color });
  const marker = o.marker ? breakLines([o.marker], { chain: o.chain, width: 1e6, size, color })[0] : undefined;
  const short = lines.length <= 3;
  return lines.map((line, i): Row => {
    const height = lineHeight(line, size, leading);
    return {
      height,
      spaceBefore: i === 0 ? o.spaceBefore : 0,
      // No lone first or last line at a column break (orphans and widows).
      keepWithNext: (o.keepWithNext && i === lines.length - 1) || (short && i < lines.length - 1) || (!short && (i === 0 || i === lines.length - 2)),
      bookmark: i === 0 ? o.bookmark : undefined,
      span: o.span,
      draw(out: Op[], x, y, w) {
        if (o.band) {
          out.push({ kind: 'rect', x, y, w, h: height, fill: o.band.fill });
          if (o.band.bar) out.push({ kind: 'rect', x, y, w: 1.6, h: height, fill: o.band.bar });
        }
        const left = x + padX + indent + (o.align === 'center' ? (w - padX * 2 - indent - line.width) / 2 : 0);
        if (i === 0 && marker) pushLine(out, marker, x + padX + indent - marker.width - size * 0.35, y, height);
        pushLine(out, line, left, y, height);
        if (o.underline && i === lines.length - 1) {
          out.push({ kind: 'line', x1: x, y1: y + height - 0.5, x2: x + w, y2: y + height - 0.5, width: 0.6, color: o.underline });
        }
      },
    };
  });
}
