const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#123;': '{', '&#125;': '}' };

export function decodeEntities(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39|#123|#125);/g, (e) => ENTITIES[e]);
}

/**
 * The plain text of an Anki field as collectDeckNotes writes it: escapeField's entities and line
 * breaks, the answer list, code blocks and spans as their text, images as their alt text in
 * brackets, formulas as `\(…\)`. escapeField escapes every `<` and `&` of the notes, so any tag left
 * is one revise wrote and decoding is exact.
 */
export function fieldText(html: string): string {
  return decodeEntities(
    html
      .replace(/<ul><li>/g, '• ')
      .replace(/<\/li><li>/g, '\n• ')
      .replace(/<\/li><\/ul>/g, '')
      .replace(/<br>/g, '\n')
      .replace(/<img src="[^"]*" alt="([^"]*)"[^>]*>/g, (_all, alt: string) => `[${alt}]`)
      .replace(/<div>(?=.)/g, '\n')
      .replace(/<pre\b[^>]*>/g, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}
