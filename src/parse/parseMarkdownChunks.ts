import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface MarkdownChunk {
  tree: Root;
  /** Index in the prepared lines of the chunk's first line. */
  firstLine: number;
}

/**
 * Lines per chunk before a split is looked for. remark's list handling is superlinear, so keep it
 * small: on list-heavy notes, 100-line chunks parse about 1.5× faster than 400-line ones.
 */
const CHUNK_TARGET_LINES = 100;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
/** A line that can only continue a paragraph: no block marker, indent, table pipe or card separator. */
const NOT_PLAIN = /^(?:[ \t]|>|\||#{1,6}(?:[ \t]|$)|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[=\-]+[ \t]*$|:[ \t]|\?\??[ \t]*$|`{3}|~{3}|<|\[\^)/;
function isPlainLine(line: string): boolean {
  return line.trim() !== '' && !NOT_PLAIN.test(line);
}
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const TOP_LEVEL_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const LIST_OR_TABLE_OR_INDENT = /^(?:[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|\|)/;

const processor = unified().use(remarkParse).use(remarkGfm);
const plainProcessor = unified().use(remarkParse);
/** Text that GFM reads differently: tables, strikethrough, autolinks and e-mails, footnotes, task boxes. */
const GFM_TRIGGER = /[|~@]|www\.|:\/\/|mailto:|xmpp:|\[\^|\[[ xX]\]/;

function endsWithLeadIn(lines: readonly string[], from: number): boolean {
  for (let j = from; j >= 0; j--) if (lines[j].trim() !== '') return /[:：]\s*$/.test(lines[j].slice(-20));
  return false;
}

export interface ChunkOptions {
  /** Lines per chunk before a split is looked for (tests compare against one single chunk). */
  targetLines?: number;
  /** Parse every chunk with remark-gfm, even those with nothing GFM in them. */
  alwaysGfm?: boolean;
}

export function parseMarkdownChunks(lines: readonly string[], options: ChunkOptions = {}): MarkdownChunk[] {
  return [...iterateMarkdownChunks(lines, options)];
}

/**
 * Parses prepared lines in bounded pieces so time grows linearly with the file: a split is made at a
 * heading, or at a blank line followed by a new top-level block, never inside a fenced code block.
 * Past four times the target, a tight list is cut before a top-level item too. Chunks are yielded one
 * at a time so that only one syntax tree is alive at once (a 5 MB tight list held 1.4 GB of trees).
 */
export function* iterateMarkdownChunks(lines: readonly string[], options: ChunkOptions = {}): Generator<MarkdownChunk> {
  const target = options.targetLines ?? CHUNK_TARGET_LINES;
  const gfm = options.alwaysGfm ?? false;
  let start = 0;
  let fence: string | null = null;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (fence) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(new RegExp(`^\\${fence[0]}+`), '') === '') fence = null;
      continue;
    }
    if (line.lastIndexOf('<!--') > line.lastIndexOf('-->')) {
      inComment = true;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = open[1];
      continue;
    }
    const size = i - start;
    if (size < target || i === start) continue;
    const prevBlank = i > 0 && lines[i - 1].trim() === '';
    const atHeading = HEADING.test(line) && prevBlank;
    const atBlock = prevBlank && line.trim() !== '' && !LIST_OR_TABLE_OR_INDENT.test(line);
    // A top-level list item is also an acceptable place to cut, unless a lead-in (`…:`) introduces it.
    const forced = prevBlank && line.trim() !== '' && !/^[ \t|]/.test(line) && !endsWithLeadIn(lines, i - 1);
    const tight = size >= target * 4 && TOP_LEVEL_ITEM.test(line);
    // remark's paragraph parsing is superlinear too: a paragraph of hundreds of lines (a glossary
    // without blank lines) is cut between two plain lines, never before a setext underline.
    const longParagraph =
      size >= target * 4 && !prevBlank && isPlainLine(line) && isPlainLine(lines[i - 1]) && !/[:：?？]\s*$/.test(lines[i - 1]) && !SETEXT_UNDERLINE.test(lines[i + 1] ?? '');
    if (atHeading || atBlock || forced || tight || longParagraph) {
      yield parseChunk(lines, start, i, gfm);
      start = i;
    }
  }
  yield parseChunk(lines, start, lines.length, gfm);
}

function parseChunk(lines: readonly string[], from: number, to: number, alwaysGfm: boolean): MarkdownChunk {
  const text = lines.slice(from, to).join('\n');
  // remark-gfm costs a third of the parse; a chunk with nothing GFM would read differently skips it.
  const parser = alwaysGfm || GFM_TRIGGER.test(text) ? processor : plainProcessor;
  return { tree: parser.parse(text) as Root, firstLine: from };
}
