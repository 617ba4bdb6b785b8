/**
 * Removes what must never reach a font: control characters, variation selectors, zero-width joiners,
 * soft hyphens and byte-order marks (they have no glyph and would otherwise be reported as missing).
 * Tabs and line ends become spaces because every string here is laid out as one paragraph.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\t\r\n\v\f]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/g, '')
    .replace(/[\u{e0100}-\u{e01ef}]/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
