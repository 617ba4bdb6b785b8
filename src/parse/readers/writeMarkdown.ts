import type { BlockContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import type { LineOrigin, ReaderText } from './Reader.js';

/** One block of a reader's output and, for each line it serialises to, where that line came from. */
export interface MarkdownBlock {
  node: RootContent | BlockContent;
  /** One per output line, in order; the last one is repeated when the block writes more lines. */
  origins: LineOrigin[];
}

const OPTIONS: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
};

/**
 * Markdown for one mdast node, with mdast-util-to-markdown's escaping: text that happens to start with
 * `#`, `>`, `1.` or `|` stays text. Line breaks inside text are written as plain line ends (soft
 * breaks): the rules read notes line by line, and a trailing backslash would end up in the items.
 */
export function nodeToMarkdown(node: RootContent | BlockContent | Root): string {
  const root: Root = node.type === 'root' ? node : { type: 'root', children: [node as RootContent] };
  softenBreaks(root);
  return toMarkdown(root, OPTIONS).replace(/\n+$/, '');
}

function softenBreaks(node: { children?: unknown[] }): void {
  if (!Array.isArray(node.children)) return;
  node.children = node.children.map((child) => {
    const c = child as { type: string; children?: unknown[] };
    if (c.type === 'break') return { type: 'text', value: '\n' };
    softenBreaks(c);
    return c;
  });
}

/** Blocks separated by blank lines; `origins` gives each line's page or slide and line there. */
export function writeMarkdown(blocks: readonly MarkdownBlock[], frontTitle?: string): ReaderText {
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  if (frontTitle !== undefined && blocks.length) {
    lines.push('---', `title: ${JSON.stringify(frontTitle)}`, '---', '');
    for (let i = 0; i < 4; i++) origins.push(blocks[0].origins[0] ?? { line: 1 });
  }
  for (const block of blocks) {
    const text = nodeToMarkdown(block.node);
    if (!text.trim()) continue;
    if (lines.length) {
      lines.push('');
      origins.push(block.origins[0] ?? origins[origins.length - 1] ?? { line: 1 });
    }
    text.split('\n').forEach((line, i) => {
      lines.push(line);
      origins.push(block.origins[Math.min(i, block.origins.length - 1)] ?? { line: 1 });
    });
  }
  return { text: `${lines.join('\n')}\n`, origins };
}

/**
 * A flowing document (Word, OpenDocument text, a web page) as Markdown. Such a document has no lines
 * of its own, so `origins` number its lines of text from the top: each heading, paragraph line, list
 * item and table row counts one; blank lines, table rules and code fences do not.
 */
export function writeDocument(nodes: readonly (RootContent | BlockContent)[]): ReaderText {
  const text = nodes.map((n) => nodeToMarkdown(n)).filter((t) => t.trim()).join('\n\n');
  const origins: LineOrigin[] = [];
  let count = 0;
  for (const line of text.split('\n')) {
    const counts = line.trim() !== '' && !/^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/.test(line) && !/^\s*(`{3,}|~{3,})/.test(line);
    if (counts) count++;
    origins.push({ line: Math.max(1, count) });
  }
  return { text: `${text}\n`, origins };
}
