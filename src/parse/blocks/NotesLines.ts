/**
 * Lines of notes with where each one starts in the file: container prefixes (`> `, an admonition's
 * indent) are removed as blocks are read, and the columns move with them so positions stay exact.
 */
export interface NotesLines {
  text: string[];
  /** 1-based line in the file. */
  line: number[];
  /** 1-based column in the file where `text[i]` starts. */
  column: number[];
}

export function sliceLines(lines: NotesLines, from: number, to: number): NotesLines {
  return { text: lines.text.slice(from, to), line: lines.line.slice(from, to), column: lines.column.slice(from, to) };
}

/** Removes `width` characters from the start of each line (an indent or a `> ` prefix). */
export function stripPrefix(lines: NotesLines, width: (text: string) => number): NotesLines {
  const out: NotesLines = { text: [], line: [], column: [] };
  for (let i = 0; i < lines.text.length; i++) {
    const w = width(lines.text[i]);
    out.text.push(lines.text[i].slice(w));
    out.line.push(lines.line[i]);
    out.column.push(lines.column[i] + w);
  }
  return out;
}
