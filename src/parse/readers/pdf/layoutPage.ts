import type { PdfPage, TextRun } from './loadPdfPages.js';

/** A stretch of one text line with no wide gap in it. */
export interface Segment {
  runs: TextRun[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** One visual line in reading order: the segments of one row within one column. */
export interface PdfLine {
  page: number;
  /** 1-based position in the page's reading order: what `source.line` gives for a PDF. */
  lineOnPage: number;
  /** The column (or full-width band) the line belongs to; a change means the text flows on elsewhere. */
  flow: string;
  colLeft: number;
  colRight: number;
  pageHeight: number;
  x0: number;
  x1: number;
  y: number;
  /** Font size carrying most of the line's characters. */
  size: number;
  bold: boolean;
  mono: boolean;
  /** Segments of the row, left to right: more than one when the row has wide gaps (a table row, tab stops). */
  cells: Segment[];
  text: string;
}

/** Gap between two runs of a row, in font sizes, above which they are separate segments (columns, cells). */
const SEGMENT_GAP = 0.9;

const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

/** Ligature glyphs spelled out, every kind of space made a plain one, soft hyphens and zero-width marks gone. */
export function normaliseRunText(text: string): string {
  return text
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, (c) => (c === '\u3000' ? '\u3000' : ' '))
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\u00AD(?=.)/g, '');
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** Text of runs on one row, with a space wherever the runs leave a gap and none is written. */
export function joinRuns(runs: readonly TextRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    const gap = run.x - end;
    if (text && gap > 0.15 * run.size && !/\s$/.test(text) && !/^\s/.test(run.text) && !(isCjk(text.at(-1)) && isCjk(run.text[0]))) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

function makeSegment(runs: TextRun[]): Segment {
  const weight = new Map<number, number>();
  let best = runs[0];
  for (const r of runs) {
    const k = Math.round(r.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + r.text.length);
    if (r.text.trim().length > best.text.trim().length) best = r;
  }
  const size = [...weight].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  return { runs, text: joinRuns(runs), x0: runs[0].x, x1: Math.max(...runs.map((r) => r.x + r.width)), y: best.y, size };
}

/** Runs grouped into rows by baseline, each row cut into segments at wide gaps. */
export function segmentRows(runs: readonly TextRun[]): Segment[] {
  // Whitespace runs are dropped: pdf.js writes a gap between table cells or columns as one wide space,
  // which would bridge it. Spaces come back from the gaps between the remaining runs.
  const sorted = runs
    .map((r) => ({ ...r, text: normaliseRunText(r.text) }))
    .filter((r) => r.text.trim())
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    // Superscripts and subscripts sit off the baseline by up to about half their size.
    if (row && Math.abs(run.y - row[0].y) <= 0.45 * Math.max(row[0].size, run.size)) row.push(run);
    else rows.push([run]);
  }
  const segments: Segment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: TextRun[] = [];
    let end = -Infinity;
    for (const run of row) {
      if (current.length && run.x - end > SEGMENT_GAP * Math.max(run.size, current.at(-1)!.size)) {
        pushSegment(segments, current);
        current = [];
        end = -Infinity;
      }
      current.push(run);
      end = Math.max(end, run.x + run.width);
    }
    pushSegment(segments, current);
  }
  return segments;
}

function pushSegment(segments: Segment[], runs: TextRun[]): void {
  if (runs.length) segments.push(makeSegment(runs));
}

interface Gutter {
  from: number;
  to: number;
}

/**
 * A vertical strip that text lines do not cross, with prose columns on both sides: lines on each side
 * mostly run up to the strip (a table's cells or a glossary's terms do not, so they stay rows).
 */
export function findGutter(segments: readonly Segment[]): Gutter | null {
  if (segments.length < 8) return null;
  const left = Math.min(...segments.map((s) => s.x0));
  const right = Math.max(...segments.map((s) => s.x1));
  const width = right - left;
  if (width < 100) return null;
  const coverage = new Uint16Array(Math.ceil(width) + 2);
  for (const s of segments) for (let x = Math.floor(s.x0 - left); x <= Math.ceil(s.x1 - left); x++) coverage[x]++;
  const allowed = Math.max(1, Math.round(0.06 * segments.length));
  let best: { gutter: Gutter; score: number } | null = null;
  const lo = Math.ceil(0.15 * width);
  const hi = Math.floor(0.85 * width);
  for (let x = lo; x <= hi; x++) {
    if (coverage[x] > allowed) continue;
    let end = x;
    while (end + 1 <= hi && coverage[end + 1] <= allowed) end++;
    // Inside the strip, the stretch crossed by the fewest lines: a list number hanging into the
    // gutter, or the end of a long line, does not move the middle of the gutter.
    let min = Infinity;
    for (let i = x; i <= end; i++) min = Math.min(min, coverage[i]);
    let bestFrom = x;
    let bestTo = x - 1;
    for (let i = x; i <= end; i++) {
      if (coverage[i] !== min) continue;
      let j = i;
      while (j + 1 <= end && coverage[j + 1] === min) j++;
      if (j - i > bestTo - bestFrom) [bestFrom, bestTo] = [i, j];
      i = j;
    }
    const gutter = { from: left + bestFrom, to: left + bestTo };
    x = end;
    if (gutter.to - gutter.from < 3) continue;
    const score = scoreGutter(segments, gutter, left);
    if (score > 0 && (!best || score > best.score)) best = { gutter, score };
  }
  return best?.gutter ?? null;
}

/** Which side of the gutter a segment is on; one that crosses its middle spans the columns. */
export function sideOf(s: Segment, g: Gutter): 'left' | 'right' | 'across' {
  const middle = (g.from + g.to) / 2;
  if (s.x0 < middle - 1 && s.x1 > middle + 1) return 'across';
  return (s.x0 + s.x1) / 2 < middle ? 'left' : 'right';
}

function scoreGutter(segments: readonly Segment[], g: Gutter, left: number): number {
  const l = segments.filter((s) => sideOf(s, g) === 'left');
  const r = segments.filter((s) => sideOf(s, g) === 'right');
  if (l.length < 4 || r.length < 4) return 0;
  const reach = (side: Segment[], edge: number, start: number) => side.filter((s) => s.x1 >= edge - 0.3 * (edge - start)).length / side.length;
  const rightEdge = Math.max(...r.map((s) => s.x1));
  if (reach(l, g.from, left) < 0.45 || reach(r, rightEdge, g.to) < 0.45) return 0;
  // Columns of text have one stretch of text per row on each side; a table's rows have several.
  const multi = (side: Segment[]) => {
    const rows = new Map<number, number>();
    // A bullet or a list number set apart from its text is not a cell.
    for (const s of side) if (s.text.length > 3) rows.set(Math.round(s.y), (rows.get(Math.round(s.y)) ?? 0) + 1);
    return rows.size ? [...rows.values()].filter((n) => n > 1).length / rows.size : 1;
  };
  if (multi(l) > 0.3 || multi(r) > 0.3) return 0;
  const span = (side: Segment[]) => [Math.min(...side.map((s) => s.y)), Math.max(...side.map((s) => s.y))];
  const [la, lb] = span(l);
  const [ra, rb] = span(r);
  const overlap = Math.min(lb, rb) - Math.max(la, ra);
  if (overlap < 0.4 * Math.min(lb - la, rb - ra)) return 0;
  return Math.min(l.length, r.length) + (g.to - g.from) / 100;
}

interface Region {
  flow: string;
  colLeft: number;
  colRight: number;
  segments: Segment[];
}

/** Segments in reading order: full-width bands top to bottom, and inside a band each column in turn. */
function orderRegions(segments: Segment[], flow: string, depth: number): Region[] {
  const left = Math.min(...segments.map((s) => s.x0));
  const right = Math.max(...segments.map((s) => s.x1));
  const gutter = depth < 2 ? findGutter(segments) : null;
  if (!gutter) return [{ flow, colLeft: left, colRight: right, segments }];
  const regions: Region[] = [];
  let band: Segment[] = [];
  let bandNo = 0;
  const flush = () => {
    if (!band.length) return;
    const l = band.filter((s) => sideOf(s, gutter) === 'left');
    const r = band.filter((s) => sideOf(s, gutter) === 'right');
    if (l.length) regions.push(...orderRegions(l, `${flow}.${bandNo}L`, depth + 1).map((x) => ({ ...x, colLeft: Math.min(x.colLeft, left), colRight: Math.max(x.colRight, gutter.from) })));
    if (r.length) regions.push(...orderRegions(r, `${flow}.${bandNo}R`, depth + 1).map((x) => ({ ...x, colRight: Math.max(x.colRight, right) })));
    band = [];
    bandNo++;
  };
  for (const s of [...segments].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    if (sideOf(s, gutter) === 'across') {
      flush();
      regions.push({ flow: `${flow}.${bandNo++}W`, colLeft: left, colRight: right, segments: [s] });
    } else band.push(s);
  }
  flush();
  return regions;
}

/** A page's text as lines in reading order, numbered from the top of the page. */
export function layoutPage(page: PdfPage): PdfLine[] {
  const segments = segmentRows(page.runs);
  if (!segments.length) return [];
  const lines: PdfLine[] = [];
  for (const region of orderRegions(segments, `p${page.number}`, 0)) {
    const rows: Segment[][] = [];
    for (const s of [...region.segments].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
      const row = rows.at(-1);
      if (row && Math.abs(s.y - row[0].y) <= 0.45 * Math.max(s.size, row[0].size)) row.push(s);
      else rows.push([s]);
    }
    for (const cells of rows) {
      cells.sort((a, b) => a.x0 - b.x0);
      const runs = cells.flatMap((c) => c.runs).filter((r) => r.text.trim());
      const chars = (pick: (r: TextRun) => boolean) => runs.filter(pick).reduce((n, r) => n + r.text.trim().length, 0);
      const total = chars(() => true) || 1;
      const main = makeSegment(cells.flatMap((c) => c.runs));
      lines.push({
        page: page.number,
        lineOnPage: 0,
        flow: region.flow,
        colLeft: region.colLeft,
        colRight: region.colRight,
        pageHeight: page.height,
        x0: cells[0].x0,
        x1: Math.max(...cells.map((c) => c.x1)),
        y: Math.min(...cells.map((c) => c.y)),
        size: main.size,
        bold: chars((r) => r.bold) / total >= 0.8,
        mono: chars((r) => r.mono) / total >= 0.8,
        cells,
        text: cells.map((c) => c.text).join(' '),
      });
    }
  }
  lines.forEach((l, i) => (l.lineOnPage = i + 1));
  return lines;
}
