/**
 * Bullets people paste: Markdown markers, typographic bullets, `1.`, `1)`, `1、`, `a)`, `(1)`, `①`.
 * Group 1 is the indentation, group 2 the item's text.
 */
export const BULLET = /^([ \t\u3000]*)(?:[-*+](?=\s)|[•·▪●◦‣○■□➢►▶✓✔※→](?=\s?)|\d{1,3}[.)、．](?!\d)|[a-zA-Z][.)](?=\s)|[（(]\d{1,3}[)）]|[①-⑳])\s*(\S.*)$/u;

/**
 * Word processors mark list levels with glyphs (● then ○ then ■) and pasting drops the indentation:
 * the glyph gives the level back.
 */
export function glyphLevel(marker: string | undefined): number {
  if (marker === '○' || marker === '◦') return 1;
  if (marker === '■' || marker === '▪' || marker === '□') return 2;
  return 0;
}
