/**
 * Line shapes that open Markdown containers and literal blocks. Every pattern is anchored and free
 * of nested quantifiers over overlapping classes, so each line is matched in linear time.
 */

export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/;
export const HTML_COMMENT_OPEN = /^ {0,3}<!--/;
export const DETAILS_OPEN = /^ {0,3}<details(?=[\s>])/i;
export const DETAILS_CLOSE = /<\/details\s*>/i;
export const SUMMARY = /<summary[^>]{0,200}>([^<]{0,500})<\/summary\s*>/i;
/** `!!! note "Title"`, `??? success`, `???+ example "Exercice"` (Python-Markdown, mkdocs-material). */
export const ADMONITION = /^(!!!|\?\?\?\+?)[ \t]+([\w-]{1,40})(?:[ \t]+(?:"([^"]{0,300})"|(\S.{0,300})))?[ \t]*$/;
export const QUOTE = /^ {0,3}>/;
/** `[!note] Title`, `[!question]- Title` on a quote's first line (Obsidian and GitHub callouts). */
export const CALLOUT = /^\[!([\w-]{1,40})\]([+-]?)[ \t]*(.{0,300})$/;
/** `***`, `- - -`, `___`: a thematic break, not a list. */
export const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
export const BULLET_MARKER = /^([ \t]*)([-*+])(?:[ \t]+\S|[ \t]*$)/;
export const ORDERED_MARKER = /^([ \t]*)(\d{1,9})([.)])(?:[ \t]+\S|[ \t]*$)/;
/** Block-level HTML (CommonMark's HTML block kinds 1 and 6): raw HTML up to a blank line. */
export const HTML_BLOCK =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|pre|script|search|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i;
/** A line of Jinja or Liquid template code, as mkdocs-macros and static site generators use. */
export const TEMPLATE_MACRO = /^[ \t]*(?:\{\{(?![ \t]*c\d+::)[^{}]{0,500}\}\}|\{%[^%]{0,500}%\})[ \t]*$/;
/** Group 2 is the heading text with any closing `#`s and trailing blanks: trimmed by the reader. */
export const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
export const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

/** Width of a line's indentation, tabs to the next multiple of four. */
export function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Characters of indentation that make up `width` columns (tabs counted to the next stop). */
export function indentChars(line: string, width: number): number {
  let w = 0;
  let i = 0;
  while (i < line.length && w < width && (line[i] === ' ' || line[i] === '\t')) {
    w += line[i] === '\t' ? 4 - (w % 4) : 1;
    i++;
  }
  return i;
}

export function isListMarkerLine(line: string, ordered: boolean): boolean {
  if (THEMATIC_BREAK.test(line)) return false;
  return BULLET_MARKER.test(line) || (ordered && ORDERED_MARKER.test(line));
}
