/**
 * Plain text of one line of Markdown inline markup. Extractors work on source lines (they need to
 * see `**Term**` and `::` that the mdast no longer shows), so the markup is removed here, once.
 */
export function stripInline(text: string): string {
  // Code spans are literal: set their content aside so no other rule (HTML, emphasis) touches it.
  const spans: string[] = [];
  const masked = text.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_all, _ticks: string, code: string) => {
    spans.push(code.trim() || code);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return stripMarkup(masked).replace(/\u0000(\d+)\u0000/g, (_all, i: string) => spans[Number(i)]);
}

function stripMarkup(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/==(?=\S)([^=]*?\S)==/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~=<>:])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Strips list markers, block quote markers and task boxes from the start of a source line. */
export function stripBlockPrefix(line: string): string {
  return line
    .replace(/^\s*(?:>\s?)+/, '')
    .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .trimEnd();
}
