/**
 * Plain text as CommonMark that shows exactly that text: every character Markdown (or revise's own
 * reader) gives a meaning is backslash-escaped, a line that would open a list, quote or heading is
 * defused, and line breaks become <br> so a value stays inside its list item or table cell.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~#&=$!{}]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A code span holding `text`: its fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^\s|\s$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r\n|\r|\n/g, ' ')}${pad}${fence}`;
}
