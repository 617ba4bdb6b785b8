import { breakLines, type Line } from './breakLines.js';
import type { FontChain } from './FontChain.js';
import { pushLine } from './pushLine.js';
import type { Op, Row } from './Row.js';
import { sheetStyle } from './sheetStyle.js';

interface Box {
  lines: Line[];
  width: number;
  height: number;
}

/**
 * A sequence as boxes joined by arrows, filled left to right and wrapped like words; each wrapped
 * row starts with an arrow so the reading order stays obvious.
 */
export function flowRows(steps: readonly string[], chain: FontChain, width: number, prepare: (s: string) => string): Row[] {
  if (steps.length === 0) return [];
  const st = sheetStyle.flow;
  const lineHeight = st.size * 1.25;
  const layoutBox = (s: string, inner: number): Box => {
    const lines = breakLines([{ text: prepare(s) }], { chain, width: inner, size: st.size, color: sheetStyle.color.text });
    const w = Math.max(st.size, ...lines.map((l) => l.width));
    return { lines, width: w + st.padX * 2, height: Math.max(1, lines.length) * lineHeight + st.padY * 2 };
  };
  // Natural widths when the whole flow fits on one row.
  const natural = steps.map((s) => layoutBox(s, Math.max(st.size * 4, width * 0.9)));
  let packed: Box[][];
  if (natural.reduce((w, b) => w + b.width, 0) + st.gap * (steps.length - 1) <= width) {
    packed = [natural];
  } else {
    // Otherwise a grid of equal boxes, as many a row as the longest word of any step allows.
    const longestWord = Math.max(
      ...steps.map((s) => Math.max(0, ...prepare(s).split(/\s+/).map((w) => chain.runs(w, 'regular').reduce((sum, r) => sum + chain.width(r, st.size), 0)))),
    );
    let perRow = Math.min(steps.length, 5);
    const boxWidth = (k: number) => (width - st.gap * (k === steps.length ? k - 1 : k)) / k;
    while (perRow > 1 && boxWidth(perRow) < Math.max(longestWord + st.padX * 2, st.size * 6)) perRow--;
    const inner = boxWidth(perRow) - st.padX * 2;
    const boxes = steps.map((s) => ({ ...layoutBox(s, inner), width: boxWidth(perRow) }));
    packed = [];
    for (let i = 0; i < boxes.length; i += perRow) packed.push(boxes.slice(i, i + perRow));
  }

  return packed.map((rowBoxes, ri): Row => {
    const height = Math.max(...rowBoxes.map((b) => b.height));
    return {
      height: height + (ri > 0 ? st.rowGap : 0),
      keepWithNext: false,
      draw(out: Op[], x, y) {
        const top = y + (ri > 0 ? st.rowGap : 0);
        let cx = x;
        rowBoxes.forEach((box, bi) => {
          if (bi > 0 || ri > 0) {
            const mid = top + height / 2;
            out.push({ kind: 'line', x1: cx + 2, y1: mid, x2: cx + st.gap - 4, y2: mid, width: 0.8, color: sheetStyle.color.accent });
            out.push({ kind: 'arrowhead', x: cx + st.gap - 1.5, y: mid, size: 3.2, color: sheetStyle.color.accent });
            cx += st.gap;
          }
          // Boxes of a row share their height; the text sits in the middle.
          out.push({ kind: 'rect', x: cx, y: top, w: box.width, h: height, fill: sheetStyle.color.boxFill, stroke: sheetStyle.color.accent, lineWidth: 0.6 });
          const textTop = top + (height - box.height) / 2 + st.padY;
          box.lines.forEach((line, li) => pushLine(out, line, cx + (box.width - line.width) / 2, textTop + li * lineHeight, lineHeight));
          cx += box.width;
        });
      },
    };
  });
}
