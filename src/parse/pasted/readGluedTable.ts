export interface PastedTable {
  header: string[];
  rows: string[][];
  /** Number of lines the table takes. */
  length: number;
}

const DELIMITER = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

function fit(cells: string[], width: number): string[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}

/**
 * A GFM table glued to the text around it: header row, delimiter row, then rows for as long as lines
 * look like rows (a leading pipe when the header had one, else at least one pipe). The first line
 * that is not a row ends the table, instead of becoming a row as it would in GFM.
 */
export function readPipeTable(lines: readonly string[], start: number): PastedTable | null {
  const head = lines[start];
  if (!head || !head.includes('|') || start + 1 >= lines.length || head.length > 20000) return null;
  const delimiter = lines[start + 1];
  if (!delimiter.includes('-') || !DELIMITER.test(delimiter)) return null;
  const header = splitRow(head);
  if (header.length < 1 || header.every((c) => c === '')) return null;
  const leadingPipe = head.trim().startsWith('|');
  const rows: string[][] = [];
  let i = start + 2;
  for (; i < lines.length; i++) {
    const t = lines[i].trim();
    if (!t || (leadingPipe ? !t.startsWith('|') : !t.includes('|')) || DELIMITER.test(t)) break;
    rows.push(fit(splitRow(t), header.length));
  }
  return { header, rows, length: i - start };
}

/** Cells of a line copied from an HTML or spreadsheet table: tab-separated, two or more. */
function tabCells(line: string): string[] | null {
  if (!line.includes('\t') || line.length > 20000) return null;
  const cells = line.trim().split(/\t+/).map((c) => c.trim());
  // `●<tab>Item`: a bullet copied from a word processor, not a cell.
  if (/^[^\p{L}\p{N}]{1,2}$/u.test(cells[0] ?? '')) return null;
  return cells.length >= 2 && cells.every((c) => c.length > 0) ? cells : null;
}

/**
 * Two lines of two tab-separated cells whose first row is no header (its second cell is a phrase of
 * more than three words): a flashcard export, `term<TAB>definition` per line.
 */
export function isTermList(table: PastedTable): boolean {
  return table.header.length === 2 && table.header[1].split(/\s+/).length > 3;
}

/** Two or more consecutive lines with the same number of tab-separated cells: the first is the header. */
export function readTabTable(lines: readonly string[], start: number): PastedTable | null {
  const header = tabCells(lines[start] ?? '');
  if (!header) return null;
  const rows: string[][] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const cells = tabCells(lines[i]);
    if (!cells || cells.length !== header.length) break;
    rows.push(cells);
  }
  return rows.length ? { header, rows, length: i - start } : null;
}
