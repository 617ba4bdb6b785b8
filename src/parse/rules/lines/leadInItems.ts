import { matchNumberedHeading } from '../../pasted/matchBareHeading.js';
import { matchQuestionLine } from '../../pasted/matchQuestionLine.js';
import type { ListItem } from '../../blocks/Block.js';
import type { LineRule } from '../Rule.js';
import { isLooseShortLine, startsStructure } from './documentTitle.js';

/**
 * Short lines without bullets after a lead-in (`包括以下几个方面：` / `供应商` / `顾客`): the lead-in's
 * items, up to a line that is not short or that heads what follows (a short line followed by content).
 */
export const leadInItems: LineRule = {
  name: 'lead-in-items',
  stage: 'lines',
  read(stretch, lead) {
    if (!/[:：]\s*$/.test(stretch.text(lead))) return 0;
    const items: ListItem[] = [];
    let i = stretch.nextNonBlank(lead);
    let end = lead + 1;
    while (i >= 0 && isLooseShortLine(stretch, i) && !matchQuestionLine(stretch.plain(i))) {
      const next = stretch.nextNonBlank(i);
      if (items.length >= 1 && next >= 0 && !isLooseShortLine(stretch, next)) {
        // The last short line of the run: an item if the run ends the document or a block, else a heading.
        if (matchQuestionLine(stretch.plain(next)) || startsStructure(stretch, next) || matchNumberedHeading(stretch.plain(next))) break;
      }
      items.push({ lines: [stretch.sourceLine(i)], checked: null, marker: '', children: [], source: stretch.source(i) });
      end = i + 1;
      i = next;
    }
    if (items.length < 2) return 0;
    stretch.addToParagraph(lead);
    stretch.emit({ type: 'list', ordered: false, items, source: items[0].source });
    stretch.state.atStart = false;
    return end - lead;
  },
};
