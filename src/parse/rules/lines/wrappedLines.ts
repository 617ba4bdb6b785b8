import { ATX_HEADING, BULLET_MARKER, ORDERED_MARKER, SETEXT_UNDERLINE } from '../../blocks/containerSyntax.js';
import { matchAnswerLabel, matchQuestionLabel } from '../../matchQa.js';
import { BULLET } from '../../pasted/bulletLine.js';
import { isWeakStyle, matchNumberedHeading } from '../../pasted/matchBareHeading.js';
import { LINE_NUMBER } from '../../pasted/matchQuestionLine.js';
import { matchTreeLine } from '../../pasted/readDrawnTree.js';
import type { LineRule } from '../Rule.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A line that ends a sentence or a clause that stands alone. */
const ENDS = /[.!?;:。！？；：…]["»”’)）]?\s*$/;
/** Words a title or a finished line never ends on: a line ending on one was cut. */
const OPEN_END = /(?:^|\s)(?:le|la|les|l'|un|une|des|du|de|d'|à|au|aux|et|ou|en|par|pour|sur|dans|avec|que|qui|est|sont|peut-il|peut-elle|the|a|an|of|to|and|or|in|on|for|with|by|is|are|can|that|which|der|die|das|und|el|los|las|y)$/i;
/** Shortest line (characters) that a line width could have broken; shorter lines end where their writer did. */
const MIN_WRAPPED = { latin: 40, cjk: 16 };

function startsItem(text: string): boolean {
  const t = text.trim();
  return (
    t === '' ||
    ATX_HEADING.test(text) ||
    SETEXT_UNDERLINE.test(text) ||
    BULLET.test(text) ||
    BULLET_MARKER.test(text) ||
    ORDERED_MARKER.test(text) ||
    t.startsWith('|') ||
    t.startsWith('>') ||
    t.startsWith('<') ||
    /^\?\??$/.test(t) ||
    matchTreeLine(text) !== null ||
    matchQuestionLabel(t) !== null ||
    matchAnswerLabel(t) !== null ||
    matchNumberedHeading(t) !== null
  );
}

/**
 * Hard line wraps from a PDF viewer or a narrow page, undone: a line is joined to the one above when
 * the one above was cut (long enough to have met the margin, or ending on a word no line ends on,
 * and not ending a sentence) and it starts nothing of its own (no number or bullet, a lower-case
 * start in scripts with case). So "9. Le candidat peut-il" + "utiliser le tableau … ?" is one question.
 */
export const wrappedLines: LineRule = {
  name: 'wrapped-lines',
  stage: 'lines',
  scan(stretch) {
    // Lines dropped as boilerplate (a page counter between two halves of a sentence) are passed over.
    const next = (k: number) => {
      let j = k + 1;
      while (j < stretch.length && stretch.dropped(j)) j++;
      return j;
    };
    let i = 0;
    while (i < stretch.length && stretch.dropped(i)) i++;
    while (i < stretch.length) {
      const j = next(i);
      if (j >= stretch.length) break;
      const above = stretch.text(i);
      const below = stretch.text(j);
      if (!continues(above, below)) {
        i = j;
        continue;
      }
      // The joined line may go on over the next line too: `i` stays.
      stretch.join(i, j, CJK.test(above.trim().slice(-1)) && CJK.test(below.trim()[0] ?? '') ? '' : ' ');
    }
  },
};

/**
 * A numbered item whose term a paste cut after a few characters (`2.营销` / `观念阶段：…`): the line
 * below starts no item and holds the rest of the term before its colon.
 */
function brokenTerm(a: string, b: string): boolean {
  if (!LINE_NUMBER.test(a) || /[:：]/.test(a) || ENDS.test(a)) return false;
  // `（二）微观环境`, `II. Titre`: a heading's numbering, not an item's.
  const numbered = matchNumberedHeading(a);
  if (numbered && !isWeakStyle(numbered.style)) return false;
  const head = a.replace(LINE_NUMBER, '');
  const colon = b.search(/[:：]/);
  if (colon <= 0 || colon > 15 || !head) return false;
  const cjk = CJK.test(head) && CJK.test(b[0]);
  return cjk ? [...head].length + colon <= 20 : head.split(/\s+/).length <= 3 && /^\p{Ll}/u.test(b);
}

function continues(above: string, below: string): boolean {
  const a = above.trim();
  const b = below.trim();
  if (a && b && !startsItem(below) && brokenTerm(a, b)) return true;
  if (!a || !b || a.length > 4000 || ENDS.test(a) || startsItem(above) && !LINE_NUMBER.test(a) || startsItem(below)) return false;
  // Table rows (pipes, tab-separated cells) and tree branches keep their own lines.
  if (ATX_HEADING.test(above) || a.startsWith('|') || matchTreeLine(above) || a.includes('\t') || b.includes('\t')) return false;
  const cjk = CJK.test(a.slice(-1)) && CJK.test(b[0]);
  // A numbered question broken before its question mark goes on; other numbered lines may be headings.
  if (cjk) return LINE_NUMBER.test(a) ? /[?？]$/.test(b) : [...a].length >= MIN_WRAPPED.cjk;
  // In scripts with case, the line below goes on in lower case (or with a number that is no numbering).
  if (!/^[\p{Ll}\d(«"“‘]/u.test(b)) return false;
  if (LINE_NUMBER.test(a) && a.length < MIN_WRAPPED.latin) return /[?？]$/.test(b) || OPEN_END.test(a);
  return a.length >= MIN_WRAPPED.latin || OPEN_END.test(a);
}
