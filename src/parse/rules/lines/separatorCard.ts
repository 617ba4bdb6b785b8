import type { LineRule } from '../Rule.js';

const SEPARATOR = /^[ \t]*\?\??[ \t]*$/;

/**
 * A paragraph holding a `?` or `??` line is a spaced-repetition card, Markdown's own syntax: its
 * lines stay one paragraph for the card rules, and no line of it is read as a heading or a title.
 */
export const separatorCard: LineRule = {
  name: 'separator-card',
  stage: 'lines',
  read(stretch, i) {
    if (i > 0 && !stretch.blank(i - 1)) return 0;
    let end = i;
    let separator = -1;
    while (end < stretch.length && !stretch.blank(end)) {
      if (separator < 0 && end > i && SEPARATOR.test(stretch.text(end))) separator = end;
      end++;
    }
    if (separator < 0) return 0;
    for (let k = i; k < end; k++) stretch.addToParagraph(k);
    stretch.endParagraph();
    return end - i;
  },
};
