import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface MarkdownChunk {
  tree: Root;
  /** Index in the prepared lines of the chunk's first line. */
  firstLine: number;
}

/** Lines per chunk before a split is looked for. remark's list handling is superlinear, so keep it small. */
const CHUNK_TARGET_LINES = 400;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const LIST_OR_TABLE_OR_INDENT = /^(?:[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|\|)/;

const gfmProcessor = unified().use(remarkParse).use(remarkGfm);
const commonmarkProcessor = unified().use(remarkParse);
/**
 * GFM's extensions halve micromark's speed. Of them only tables, task lists, footnotes and
 * strikethrough change the block structure or text the extractors read (autolink literals only wrap
 * text in links, and extractors read source lines), so a chunk without their markers skips them.
 */
const NEEDS_GFM = /[|~]|\[\^|\[[ xX]\]/;

/**
 * Parses prepared lines in bounded pieces so time grows linearly with the file: a split is made at a
 * heading, or at a blank line followed by a new top-level block, never inside a fenced code block.
 */
export function parseMarkdownChunks(lines: readonly string[]): MarkdownChunk[] {
  const chunks: MarkdownChunk[] = [];
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
    if (size < CHUNK_TARGET_LINES || i === start) continue;
    const prevBlank = i > 0 && lines[i - 1].trim() === '';
    const atHeading = HEADING.test(line) && prevBlank;
    const atBlock = prevBlank && line.trim() !== '' && !LIST_OR_TABLE_OR_INDENT.test(line);
    // Past four times the target, a top-level list item is also an acceptable place to cut.
    const forced = size > CHUNK_TARGET_LINES * 4 && prevBlank && line.trim() !== '' && !/^[ \t|]/.test(line);
    if (atHeading || atBlock || forced) {
      chunks.push(parseChunk(lines, start, i));
      start = i;
    }
  }
  chunks.push(parseChunk(lines, start, lines.length));
  return chunks;
}

function parseChunk(lines: readonly string[], from: number, to: number): MarkdownChunk {
  const text = lines.slice(from, to).join('\n');
  const processor = NEEDS_GFM.test(text) ? gfmProcessor : commonmarkProcessor;
  return { tree: processor.parse(text) as Root, firstLine: from };
}
