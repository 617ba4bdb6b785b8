import { restoreLiterals } from './protectLiterals.js';

/**
 * Plain text of one line of Markdown inline markup. Extractors work on source lines (they need to
 * see `**Term**` and `::` that the mdast no longer shows), so the markup is removed here, once.
 *
 * Spans are bounded (2,000 characters) so that a long line full of unmatched markers costs linear
 * time instead of rescanning the rest of the line from every marker.
 */
export function stripInline(text: string): string {
  // Most lines carry no markup at all: only their blanks need folding.
  if (!MARKUP.test(text)) return text.replace(/[ \t]+/g, ' ').trim();
  // Several rules ask for the same line: the last few thousand answers are kept.
  const known = memo.get(text);
  if (known !== undefined) return known;
  const plain = stripMarked(text);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(text, plain);
  return plain;
}

const MEMO_SIZE = 4096;
const memo = new Map<string, string>();

function stripMarked(text: string): string {
  // Code spans are literal: set their content aside so no other rule (HTML, emphasis) touches it.
  const spans: string[] = [];
  const masked = text.replace(/(`{1,10})([^`]|[^`][^`]{0,2000}?[^`])\1(?!`)/g, (_all, _ticks: string, code: string) => {
    spans.push(code.trim() || code);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return restoreLiterals(stripMarkup(masked).replace(/\u0000(\d+)\u0000/g, (_all, i: string) => spans[Number(i)]));
}

const MARKUP = /[`*_~=<\[\\\ue100-\ue10e]/;

function stripMarkup(text: string): string {
  return text
    // A link's destination may hold one level of balanced parentheses (`…/a(b)c`).
    .replace(/!\[([^\]]{0,500})\]\((?:[^()]|\([^()]{0,500}\)){0,2000}\)/g, '$1')
    .replace(/\[([^\]]{1,500})\]\((?:[^()]|\([^()]{0,500}\)){0,2000}\)/g, '$1')
    .replace(/\[([^\]]{1,500})\]\[[^\]]{0,500}\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]{1,2000})>/g, '$1')
    .replace(/<!--[\s\S]{0,5000}?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>]{0,500}>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]{0,2000}?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]{0,2000}?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]{0,2000}?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]{0,2000}?\S)~~/g, '$1')
    .replace(/==(?=\S)([^=]{0,2000}?\S)==/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~=<>:])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
