/**
 * Text as Moodle's GIFT importer reads it back: a backslash before each of `~ = # { } :` and before
 * a backslash itself, and a line break written `\n` (qformat_gift's escapedchar_pre/post pairs).
 * An answer that starts with `[` would be read as a format marker (`[html]…`), so such text gets an
 * explicit `[plain]` first.
 */
export function giftText(text: string, formatMarker = false): string {
  const escaped = text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
  return formatMarker || escaped.trimStart().startsWith('[') ? `[plain]${escaped}` : escaped;
}

/**
 * A Moodle category path: levels joined with `/`, a `/` inside a name doubled (Moodle's
 * split_category_path). Category lines are not unescaped by the GIFT importer, so nothing else is escaped.
 */
export function categoryText(levels: readonly string[]): string {
  return ['$course$', 'top', ...levels.map((l) => l.replace(/\//g, '//').replace(/\s+/g, ' ').trim())].join('/');
}
