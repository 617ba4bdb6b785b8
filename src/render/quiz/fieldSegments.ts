import type { MediaTable } from '../../model/MediaFile.js';
import { mediaName } from '../anki/richFieldHtml.js';
import type { Typesetter } from '../math/typesetTex.js';
import { decodeEntities, fieldText } from './fieldText.js';
import type { CardSegment } from './QuizChapter.js';

/** What turning a field into page segments needs: formulas typeset at build time, images by deck name. */
export interface SegmentContext {
  typesetter: Typesetter | null;
  /** Deck media name → data: address. */
  images: ReadonlyMap<string, string>;
}

const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp' };

/** Images of the notes as data: addresses, by the name the deck gives them (the page carries them inline). */
export function imageAddresses(media: MediaTable | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of media?.values() ?? []) out.set(mediaName(file), `data:${MIME[file.type]};base64,${Buffer.from(file.bytes).toString('base64')}`);
  return out;
}

/**
 * A formula as the page shows it: MathJax's SVG, made at build time (the page loads no maths
 * library). Its inline style is moved to a data attribute: the page's policy allows no style
 * attribute, and the page script sets the alignment through the DOM.
 */
export function mathSegment(tex: string, display: boolean, context: SegmentContext): CardSegment {
  const result = context.typesetter?.typeset(tex, display);
  if (!result || 'error' in result) return display ? `\\[${tex}\\]` : `\\(${tex}\\)`;
  const svg = result.svg.replace(/ style="vertical-align: ?([-\d.]+(?:ex)?);?"/, ' data-va="$1"').replace(/ style="[^"]*"/g, '');
  return display ? { x: svg, d: 1 } : { x: svg };
}

const TOKEN = /<pre class="revise-code"[^>]*><code>([\s\S]*?)<\/code><\/pre>|<code style="[^"]*">([\s\S]*?)<\/code>|<img src="([^"]*)" alt="([^"]*)"[^>]*>|\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]/g;

/** Lines of coloured code from the `<pre>` revise wrote. */
function codeLines(html: string): [string, string?][][] {
  return html.split('<br>').map((line) => {
    const out: [string, string?][] = [];
    for (const m of line.matchAll(/<span style="color:(#[0-9a-f]{6})">([\s\S]*?)<\/span>|([^<]+)/g)) {
      if (m[1]) out.push([decodeEntities(m[2]), m[1]]);
      else if (m[3]) out.push([decodeEntities(m[3])]);
    }
    return out;
  });
}

/**
 * An Anki field (as collectDeckNotes writes it) as page segments: text, formulas as SVG, code spans
 * and blocks with their colours, images as data: addresses. The page script builds elements from
 * these; nothing is parsed as HTML there but MathJax's own SVG.
 */
export function fieldSegments(html: string, context: SegmentContext): CardSegment[] {
  const out: CardSegment[] = [];
  const text = (s: string) => {
    if (!s) return;
    const last = out.length - 1;
    if (typeof out[last] === 'string') out[last] += s;
    else out.push(s);
  };
  let at = 0;
  for (const m of html.matchAll(TOKEN)) {
    text(fieldText(html.slice(at, m.index)));
    at = m.index + m[0].length;
    if (m[1] !== undefined) out.push({ k: codeLines(m[1]) });
    else if (m[2] !== undefined) out.push({ c: decodeEntities(m[2]) });
    else if (m[3] !== undefined) {
      const src = context.images.get(m[3]);
      out.push(src ? { i: src, a: decodeEntities(m[4]) } : `[${decodeEntities(m[4])}]`);
    } else if (m[5] !== undefined) out.push(mathSegment(decodeEntities(m[5]), false, context));
    else if (m[6] !== undefined) out.push(mathSegment(decodeEntities(m[6]), true, context));
  }
  text(fieldText(html.slice(at)));
  return out;
}
