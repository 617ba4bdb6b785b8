import type { Block, ContainerBlock } from './Block.js';
import {
  ADMONITION,
  CALLOUT,
  DETAILS_CLOSE,
  DETAILS_OPEN,
  FENCE_OPEN,
  HTML_BLOCK,
  HTML_COMMENT_OPEN,
  indentChars,
  indentWidth,
  isListMarkerLine,
  QUOTE,
  SUMMARY,
  THEMATIC_BREAK,
} from './containerSyntax.js';
import { sliceLines, stripPrefix, type NotesLines } from './NotesLines.js';
import type { ReadState } from '../rules/ReadState.js';
import { readLineStretch } from '../rules/readLineStretch.js';

/** Containers nested deeper than this are read as plain lines (hostile input, never real notes). */
const MAX_CONTAINER_DEPTH = 16;

/**
 * Splits notes lines into blocks, per region: fenced code, comments and HTML are set aside;
 * admonitions, callouts, quotes and `<details>` are containers whose bodies are read the same way;
 * Markdown lists go to remark; every other stretch of lines goes to the line rules, which recover
 * what pasted text carries without Markdown. So a file can mix Markdown and pasted text freely.
 */
export function readBlocks(lines: NotesLines, state: ReadState, depth = 0): Block[] {
  const blocks: Block[] = [];
  const n = lines.text.length;
  let stretchStart = 0;
  const flush = (end: number) => {
    if (end > stretchStart) blocks.push(...readLineStretch(sliceLines(lines, stretchStart, end), state));
  };
  const at = (i: number) => ({ line: lines.line[i], column: lines.column[i] + (lines.text[i].length - lines.text[i].trimStart().length) });
  const blankBefore = (i: number) => i === 0 || lines.text[i - 1].trim() === '';

  let i = 0;
  while (i < n) {
    const text = lines.text[i];
    const start = i;
    let end = -1;
    let block: Block | Block[] | null = null;

    const fence = FENCE_OPEN.exec(text);
    if (fence) {
      end = fenceEnd(lines.text, i, fence[1]);
      const indent = indentWidth(text);
      const body = lines.text.slice(i + 1, Math.min(end, n)).map((l) => l.slice(indentChars(l, indent)));
      block = { type: 'code', lang: fence[2] || null, text: body.join('\n'), source: at(i) };
      end = Math.min(end + 1, n);
    } else if (/^ {0,3}\$\$/.test(text) && !/\$\$\s*$/.test(text.trim().slice(2)) && (end = mathEnd(lines.text, i)) > i) {
      // A formula set apart over several lines (`$$` … `$$`) is one block, not lines of text.
      const body = lines.text.slice(i, end + 1).join('\n').trim().replace(/^\$\$/, '').replace(/\$\$$/, '');
      block = { type: 'code', lang: 'math', text: body.trim(), source: at(i) };
      end += 1;
    } else if (HTML_COMMENT_OPEN.test(text)) {
      end = commentEnd(lines.text, i) + 1;
      block = { type: 'skipped', source: at(i) };
    } else if (depth < MAX_CONTAINER_DEPTH && DETAILS_OPEN.test(text)) {
      const read = readDetails(lines, i, state, depth);
      end = read.end;
      block = read.block;
    } else if (depth < MAX_CONTAINER_DEPTH && ADMONITION.test(text)) {
      const read = readAdmonition(lines, i, state, depth);
      end = read.end;
      block = read.block;
    } else if (depth < MAX_CONTAINER_DEPTH && QUOTE.test(text)) {
      end = i;
      while (end < n && QUOTE.test(lines.text[end])) end++;
      block = readQuote(sliceLines(lines, i, end), state, depth);
    } else if (isListMarkerLine(text, state.structured) && !(state.structured && indentWidth(text) >= 4 && blankBefore(i))) {
      end = listEnd(lines.text, i, state.structured, state.structured);
      flush(start);
      state.lists.add(sliceLines(lines, i, end), blocks);
      i = end;
      stretchStart = i;
      continue;
    } else if (state.structured && indentWidth(text) >= 4 && text.trim() !== '' && blankBefore(i)) {
      end = i;
      while (end < n && (indentWidth(lines.text[end]) >= 4 || (lines.text[end].trim() === '' && end + 1 < n && indentWidth(lines.text[end + 1]) >= 4))) end++;
      block = { type: 'code', lang: null, text: lines.text.slice(i, end).map((l) => l.slice(indentChars(l, 4))).join('\n'), source: at(i) };
    } else if (HTML_BLOCK.test(text)) {
      end = i;
      while (end < n && lines.text[end].trim() !== '') end++;
      block = { type: 'skipped', source: at(i) };
    }

    if (block === null) {
      i++;
      continue;
    }
    if (!Array.isArray(block) && (block.type === 'code' || block.type === 'skipped')) for (let k = start; k < Math.max(end, start + 1); k++) state.literalLines.add(lines.line[k]);
    flush(start);
    if (Array.isArray(block)) blocks.push(...block);
    else blocks.push(block);
    i = Math.max(end, start + 1);
    stretchStart = i;
  }
  flush(n);
  return blocks;
}

/** Index of the closing fence line (or `lines.length` when the fence is never closed). */
function fenceEnd(lines: readonly string[], open: number, marker: string): number {
  const ch = marker[0];
  for (let j = open + 1; j < lines.length; j++) {
    const t = lines[j].trim();
    if (indentWidth(lines[j]) < 4 && t.length >= marker.length && t[0] === ch && isRunOf(t, ch)) return j;
  }
  return lines.length;
}

/** Index of the line closing a `$$` block opened at `open` (a blank line or 200 lines end the search: -1). */
function mathEnd(lines: readonly string[], open: number): number {
  for (let j = open + 1; j < lines.length && j - open <= 200; j++) {
    if (lines[j].trim() === '') return -1;
    if (/\$\$\s*$/.test(lines[j])) return j;
  }
  return -1;
}

function isRunOf(text: string, ch: string): boolean {
  for (const c of text) if (c !== ch) return false;
  return true;
}

function commentEnd(lines: readonly string[], open: number): number {
  const first = lines[open].indexOf('<!--');
  if (lines[open].indexOf('-->', first + 4) >= 0) return open;
  for (let j = open + 1; j < lines.length; j++) if (lines[j].includes('-->')) return j;
  return lines.length - 1;
}

/**
 * A list region ends at a blank line followed by a line that neither starts an item nor is
 * indented. An unindented line right after an item continues it lazily, as CommonMark says, in
 * notes written in Markdown (`lazy`); in pasted text such a line starts something new.
 */
function listEnd(lines: readonly string[], start: number, ordered: boolean, lazy: boolean): number {
  let j = start + 1;
  while (j < lines.length) {
    const t = lines[j];
    if (t.trim() === '') {
      let k = j + 1;
      while (k < lines.length && lines[k].trim() === '') k++;
      if (k < lines.length && (isListMarkerLine(lines[k], ordered) || indentWidth(lines[k]) >= 2)) {
        j = k;
        continue;
      }
      return j;
    }
    if (isListMarkerLine(t, ordered) || indentWidth(t) >= 1) {
      // An indented code fence inside an item runs to its closing fence, blank lines included.
      const fence = FENCE_OPEN.exec(t);
      if (fence && indentWidth(t) >= 1) j = Math.min(fenceEnd(lines, j, fence[1]), lines.length - 1);
      j++;
      continue;
    }
    if (lazy && lines[j - 1].trim() !== '' && !INTERRUPTS.test(t) && !THEMATIC_BREAK.test(t) && !ADMONITION.test(t)) {
      j++;
      continue;
    }
    return j;
  }
  return lines.length;
}

/** Lines that start a block of their own, so they never continue an item's paragraph lazily. */
const INTERRUPTS = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|\||`{3,}|~{3,}|<|[?？]{1,2}[ \t]*$|\{\{|\{%)/;

function readQuote(lines: NotesLines, state: ReadState, depth: number): ContainerBlock {
  const inner = stripPrefix(lines, (t) => {
    const m = /^ {0,3}> ?/.exec(t);
    return m ? m[0].length : 0;
  });
  const source = { line: lines.line[0], column: lines.column[0] + indentWidth(lines.text[0]) };
  const callout = CALLOUT.exec(inner.text[0].trim());
  if (callout) {
    const body = sliceLines(inner, 1, inner.text.length);
    const children = readBlocks(body, state, depth + 1);
    if (children.length === 0) state.warn(`callout [!${callout[1]}] has no body`, source, 'empty-container');
    return { type: 'container', kind: 'callout', label: callout[1].toLowerCase(), title: callout[3].trim(), collapsible: callout[2] !== '', children, source };
  }
  return { type: 'container', kind: 'quote', label: '', title: '', collapsible: false, children: readBlocks(inner, state, depth + 1), source };
}

function readAdmonition(lines: NotesLines, open: number, state: ReadState, depth: number): { end: number; block: ContainerBlock } {
  const m = ADMONITION.exec(lines.text[open])!;
  let end = open + 1;
  let last = open;
  while (end < lines.text.length) {
    const t = lines.text[end];
    if (t.trim() === '') {
      end++;
      continue;
    }
    if (indentWidth(t) < 4) break;
    last = end;
    end++;
  }
  const body = stripPrefix(sliceLines(lines, open + 1, last + 1), (t) => indentChars(t, 4));
  const source = { line: lines.line[open], column: lines.column[open] };
  const children = readBlocks(body, state, depth + 1);
  if (children.length === 0) state.warn(`admonition "${m[2]}" has no body`, source, 'empty-container');
  const title = (m[3] ?? m[4] ?? '').trim();
  return { end: last + 1, block: { type: 'container', kind: 'admonition', label: m[2].toLowerCase(), title, collapsible: m[1] !== '!!!', children, source } };
}

function readDetails(lines: NotesLines, open: number, state: ReadState, depth: number): { end: number; block: ContainerBlock } {
  const source = { line: lines.line[open], column: lines.column[open] };
  let nesting = 0;
  let close = -1;
  for (let j = open; j < lines.text.length; j++) {
    const t = lines.text[j];
    if (j > open && DETAILS_OPEN.test(t)) nesting++;
    if (DETAILS_CLOSE.test(t)) {
      if (nesting === 0) {
        close = j;
        break;
      }
      nesting--;
    }
  }
  if (close < 0) state.warn('<details> is never closed; its body runs to the end of the notes', source, 'unclosed-details');
  const end = close < 0 ? lines.text.length : close;
  let title = '';
  const body = sliceLines(lines, open, end + (close < 0 ? 0 : 1));
  // The opening tag, its summary and the closing tag are not notes: removed, the rest of their lines kept.
  body.text[0] = body.text[0].replace(/<details[^>]{0,200}>/i, '');
  if (close >= 0) body.text[body.text.length - 1] = body.text[body.text.length - 1].replace(DETAILS_CLOSE, '');
  for (let j = 0; j < body.text.length && j < 3; j++) {
    const summary = SUMMARY.exec(body.text[j]);
    if (summary) {
      title = summary[1].trim();
      body.text[j] = body.text[j].replace(SUMMARY, '');
      break;
    }
  }
  for (let j = 0; j < body.text.length; j++) if (body.text[j].trim() === '') body.text[j] = '';
  const children = readBlocks(body, state, depth + 1);
  if (children.length === 0) state.warn('<details> has no body', source, 'empty-container');
  return { end: end + 1, block: { type: 'container', kind: 'details', label: '', title, collapsible: true, children, source } };
}
