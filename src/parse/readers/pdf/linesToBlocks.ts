import type { List, ListItem, PhrasingContent, Table, TableRow } from 'mdast';
import type { LineOrigin } from '../Reader.js';
import type { MarkdownBlock } from '../writeMarkdown.js';
import type { TextRun } from './loadPdfPages.js';
import { isCjk, normaliseRunText, type PdfLine } from './layoutPage.js';

/** What the lines of a PDF say about its typography: the body size, the heading sizes and the leading. */
export interface Typography {
  body: number;
  /** Heading sizes, largest first: index + 1 is the heading depth. */
  headingSizes: number[];
  /** Baseline distance ÷ font size between two lines of one paragraph. */
  leading: number;
}

const round = (n: number) => Math.round(n * 2) / 2;
const chars = (l: PdfLine) => l.text.replace(/\s/g, '').length;

/** Body size = the size most characters are set in; headings = short lines set clearly larger. */
export function measureTypography(lines: readonly PdfLine[]): Typography {
  const weight = new Map<number, number>();
  for (const l of lines) if (!l.mono) weight.set(round(l.size), (weight.get(round(l.size)) ?? 0) + chars(l));
  const body = [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 10;
  const headingSizes = [...new Set(lines.filter((l) => isSizeHeading(l, body)).map((l) => round(l.size)))].sort((a, b) => b - a).slice(0, 5);
  const ratios = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const [p, l] = [lines[i - 1], lines[i]];
    if (p.flow !== l.flow || Math.abs(p.size - l.size) > 0.5 || Math.abs(round(l.size) - body) > 0.5) continue;
    const r = Math.round(((l.y - p.y) / l.size) * 20) / 20;
    if (r >= 0.9 && r <= 2.5) ratios.set(r, (ratios.get(r) ?? 0) + 1);
  }
  // The tightest spacing that recurs is the one inside paragraphs; wider ones separate paragraphs,
  // and in notes of one-line paragraphs they may well be the most frequent.
  const pairs = [...ratios.values()].reduce((a, b) => a + b, 0);
  const leading = [...ratios].sort((a, b) => a[0] - b[0]).find(([, n]) => n >= Math.max(2, 0.05 * pairs))?.[0] ?? 1.2;
  return { body, headingSizes, leading };
}

function isSizeHeading(l: PdfLine, body: number): boolean {
  return l.size >= body * 1.12 && l.text.length <= 160 && /\p{L}/u.test(l.text) && !l.mono;
}

// Symbol-font bullets come out in the private use area (Word's \uF0B7, LibreOffice's OpenSymbol).
const BULLET = /^(?:[•◦▪▫■□●○◆◇►▸‣⁃∙·➢➤✓✔❖\uE000-\uF8FF]|[-–—*+o](?=\s))\s*/u;
const NUMBERED = /^(\d{1,3})[.)](?=\s+\S)\s*/;
/** A row that is a table-of-contents entry (dotted leader), never a table row. */
const LEADER = /(?:\.\s?){4,}|…{2,}/;

type Marker = { kind: 'bullet' } | { kind: 'number'; n: number } | null;

function markerOf(text: string): Marker {
  if (BULLET.test(text)) return { kind: 'bullet' };
  const m = NUMBERED.exec(text);
  if (m) return { kind: 'number', n: Number(m[1]) };
  return null;
}

interface SoftLine {
  nodes: PhrasingContent[];
  origin: LineOrigin;
}

type Pending =
  | { kind: 'heading'; depth: number; text: string; origin: LineOrigin; last: PdfLine }
  | { kind: 'paragraph'; lines: SoftLine[]; last: PdfLine }
  | { kind: 'list'; ordered: boolean; next: number; items: { level: number; lines: SoftLine[]; textX: number; answers: number }[]; stack: number[]; last: PdfLine }
  | { kind: 'code'; rows: { line: PdfLine; origin: LineOrigin }[]; last: PdfLine }
  | { kind: 'table'; draft: TableDraft; last: PdfLine };

/**
 * The lines of a PDF, in reading order and without its page furniture, as Markdown blocks: headings
 * from size and weight, paragraphs whose wrapped lines are joined again (hyphenation undone), lists
 * from bullets, numbers and indentation, code from monospaced lines, tables from aligned cells.
 */
export function linesToBlocks(lines: readonly PdfLine[], type: Typography): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const tables = findTables(lines, type);
  let pending: Pending | null = null;
  const flush = () => {
    if (pending) blocks.push(toBlock(pending));
    pending = null;
  };
  const leadingOf = (l: PdfLine) => type.leading * l.size;

  for (const line of lines) {
    const origin: LineOrigin = { line: line.lineOnPage, page: line.page };
    const prev: PdfLine | undefined = (pending as Pending | null)?.last;
    const gap = prev && prev.flow === line.flow ? line.y - prev.y : Infinity;
    const near = gap <= leadingOf(line) * 1.4 && Math.abs(line.size - (prev?.size ?? 0)) <= 0.5;
    const depth = headingDepth(line, type);

    if (line.mono) {
      if (pending?.kind === 'code' && (gap <= leadingOf(line) * 2.5 || continuesFlow(prev!, line))) pending.rows.push({ line, origin });
      else {
        flush();
        pending = { kind: 'code', rows: [{ line, origin }], last: line };
      }
      pending.last = line;
      continue;
    }
    const table = tables.get(line);
    if (table) {
      if (pending?.kind !== 'table' || pending.draft !== table) {
        flush();
        pending = { kind: 'table', draft: table, last: line };
      }
      pending.last = line;
      continue;
    }
    if (depth) {
      if (pending?.kind === 'heading' && pending.depth === depth && gap <= line.size * 1.8) {
        pending.text = joinText(pending.text, line.text);
      } else {
        flush();
        pending = { kind: 'heading', depth, text: line.text, origin, last: line };
      }
      pending.last = line;
      continue;
    }

    const marker = markerOf(line.text);
    const nodes = inlineOf(line);
    if (marker) {
      stripMarker(nodes);
      const ordered = marker.kind === 'number';
      const sameList = pending?.kind === 'list' && pending.ordered === ordered && (gap <= leadingOf(line) * 2.2 || continuesFlow(prev!, line)) && (!ordered || marker.n === pending.next);
      if (!sameList) {
        flush();
        pending = { kind: 'list', ordered, next: ordered ? (marker as { n: number }).n : 1, items: [], stack: [indentOf(line)], last: line };
      }
      const list = pending as Extract<Pending, { kind: 'list' }>;
      // Indentation counts from the column's left edge, so that a list going on in the next column keeps its levels.
      const x = indentOf(line);
      while (list.stack.length > 1 && x < list.stack.at(-1)! - 3) list.stack.pop();
      if (x > list.stack.at(-1)! + 3) list.stack.push(x);
      list.items.push({ level: list.stack.length - 1, lines: [{ nodes, origin }], textX: textStart(line) - line.colLeft, answers: 0 });
      if (ordered) list.next = (marker as { n: number }).n + 1;
      list.last = line;
      continue;
    }

    if (pending?.kind === 'list') {
      const item = pending.items.at(-1)!;
      const hanging = Math.abs(indentOf(line) - item.textX) <= 0.6 * line.size || indentOf(line) > pending.stack[0] + 0.6 * line.size;
      const indentedInNewColumn = prev!.flow !== line.flow && line.x0 > line.colLeft + 0.6 * line.size && Math.abs(line.size - prev!.size) <= 0.5;
      // A wrapped line of the item: under its text (hanging indent), or anywhere when the line above was full.
      const wrapped = near && isFull(prev!, line);
      if ((near && hanging) || wrapped || continuesFlow(prev!, line) || indentedInNewColumn) {
        appendLine(item.lines, nodes, origin, isFull(prev!, line) || continuesFlow(prev!, line));
        pending.last = line;
        continue;
      }
      // A numbered question whose answer is set as paragraphs under it (an FAQ): the answer's
      // paragraphs go with the question, up to the next number, as the lines of its item.
      const question = pending.ordered && /[?？]$/.test(item.lines[0].nodes.map(textOf).join('').trim());
      if (question && item.answers < 6 && (gap <= leadingOf(line) * 2.6 || prev!.flow !== line.flow)) {
        item.lines.push({ nodes, origin });
        item.answers++;
        pending.last = line;
        continue;
      }
    }
    if (pending?.kind === 'paragraph') {
      const indented = line.x0 - prev!.x0 > 1.2 * line.size && prev!.x0 <= line.colLeft + 2;
      if ((near && !indented) || continuesFlow(prev!, line)) {
        appendLine(pending.lines, nodes, origin, isFull(prev!, line) || (prev!.flow !== line.flow));
        pending.last = line;
        continue;
      }
    }
    flush();
    pending = { kind: 'paragraph', lines: [{ nodes, origin }], last: line };
  }
  flush();
  return blocks;
}

const indentOf = (line: PdfLine) => line.x0 - line.colLeft;

function headingDepth(line: PdfLine, type: Typography): number {
  if (line.mono || markerOf(line.text)?.kind === 'bullet') return 0;
  const i = type.headingSizes.indexOf(round(line.size));
  if (i >= 0 && line.size >= type.body * 1.12) return i + 1;
  // A short line all in bold at body size, not a sentence, a lead-in or a question: the lowest heading.
  if (line.bold && Math.abs(line.size - type.body) <= 0.6 && line.text.length <= 80 && !/[.:;,?？!！。：]$/.test(line.text) && !/\s:\s|：/.test(line.text) && !NUMBERED.test(line.text)) {
    return Math.min(6, type.headingSizes.length + 1);
  }
  return 0;
}

/** A line that goes on from the end of the previous column or page: the previous one was full and this one starts in lower case. */
function continuesFlow(prev: PdfLine, line: PdfLine): boolean {
  if (prev.flow === line.flow || Math.abs(prev.size - line.size) > 0.5 || prev.mono !== line.mono) return false;
  if (markerOf(line.text)) return false;
  return isFull(prev, line) && (/^\p{Ll}/u.test(line.text) || /\p{L}-$/u.test(prev.text));
}

/** The previous line reaches the column's right edge: the next word did not fit, so the line was wrapped. */
function isFull(prev: PdfLine, line: PdfLine): boolean {
  // A question or a lead-in that happens to fill its line still ends there when a capital follows.
  if (/[?？:：]$/.test(prev.text) && /^[\p{Lu}\p{Lo}\d]/u.test(line.text)) return false;
  const perChar = (line.x1 - line.x0) / Math.max(1, line.text.length);
  const first = isCjk(line.text[0]) ? 1 : (/^\S+/.exec(line.text)?.[0].length ?? 1);
  // Capitals and wide letters run over the average width: allow for them.
  return prev.x1 >= prev.colRight - (first + 1) * perChar * 1.4 - 0.5 * line.size;
}

function textStart(line: PdfLine): number {
  const runs = line.cells.flatMap((c) => c.runs).filter((r) => r.text.trim());
  const firstText = runs.find((r) => !BULLET.test(`${r.text.trim()} `) && !/^\d{1,3}[.)]$/.test(r.text.trim()));
  return firstText && firstText !== runs[0] ? firstText.x : line.x0 + 1.5 * line.size;
}

function joinText(a: string, b: string): string {
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  if (isCjk(a.at(-1)) && isCjk(b[0])) return a + b;
  return `${a} ${b}`;
}

/** Adds a line to a block: joined to the last line when the text was wrapped, else as a new line. */
function appendLine(lines: SoftLine[], nodes: PhrasingContent[], origin: LineOrigin, wrapped: boolean): void {
  if (!wrapped) {
    lines.push({ nodes, origin });
    return;
  }
  const last = lines.at(-1)!;
  const tail = last.nodes.at(-1);
  const head = nodes[0];
  const tailText = tail ? textOf(tail) : '';
  const headText = head ? textOf(head) : '';
  if (tail?.type === 'strong' && head?.type === 'strong') {
    // A bold sentence wrapped over two lines stays one bold stretch.
    const hyphen = /\p{L}-$/u.test(tailText) && /^\p{Ll}/u.test(headText);
    const end = tail.children.at(-1);
    if (hyphen && end?.type === 'text') end.value = end.value.slice(0, -1);
    else if (!(isCjk(tailText.at(-1)) && isCjk(headText[0]))) tail.children.push({ type: 'text', value: ' ' });
    tail.children.push(...head.children);
    last.nodes.push(...nodes.slice(1));
    return;
  }
  if (/\p{L}-$/u.test(tailText) && /^\p{Ll}/u.test(headText) && tail?.type === 'text') {
    tail.value = tail.value.slice(0, -1);
  } else if (!(isCjk(tailText.at(-1)) && isCjk(headText[0]))) {
    last.nodes.push({ type: 'text', value: ' ' });
  }
  last.nodes.push(...nodes);
}

function textOf(node: PhrasingContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as PhrasingContent)).join('');
  return '';
}

/** The line's text with its bold stretches as strong nodes (definition rules look for bold terms). */
function inlineOf(line: PdfLine): PhrasingContent[] {
  const parts: { text: string; bold: boolean }[] = [];
  let end = -Infinity;
  let lastChar = '';
  for (const run of line.cells.flatMap((c) => c.runs) as TextRun[]) {
    let text = normaliseRunText(run.text);
    const gap = run.x - end;
    if (parts.length && gap > 0.15 * run.size && !/\s$/.test(lastChar) && !/^\s/.test(text) && !(isCjk(lastChar) && isCjk(text[0]))) text = ` ${text}`;
    end = Math.max(end, run.x + run.width);
    if (!text) continue;
    lastChar = text.at(-1)!;
    const bold = run.bold && Boolean(text.trim());
    const prev = parts.at(-1);
    if (prev && (prev.bold === bold || !text.trim())) prev.text += text;
    else parts.push({ text, bold });
  }
  const nodes: PhrasingContent[] = [];
  const allBold = parts.every((p) => p.bold);
  parts.forEach((p, i) => {
    let text = p.text.replace(/\s+/g, ' ');
    if (i === 0) text = text.trimStart();
    if (i === parts.length - 1) text = text.trimEnd();
    if (!p.bold || allBold) {
      if (text) nodes.push({ type: 'text', value: text });
      return;
    }
    const lead = /^\s*/.exec(text)![0];
    const trail = /\s*$/.exec(text)![0];
    const core = text.trim();
    if (lead) nodes.push({ type: 'text', value: ' ' });
    if (core) nodes.push({ type: 'strong', children: [{ type: 'text', value: core }] });
    if (trail && core) nodes.push({ type: 'text', value: ' ' });
  });
  if (allBold && nodes.length) return [{ type: 'strong', children: nodes }];
  return merge(nodes);
}

function merge(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const prev = out.at(-1);
    if (prev?.type === 'text' && n.type === 'text') prev.value = (prev.value + n.value).replace(/ {2,}/g, ' ');
    else out.push(n);
  }
  return out;
}

/** Removes the bullet or number that starts a list item's first line, whatever nodes it spans. */
function stripMarker(nodes: PhrasingContent[]): void {
  const text = nodes.map(textOf).join('');
  const m = BULLET.exec(text) ?? NUMBERED.exec(text);
  let left = m ? m[0].length : 0;
  const eat = (list: PhrasingContent[]): void => {
    while (list.length && left >= 0) {
      const first = list[0];
      if (first.type === 'text') {
        const cut = Math.min(left, first.value.length);
        first.value = first.value.slice(cut);
        left -= cut;
        if (left === 0) first.value = first.value.trimStart();
        if (first.value) return;
        list.shift();
      } else if ('children' in first) {
        eat(first.children as PhrasingContent[]);
        if (first.children.length) return;
        list.shift();
      } else return;
    }
  };
  eat(nodes);
}

function mergeMarkerCells(line: PdfLine): string[] {
  const cells = line.cells.map((c) => c.text);
  if (cells.length > 1 && (BULLET.test(`${cells[0]} `) || /^(\d{1,3}|[a-z])[.)]$/i.test(cells[0]))) return [`${cells[0]} ${cells[1]}`, ...cells.slice(2)];
  return cells;
}

/** A table found in the lines: its column starts and, per line, the row it starts or continues. */
interface TableDraft {
  columns: number[];
  rows: { cells: string[]; origin: LineOrigin }[];
}

const isRowCandidate = (l: PdfLine) => mergeMarkerCells(l).length >= 2 && !l.mono && !LEADER.test(l.text);

/**
 * Tables: a row of two or more cells (segments apart by a wide gap) fixes the column starts; the lines
 * after it whose every run falls inside one column belong to the table, as a new row when they have
 * text in the first column, else as the wrapped rest of the row above. Two rows at least, each with
 * two cells or more. A bullet or number set apart by a tab is not a cell, and a dotted leader is a
 * table of contents, not a table.
 */
function findTables(lines: readonly PdfLine[], type: Typography): Map<PdfLine, TableDraft> {
  const found = new Map<PdfLine, TableDraft>();
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    if (!isRowCandidate(first) || found.has(first)) continue;
    const skip = first.cells.length - mergeMarkerCells(first).length;
    const columns = first.cells.slice(skip).map((c) => c.x0);
    columns[0] = first.x0;
    const draft: TableDraft = { columns, rows: [] };
    const members: PdfLine[] = [];
    let wide = 0;
    for (let j = i; j < lines.length; j++) {
      const l = lines[j];
      const prev = members.at(-1);
      if (prev && (l.flow !== prev.flow || l.y - prev.y > 2.5 * type.leading * l.size || l.y <= prev.y || l.mono)) break;
      if (Math.abs(l.size - first.size) > 0.5 || headingDepth(l, type)) break;
      const cells = splitByColumns(l, columns);
      if (!cells) break;
      const origin = { line: l.lineOnPage, page: l.page };
      const startsRow = cells[0] !== '' || !draft.rows.length;
      if (startsRow) draft.rows.push({ cells, origin });
      else draft.rows.at(-1)!.cells.forEach((c, k) => (draft.rows.at(-1)!.cells[k] = cells[k] ? (c ? joinText(c, cells[k]) : cells[k]) : c));
      if (cells.filter(Boolean).length >= 2) wide++;
      members.push(l);
    }
    if (draft.rows.length >= 2 && wide >= 2) {
      for (const l of members) found.set(l, draft);
      i += members.length - 1;
    }
  }
  return found;
}

/** The line's text per column, or null when a run starts left of the table or runs across a column edge. */
function splitByColumns(line: PdfLine, columns: readonly number[]): string[] | null {
  const tolerance = 0.5 * line.size;
  const parts: TextRun[][] = columns.map(() => []);
  const runs = line.cells.flatMap((c) => c.runs);
  for (const run of runs) {
    if (run.x < columns[0] - tolerance) return null;
    let k = columns.length - 1;
    while (k > 0 && run.x < columns[k] - tolerance) k--;
    const next = columns[k + 1];
    if (next !== undefined && run.x + run.width > next + tolerance) return null;
    parts[k].push(run);
  }
  // The first column may hold a list marker apart from its text: that is still one cell.
  return parts.map((p) => joinRunTexts(p));
}

function joinRunTexts(runs: TextRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    const t = normaliseRunText(run.text);
    if (text && run.x - end > 0.15 * run.size && !(isCjk(text.at(-1)) && isCjk(t[0]))) text += ' ';
    text += t;
    end = run.x + run.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function toBlock(p: Pending): MarkdownBlock {
  switch (p.kind) {
    case 'heading':
      return { node: { type: 'heading', depth: p.depth as 1, children: [{ type: 'text', value: p.text }] }, origins: [p.origin] };
    case 'paragraph':
      return paragraphBlock(p.lines);
    case 'code':
      return codeBlock(p.rows);
    case 'table': {
      const rows = p.draft.rows;
      const width = p.draft.columns.length;
      const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.slice(0, width).map((c) => ({ type: 'tableCell', children: c ? [{ type: 'text', value: c }] : [] })) });
      const node: Table = { type: 'table', align: [], children: rows.map((r) => row(r.cells)) };
      return { node, origins: [rows[0].origin, rows[0].origin, ...rows.slice(1).map((r) => r.origin)] };
    }
    case 'list':
      return listBlock(p);
  }
}

function paragraphBlock(lines: SoftLine[]): MarkdownBlock {
  const children: PhrasingContent[] = [];
  lines.forEach((l, i) => {
    if (i) children.push({ type: 'text', value: '\n' });
    children.push(...l.nodes);
  });
  return { node: { type: 'paragraph', children: merge(children) }, origins: lines.map((l) => l.origin) };
}

function codeBlock(rows: { line: PdfLine; origin: LineOrigin }[]): MarkdownBlock {
  const left = Math.min(...rows.map((r) => r.line.x0));
  const widths = rows.flatMap((r) => r.line.cells.flatMap((c) => c.runs)).filter((r) => r.text.length > 1).map((r) => r.width / r.text.length);
  const charWidth = widths.sort((a, b) => a - b)[Math.floor(widths.length / 2)] || rows[0].line.size * 0.6;
  const value = rows.map((r) => ' '.repeat(Math.max(0, Math.round((r.line.x0 - left) / charWidth))) + codeText(r.line, charWidth)).join('\n');
  return { node: { type: 'code', lang: null, value }, origins: [rows[0].origin, ...rows.map((r) => r.origin), rows.at(-1)!.origin] };
}

/** A code line's text with the spaces its runs leave between them, measured in character widths. */
function codeText(line: PdfLine, charWidth: number): string {
  let text = '';
  let end = line.x0;
  for (const run of line.cells.flatMap((c) => c.runs)) {
    const gap = Math.round((run.x - end) / charWidth);
    if (text && gap > 0 && !/\s$/.test(text)) text += ' '.repeat(gap);
    text += normaliseRunText(run.text);
    end = run.x + run.width;
  }
  return text.trimEnd();
}

function listBlock(p: Extract<Pending, { kind: 'list' }>): MarkdownBlock {
  const root: List = { type: 'list', ordered: p.ordered, start: p.ordered ? p.next - p.items.length : undefined, spread: false, children: [] };
  const origins: LineOrigin[] = [];
  const stack: { list: List; level: number }[] = [{ list: root, level: 0 }];
  for (const item of p.items) {
    while (stack.length > 1 && item.level < stack.at(-1)!.level) stack.pop();
    let top = stack.at(-1)!;
    if (item.level > top.level) {
      const parent = top.list.children.at(-1);
      if (parent) {
        const sub: List = { type: 'list', ordered: false, spread: false, children: [] };
        parent.children.push(sub);
        stack.push({ list: sub, level: item.level });
        top = stack.at(-1)!;
      }
    }
    const para = paragraphBlock(item.lines);
    const node: ListItem = { type: 'listItem', spread: false, children: [para.node as ListItem['children'][number]] };
    top.list.children.push(node);
    origins.push(...para.origins);
  }
  return { node: root, origins };
}
