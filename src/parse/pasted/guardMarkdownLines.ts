/**
 * Limits that keep remark (micromark) linear on hostile Markdown: it nests containers recursively
 * (10,000 `>` or list markers overflow the stack), its indentation handling grows with depth, and
 * long runs of one emphasis delimiter are resolved one character at a time. No real notes come near
 * these limits; a line that passes one is defused in place, keeping its line number.
 */
const MAX_CONTAINER_MARKERS = 32;
const MAX_INDENT = 128;
const MAX_DELIMITER_RUN = 32;
const MAX_INLINE_LINE = 20_000;

/**
 * Unpaired inline delimiters one paragraph may hold before it is read as plain text. micromark pairs
 * emphasis and brackets in time that grows with their square inside a paragraph; prose uses a few
 * dozen at most, so capping each paragraph keeps the whole file linear.
 */
const MAX_PARAGRAPH_DELIMITERS = 128;
const DELIMITER = /[*_~`[\]<]/g;
/** Well-formed spans cost micromark nothing; only the delimiters left outside them are counted. */
const BALANCED =
  /\*\*(?=[^\s*])[^*\n]{0,199}[^\s*]\*\*|__(?=[^\s_])[^_\n]{0,199}[^\s_]__|\*(?=[^\s*])[^*\n]{0,199}[^\s*]\*|_(?=[^\s_])[^_\n]{0,199}[^\s_]_|~~(?=[^\s~])[^~\n]{0,199}[^\s~]~~|\*\*[^\s*]\*\*|\*[^\s*]\*|`[^`\n]{1,200}`|!?\[[^\]\n]{1,200}\](?:\([^)\n]{0,500}\))?|<[^<>\n]{1,200}>/g;
const BLOCK_START = /^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|\||```|~~~)/;

const CONTAINER_PREFIX = /^(?:[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?){33,}/;
const LONG_RUN = /([*_~`])\1{32,}/g;

export interface GuardedLines {
  lines: string[];
  /** 0-based indices of the lines that were changed. */
  changed: number[];
}

function defuseLine(line: string): string {
  let out = line;
  const prefix = CONTAINER_PREFIX.exec(out);
  if (prefix) {
    // Keep the first markers; the rest become blanks (same width, so columns after them hold).
    let markers = 0;
    let cut = 0;
    for (let i = 0; i < prefix[0].length; i++) {
      if (!/[ \t]/.test(prefix[0][i])) markers++;
      if (markers > MAX_CONTAINER_MARKERS) {
        cut = i;
        break;
      }
    }
    if (cut > 0) out = out.slice(0, cut) + prefix[0].slice(cut).replace(/[^ \t]/g, ' ') + out.slice(prefix[0].length);
  }
  const indent = /^[ \t]*/.exec(out)![0];
  if (indent.replace(/\t/g, '    ').length > MAX_INDENT) out = ' '.repeat(MAX_INDENT) + out.slice(indent.length);
  if (out.length > MAX_DELIMITER_RUN) out = out.replace(LONG_RUN, (run) => run.slice(0, MAX_DELIMITER_RUN) + ' '.repeat(run.length - MAX_DELIMITER_RUN));
  // Even well-paired emphasis grows superlinearly on one huge line; such a line is prose, read plain.
  if (out.length > MAX_INLINE_LINE) out = out.replace(DELIMITER, ' ');
  return out;
}

export function guardMarkdownLines(lines: readonly string[]): GuardedLines {
  const out: string[] = [];
  const changed = new Set<number>();
  let runStart = 0;
  let runDelimiters = 0;
  const closeRun = (end: number) => {
    if (runDelimiters > MAX_PARAGRAPH_DELIMITERS) {
      for (let j = runStart; j < end; j++) {
        const plain = out[j].replace(DELIMITER, ' ');
        if (plain !== out[j]) changed.add(j);
        out[j] = plain;
      }
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const needs = line.length > MAX_DELIMITER_RUN || /^[ \t]{129}/.test(line);
    const fixed = needs ? defuseLine(line) : line;
    if (fixed !== line) changed.add(i);
    if (fixed.trim() === '' || BLOCK_START.test(fixed)) {
      closeRun(i);
      runStart = i;
      runDelimiters = 0;
    }
    out.push(fixed);
    if (/[*_~`[\]<]/.test(fixed)) runDelimiters += (fixed.replace(BALANCED, '').match(DELIMITER) ?? []).length;
  }
  closeRun(lines.length);
  return { lines: out, changed: [...changed].sort((a, b) => a - b) };
}
