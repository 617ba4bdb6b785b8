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
  const st = sheetStyle.flow;
  const lineHeight = st.size * 1.25;
  const maxBox = Math.max(st.size * 4, Math.min(width - st.gap, width * 0.48));
  const boxes: Box[] = steps.map((s) => {
    const lines = breakLines([{ text: prepare(s) }], { chain, width: maxBox - st.padX * 2, size: st.size, color: sheetStyle.color.text });
    const inner = Math.max(st.size, ...lines.map((l) => l.width));
    return { lines, width: inner + st.padX * 2, height: Math.max(1, lines.length) * lineHeight + st.padY * 2 };
  });
  const packed: Box[][] = [];
  let current: Box[] = [];
  let used = 0;
  for (const box of boxes) {
    const lead = current.length > 0 || packed.length > 0 ? st.gap : 0;
    if (current.length && used + lead + box.width > width) {
      packed.push(current);
      current = [];
      used = 0;
    }
    used += (current.length > 0 || packed.length > 0 ? st.gap : 0) + box.width;
    current.push(box);
  }
  if (current.length) packed.push(current);

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
          const by = top + (height - box.height) / 2;
          out.push({ kind: 'rect', x: cx, y: by, w: box.width, h: box.height, fill: sheetStyle.color.boxFill, stroke: sheetStyle.color.accent, lineWidth: 0.6 });
          box.lines.forEach((line, li) => pushLine(out, line, cx + (box.width - line.width) / 2, by + st.padY + li * lineHeight, lineHeight));
          cx += box.width;
        });
      },
    };
  });
}
