import { BULLET } from '../../pasted/bulletLine.js';
import { hasCardSyntax, isTitleLike, isWeakStyle, matchColonHeading, matchNumberedHeading, STYLE_RANK } from '../../pasted/matchBareHeading.js';
import { readPipeTable } from '../../pasted/readGluedTable.js';
import type { LineRule } from '../Rule.js';
import { isLooseShortLine } from './documentTitle.js';

/**
 * Headings of pasted text, which carries no `#`: numbered (`第一章`, `一、`, `II.`, `1.2 Titre`, and
 * `1. Short title` when its neighbours are not numbered too), a short line ending in `:` with nothing
 * after it, and a short title-shaped line followed by content. Only in notes that do not mark their
 * own headings: there, every heading is marked.
 */
export const bareHeading: LineRule = {
  name: 'bare-heading',
  stage: 'lines',
  read(stretch, i) {
    if (stretch.state.structured) return 0;
    const raw = stretch.text(i);
    if (hasCardSyntax(raw)) return 0;
    const text = stretch.plain(i);
    const next = stretch.nextNonBlank(i);
    const prev = stretch.prevNonBlank(i);

    const numbered = matchNumberedHeading(text);
    if (numbered) {
      let accept = true;
      if (isWeakStyle(numbered.style)) {
        // `1. Short title` heads a section; `1. a point` among `2. …`, `3. …` is a list item.
        const sameStyle = (j: number) => j >= 0 && /^\s*[（(]?\d{1,3}[.)、．）]/.test(stretch.text(j));
        const body = text.replace(/^[（(]?\d{1,3}\s*[.)、．）]\s*/, '');
        accept = isTitleLike(body) && !sameStyle(next) && !sameStyle(prev) && next >= 0;
      }
      if (accept) {
        stretch.heading(i, text, stretch.depthForRank(STYLE_RANK[numbered.style], numbered.sublevel), false);
        return 1;
      }
    }

    const colon = matchColonHeading(text);
    if (colon !== null) {
      if (next >= 0 && BULLET.test(stretch.text(next))) return 0; // a lead-in for the list below
      stretch.heading(i, colon, stretch.plainDepth(), true, next >= 0 && Boolean(readPipeTable(stretch.lines.text, next)));
      return 1;
    }

    const afterLooseLine = prev >= stretch.structuredEnd && prev !== stretch.lastHeadingLine && !stretch.blank(i - 1) && isLooseShortLine(stretch, prev);
    if (isTitleLike(text) && next >= 0 && !isLooseShortLine(stretch, next) && !afterLooseLine) {
      if (BULLET.test(raw) || (prev >= 0 && /[:：]\s*$/.test(stretch.text(prev)))) return 0;
      if (/^[?？]{1,2}$/.test(stretch.text(next).trim())) return 0; // the front of a `?` card
      stretch.heading(i, text, stretch.plainDepth(), true);
      return 1;
    }
    return 0;
  },
};
