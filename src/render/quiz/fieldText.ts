const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#123;': '{', '&#125;': '}' };

export const decodeEntities = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|#39|#123|#125);/g, (e) => ENTITIES[e]);

/**
 * The plain text of an Anki field as collectDeckNotes writes it: escapeField's entities and line
 * breaks, answer lists ("• "), numbered lists ("1. ", or "A. " for an authored question's options),
 * bold and the term blank as their text, an explanation on its own line, code as its text, images
 * as their alt text in brackets, formulas as `\(…\)`. escapeField escapes every
 * `<` and `&` of the notes, so any tag left is one revise wrote and decoding is exact.
 */
export function fieldText(html: string): string {
  let out = '';
  const lists: { ordered: boolean; letters: boolean; n: number }[] = [];
  const newLine = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  for (const part of html.split(/(<[^>]*>)/)) {
    if (!part.startsWith('<')) {
      out += decodeEntities(part);
      continue;
    }
    const tag = /^<(\/?)(\w+)([^>]*)>$/.exec(part);
    if (!tag) continue;
    const [, close, name, attributes] = tag;
    if (name === 'br') out += '\n';
    else if ((name === 'ul' || name === 'ol') && !close) lists.push({ ordered: name === 'ol', letters: /\btype=A\b/.test(attributes), n: 0 });
    else if (name === 'ul' || name === 'ol') lists.pop();
    else if (name === 'li' && !close) {
      const list = lists[lists.length - 1];
      newLine();
      if (!list?.ordered) out += '• ';
      else out += list.letters ? `${String.fromCharCode(65 + (list.n++ % 26))}. ` : `${++list.n}. `;
    } else if (name === 'div' && !close) newLine();
  }
  return out;
}
