import type { List, ListItem as MdListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourcePosition } from '../../model/StudyDocument.js';
import { stripInline } from '../stripInline.js';
import type { Block, ListBlock, ListItem, SourceLine } from './Block.js';
import { BULLET_MARKER, indentWidth, ORDERED_MARKER } from './containerSyntax.js';
import { sliceLines, type NotesLines } from './NotesLines.js';
import { remarkBlocksOnly } from './remarkBlocksOnly.js';
import type { ReadState } from '../rules/ReadState.js';

const processor = unified().use(remarkParse).use(remarkBlocksOnly);

/**
 * remark's list handling grows faster than the list: a region is parsed in pieces of about this
 * many lines, cut before a top-level item (one long list becomes several, which reads the same).
 */
const CHUNK_LINES = 120;
/** Nested markers on one line beyond which the rest of the line is plain text (hostile input). */
const MAX_MARKERS = 32;
const MAX_INDENT = 128;
const MAX_LIST_DEPTH = 12;
const TASK_BOX = /^\[([ xX])\][ \t]+/;

/** A Markdown list region (one or more lists) read with remark into list blocks. */
export function readListRegion(lines: NotesLines, state: ReadState, chunkLines = CHUNK_LINES): Block[] {
  const text = defuse(lines, state);
  const blocks: Block[] = [];
  const topIndent = indentWidth(text[0]);
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    const cut = i === text.length || (i - start >= chunkLines && indentWidth(text[i]) <= topIndent && isItemStart(text[i]));
    if (!cut) continue;
    const chunk = sliceLines({ ...lines, text }, start, i);
    const tree = processor.parse(chunk.text.join('\n')) as Root;
    const reader = new TreeReader(chunk);
    for (const node of tree.children) reader.block(node, blocks, 0);
    start = i;
  }
  return blocks;
}

function isItemStart(line: string): boolean {
  return BULLET_MARKER.test(line) || ORDERED_MARKER.test(line);
}

/**
 * remark nests one container per marker and recurses over them: thousands of markers on a line
 * would overflow the stack. A line with more than MAX_MARKERS keeps its first ones; the rest of the
 * markers become blanks (same width, so columns hold), and a warning names the line.
 */
function defuse(lines: NotesLines, state: ReadState): string[] {
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
    if (out !== line) state.warn('line defused: nesting or indentation beyond what notes use', { line: lines.line[i], column: lines.column[i] }, 'markdown-defused');
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
        if (text) out.push({ type: 'heading', text, depth: node.depth, source: this.start(node) });
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
