import type { List, ListItem as MdListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourcePosition } from '../../model/StudyDocument.js';
import { stripInline } from '../stripInline.js';
import type { Block, ListBlock, ListItem, SourceLine } from './Block.js';
import { BULLET_MARKER, indentWidth, ORDERED_MARKER } from './containerSyntax.js';
import { sliceLines, type NotesLines } from './NotesLines.js';
import { readSimpleList } from './readSimpleList.js';
import { remarkBlocksOnly } from './remarkBlocksOnly.js';

const processor = unified().use(remarkParse).use(remarkBlocksOnly);

/**
 * Lines per remark call. remark's list handling grows faster than the list, so a long list is cut
 * before a top-level item (one long list becomes several, which reads the same).
 */
const CHUNK_LINES = 120;
/** Nested markers on one line beyond which the rest of the line is plain text (hostile input). */
const MAX_MARKERS = 12;
const MAX_INDENT = 128;
const MAX_LIST_DEPTH = 12;
const TASK_BOX = /^\[([ xX])\][ \t]+/;

type Warn = (message: string, source: SourcePosition, ruleId: string) => void;

interface Region {
  lines: NotesLines;
  target: Block[];
  index: number;
  found: Block[];
}

/**
 * The Markdown list regions of one document, read with remark together: regions are joined with a
 * comment line between them (which ends a list) and parsed in pieces of about CHUNK_LINES lines, so
 * a document costs a few remark calls rather than one per list. Each region holds a placeholder in
 * its block list until `resolve` puts the list blocks there.
 */
export class ListBatch {
  private readonly regions: Region[] = [];

  constructor(
    private readonly warn: Warn,
    private readonly chunkLines = CHUNK_LINES,
    /** Read simple lists without remark (off only for the test that compares both readings). */
    private readonly simpleLists = true,
  ) {}

  add(lines: NotesLines, target: Block[]): void {
    const simple = this.simpleLists ? readSimpleList(lines) : null;
    if (simple) {
      target.push(...simple);
      return;
    }
    const defused = { ...lines, text: defuse(lines, this.warn) };
    target.push({ type: 'skipped', source: { line: lines.line[0], column: lines.column[0] } });
    this.regions.push({ lines: defused, target, index: target.length - 1, found: [] });
  }

  resolve(): void {
    let chunk: NotesLines = { text: [], line: [], column: [] };
    let owner: number[] = [];
    const flush = () => {
      if (chunk.text.length === 0) return;
      const tree = processor.parse(chunk.text.join('\n')) as Root;
      const reader = new TreeReader(chunk);
      for (const node of tree.children) {
        const r = owner[(node.position?.start.line ?? 1) - 1] ?? -1;
        if (r >= 0) reader.block(node, this.regions[r].found, 0);
      }
      chunk = { text: [], line: [], column: [] };
      owner = [];
    };
    this.regions.forEach((region, r) => {
      for (const piece of pieces(region.lines, this.chunkLines)) {
        if (chunk.text.length) {
          // A comment line at the margin ends any open list, so regions never merge.
          for (const sep of ['', '<!---->', '']) {
            chunk.text.push(sep);
            chunk.line.push(piece.line[0]);
            chunk.column.push(1);
            owner.push(-1);
          }
        }
        for (let k = 0; k < piece.text.length; k++) {
          chunk.text.push(piece.text[k]);
          chunk.line.push(piece.line[k]);
          chunk.column.push(piece.column[k]);
          owner.push(r);
        }
        if (chunk.text.length >= this.chunkLines) flush();
      }
    });
    flush();
    // Later placeholders first, so the indexes of earlier ones in the same list stay right.
    for (let r = this.regions.length - 1; r >= 0; r--) {
      const region = this.regions[r];
      region.target.splice(region.index, 1, ...region.found);
    }
    this.regions.length = 0;
  }
}

/** A region cut before top-level items every `size` lines: remark's list handling grows faster than the list. */
function* pieces(lines: NotesLines, size: number): Generator<NotesLines> {
  const topIndent = indentWidth(lines.text[0]);
  let start = 0;
  for (let i = 1; i <= lines.text.length; i++) {
    const cut = i === lines.text.length || (i - start >= size && indentWidth(lines.text[i]) <= topIndent && isItemStart(lines.text[i]));
    if (!cut) continue;
    yield sliceLines(lines, start, i);
    start = i;
  }
}

function isItemStart(line: string): boolean {
  return BULLET_MARKER.test(line) || ORDERED_MARKER.test(line);
}

/**
 * remark nests one container per marker and recurses over them: thousands of markers on a line
 * would overflow the stack. A line with more than MAX_MARKERS keeps its first ones; the rest of the
 * markers become blanks (same width, so columns hold), and a warning names the line.
 */
function defuse(lines: NotesLines, warn: Warn): string[] {
  return lines.text.map((line, i) => {
    let out = line;
    let markers = 0;
    let k = 0;
    while (k < out.length) {
      while (k < out.length && (out[k] === ' ' || out[k] === '\t')) k++;
      const ch = out[k];
      let next = k;
      if (ch === '-' || ch === '*' || ch === '+' || ch === '>') next = k + 1;
      else {
        let d = k;
        while (d < out.length && d - k < 9 && out[d] >= '0' && out[d] <= '9') d++;
        if (d > k && (out[d] === '.' || out[d] === ')')) next = d + 1;
      }
      if (next === k || (next < out.length && out[next] !== ' ' && out[next] !== '\t')) break;
      markers++;
      if (markers > MAX_MARKERS) {
        out = out.slice(0, k) + out.slice(k, next).replace(/\S/g, ' ') + out.slice(next);
      }
      k = next;
    }
    if (indentWidth(out) > MAX_INDENT) out = ' '.repeat(MAX_INDENT) + out.trimStart();
    if (out !== line) warn('line defused: nesting or indentation beyond what notes use', { line: lines.line[i], column: lines.column[i] }, 'markdown-defused');
    return out;
  });
}

class TreeReader {
  constructor(private readonly lines: NotesLines) {}

  private position(line: number, column: number): SourcePosition {
    const i = Math.min(line - 1, this.lines.text.length - 1);
    return { line: this.lines.line[i], column: this.lines.column[i] + column - 1 };
  }

  private start(node: Nodes): SourcePosition {
    const p = node.position?.start ?? { line: 1, column: 1 };
    return this.position(p.line, p.column);
  }

  /** The source lines of a paragraph, without the list, quote or indent prefixes. */
  paragraphLines(node: Paragraph): SourceLine[] {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) return [];
    const out: SourceLine[] = [];
    for (let l = start.line; l <= end.line; l++) {
      const raw = this.lines.text[l - 1] ?? '';
      let from: number;
      if (l === start.line) from = start.column - 1;
      else from = /^(?:[ \t]*>)*[ \t]*/.exec(raw)![0].length;
      const to = l === end.line ? end.column - 1 : raw.length;
      let text = raw.slice(from, to).trimEnd();
      if (text.endsWith('\\')) text = text.slice(0, -1);
      const lead = text.length - text.trimStart().length;
      if (text.trim()) out.push({ text: text.trim(), source: this.position(l, from + lead + 1) });
    }
    return out;
  }

  block(node: RootContent, out: Block[], depth: number): void {
    switch (node.type) {
      case 'list':
        out.push(this.list(node, depth));
        return;
      case 'paragraph': {
        const lines = this.paragraphLines(node);
        if (lines.length) out.push({ type: 'paragraph', lines });
        return;
      }
      case 'heading': {
        const lines = node.position ? this.lines.text[node.position.start.line - 1] ?? '' : '';
        const text = stripInline(lines.replace(/^[ \t]*#{1,6}[ \t]*/, '').replace(/[ \t]#+[ \t]*$/, ''));
        if (text) out.push({ type: 'heading', text, raw: lines.replace(/^[ \t]*#{1,6}[ \t]*/, '').replace(/[ \t]#+[ \t]*$/, '').trim(), depth: node.depth, source: this.start(node) });
        return;
      }
      case 'code':
        out.push({ type: 'code', lang: node.lang ?? null, text: node.value, source: this.start(node) });
        return;
      case 'blockquote': {
        const children: Block[] = [];
        for (const child of node.children) this.block(child, children, depth);
        out.push({ type: 'container', kind: 'quote', label: '', title: '', collapsible: false, children, source: this.start(node) });
        return;
      }
      case 'thematicBreak':
        out.push({ type: 'break', source: this.start(node) });
        return;
      default:
        out.push({ type: 'skipped', source: this.start(node) });
    }
  }

  private list(node: List, depth: number): ListBlock {
    return { type: 'list', ordered: node.ordered === true, items: node.children.map((item) => this.item(item, depth)), source: this.start(node) };
  }

  private item(node: MdListItem, depth: number): ListItem {
    const [first, ...rest] = node.children;
    let lines: SourceLine[] = [];
    const children: Block[] = [];
    if (first?.type === 'paragraph') lines = this.paragraphLines(first);
    else if (first) this.block(first, children, depth + 1);
    let checked: boolean | null = null;
    const box = lines.length ? TASK_BOX.exec(lines[0].text) : null;
    if (box) {
      checked = box[1] !== ' ';
      const rest0 = lines[0].text.slice(box[0].length);
      lines = rest0.trim() ? [{ text: rest0.trim(), source: { ...lines[0].source, column: lines[0].source.column + box[0].length } }, ...lines.slice(1)] : lines.slice(1);
    }
    for (const child of rest) {
      // Lists nested past MAX_LIST_DEPTH fold into their ancestor's item as plain lines.
      if (child.type === 'list' && depth + 1 >= MAX_LIST_DEPTH) {
        for (const sub of child.children) lines.push(...sub.children.flatMap((c) => (c.type === 'paragraph' ? this.paragraphLines(c) : [])));
        continue;
      }
      this.block(child, children, depth + 1);
    }
    const line = node.position ? (this.lines.text[node.position.start.line - 1] ?? '') : '';
    const marker = /^[ \t>]*([-*+]|\d{1,9}[.)])/.exec(line.slice(Math.max(0, (node.position?.start.column ?? 1) - 1)))?.[1] ?? '-';
    return { lines, checked, marker, children, source: this.start(node) };
  }
}
