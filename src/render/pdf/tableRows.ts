import LineBreaker from 'linebreak';
import { breakLines, type Line, type Span } from './breakLines.js';
import type { FontChain } from './FontChain.js';
import { pushLine } from './pushLine.js';
import type { Op, Row } from './Row.js';
import { sheetStyle } from './sheetStyle.js';

export interface TableInput {
  header: string[];
  rows: string[][];
}

/** Narrowest and natural width of a cell: its widest unbreakable stretch, and its one-line width. */
function cellExtent(chain: FontChain, text: string, style: 'regular' | 'bold', size: number): [number, number] {
  const widthOf = (s: string) => chain.runs(s, style).reduce((w, r) => w + chain.width(r, size), 0);
  let min = 0;
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    min = Math.max(min, widthOf(text.slice(last, b.position).trimEnd()));
    last = b.position;
  }
  return [min, widthOf(text)];
}

/** Column widths: natural widths when they fit, else shared out above each column's narrowest. */
function columnWidths(min: number[], max: number[], total: number): number[] {
  const sumMax = max.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMax <= total) return max.map((m) => m + (total - sumMax) / max.length);
  if (sumMin >= total) return min.map((m) => (m / sumMin) * total);
  return min.map((m, i) => m + ((max[i] - m) * (total - sumMin)) / (sumMax - sumMin));
}

/**
 * A table as rows: the header row (repeated after every column or page break), then one row per
 * body row with wrapped cells. A body row taller than `table.rowLines` lines is cut into slices so
 * that a huge cell still flows across pages.
 */
/** Spans of a cell holding formulas or code (row -1: the header), or null for a plain cell. */
export type CellSpans = (row: number, column: number, bold: boolean, size: number) => Span[] | null;

export function tableRows(table: TableInput, chain: FontChain, width: number, prepare: (s: string) => string, cellSpans?: CellSpans): Row[] {
  const st = sheetStyle.table;
  const columns = Math.max(table.header.length, ...table.rows.map((r) => r.length), 1);
  const size = columns > 5 ? st.smallSize : st.size;
  const leading = 1.25;
  const lineHeight = size * leading;
  const cell = (r: string[], c: number) => prepare(r[c] ?? '');
  const header = table.header.some((h) => h.trim()) ? table.header : null;
  const min = new Array<number>(columns).fill(0);
  const max = new Array<number>(columns).fill(0);
  const cap = Math.max(width / columns, width * 0.3);
  const all = header ? [header, ...table.rows] : table.rows;
  const richCell = (ri: number, c: number): Span[] | null => {
    if (!cellSpans) return null;
    const bold = ri === 0 && header !== null;
    return cellSpans(header ? ri - 1 : ri, c, bold, size);
  };
  all.forEach((r, ri) => {
    for (let c = 0; c < columns; c++) {
      const spans = richCell(ri, c);
      const [lo, hi] = spans
        ? [Math.max(0, ...breakLines(spans, { chain, width: 1, size, color: sheetStyle.color.text }).map((l) => l.width)), breakLines(spans, { chain, width: 1e6, size, color: sheetStyle.color.text })[0]?.width ?? 0]
        : cellExtent(chain, cell(r, c), ri === 0 && header ? 'bold' : 'regular', size);
      min[c] = Math.max(min[c], Math.min(lo, cap) + st.padX * 2);
      max[c] = Math.max(max[c], hi + st.padX * 2);
    }
  });
  const widths = columnWidths(min, max, width);
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));

  const layoutRow = (r: string[], bold: boolean, ri: number): Line[][] =>
    widths.map((w, c) => {
      const spans = richCell(ri, c) ?? [{ text: cell(r, c), style: bold ? 'bold' : 'regular' } as Span];
      return breakLines(spans, { chain, width: Math.max(1, w - st.padX * 2), size, color: sheetStyle.color.text });
    });

  const makeRows = (cells: Line[][], kind: 'head' | 'body', index: number, headerRows?: Row[]): Row[] => {
    const lines = Math.max(1, ...cells.map((c) => c.length));
    const out: Row[] = [];
    for (let from = 0; from < lines; from += st.rowLines) {
      const count = Math.min(st.rowLines, lines - from);
      const height = count * lineHeight + st.padY * 2;
      const last = from + count >= lines;
      out.push({
        height,
        keepWithNext: kind === 'head',
        repeatHeader: headerRows,
        draw(page: Op[], x, y, w) {
          const scale = w / width;
          if (kind === 'head') page.push({ kind: 'rect', x, y, w, h: height, fill: sheetStyle.color.tableHead });
          else if (index % 2 === 1) page.push({ kind: 'rect', x, y, w, h: height, fill: sheetStyle.color.zebra });
          cells.forEach((cellLines, c) => {
            cellLines.slice(from, from + count).forEach((line, li) => {
              pushLine(page, line, x + lefts[c] * scale + st.padX, y + st.padY + li * lineHeight, lineHeight);
            });
            if (c > 0) page.push({ kind: 'line', x1: x + lefts[c] * scale, y1: y, x2: x + lefts[c] * scale, y2: y + height, width: 0.3, color: sheetStyle.color.rule });
          });
          if (last) page.push({ kind: 'line', x1: x, y1: y + height, x2: x + w, y2: y + height, width: kind === 'head' ? 0.8 : 0.3, color: kind === 'head' ? sheetStyle.color.accent : sheetStyle.color.rule });
        },
      });
    }
    return out;
  };

  const headerRows = header ? makeRows(layoutRow(header, true, 0), 'head', 0) : [];
  const body = table.rows.flatMap((r, i) => makeRows(layoutRow(r, false, header ? i + 1 : i), 'body', i, header ? headerRows : undefined));
  return [...headerRows, ...body];
}
