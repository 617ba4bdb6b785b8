const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#123;': '{', '&#125;': '}' };

/**
 * The plain text of an Anki field as collectDeckNotes writes it: escapeField's entities and line
 * breaks, and the answer list. escapeField escapes every `<` and `&` of the notes, so any tag left is
 * one revise wrote and decoding is exact.
 */
export function fieldText(html: string): string {
  return html
    .replace(/<ul><li>/g, '• ')
    .replace(/<\/li><li>/g, '\n• ')
    .replace(/<\/li><\/ul>/g, '')
    .replace(/<br>/g, '\n')
    .replace(/&(?:amp|lt|gt|quot|#39|#123|#125);/g, (e) => ENTITIES[e]);
}
