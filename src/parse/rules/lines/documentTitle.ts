import { hasCardSyntax, isTitleLike, matchNumberedHeading } from '../../pasted/matchBareHeading.js';
import { matchTreeLine } from '../../pasted/readDrawnTree.js';
import { readPipeTable, readTabTable } from '../../pasted/readGluedTable.js';
import type { LineStretch } from '../LineStretch.js';
import type { LineRule } from '../Rule.js';

/**
 * `BIO 101 – Lecture 3: Cell Division`: on the first line, a dash or colon followed by a capitalised
 * part is a title and its subtitle, not a term and its definition (those go on in lower case).
 */
function isTitleWithSubtitle(text: string): boolean {
  if (text.length > 100 || /[.。!！?？;；,，]$/.test(text) || text.split(/\s+/).length > 10) return false;
  const parts = text.split(/\s+[—–-]\s+|[:：]\s+/);
  return parts.length >= 2 && parts.slice(1).every((p) => /^[\p{Lu}\p{N}]/u.test(p)) && /^[\p{Lu}\p{N}]/u.test(parts[0]);
}

/** A short plain line that is neither structure nor heading evidence of its own. */
export function isLooseShortLine(stretch: LineStretch, j: number): boolean {
  if (j < 0 || hasCardSyntax(stretch.text(j))) return false;
  const text = stretch.plain(j);
  return isTitleLike(text) && !startsStructure(stretch, j) && !matchNumberedHeading(text);
}

export function startsStructure(stretch: LineStretch, i: number): boolean {
  const lines = stretch.lines.text;
  return Boolean(readPipeTable(lines, i) || readTabTable(lines, i) || matchTreeLine(lines[i] ?? '') || (i + 1 < lines.length && matchTreeLine(lines[i + 1])));
}

/**
 * In notes without headings of their own, the first line names the document when it reads as a
 * title (or was a document name with a site suffix), unless it heads a tree, a table or a bare list.
 */
export const documentTitle: LineRule = {
  name: 'document-title',
  stage: 'lines',
  read(stretch, i) {
    const state = stretch.state;
    if (!state.atStart || state.structured) return 0;
    state.atStart = false;
    const text = stretch.plain(i);
    if (hasCardSyntax(stretch.text(i))) return 0;
    const named = state.titleLine !== null && stretch.lines.line[i] === state.titleLine;
    if (!named) {
      const next = stretch.nextNonBlank(i);
      if (next < 0 || isLooseShortLine(stretch, next)) return 0;
      if (!isTitleLike(text) && !isTitleWithSubtitle(text)) return 0;
      if ((next === i + 1 && matchTreeLine(stretch.text(next))) || readPipeTable(stretch.lines.text, i)) return 0;
      if (/^[?？]{1,2}$/.test(stretch.text(next).trim())) return 0;
    }
    if (!text) return 0;
    state.title = text;
    stretch.heading(i, text, 1, false);
    state.baseDepth = 1;
    return 1;
  },
};
