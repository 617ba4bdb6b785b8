import { SETEXT_UNDERLINE } from '../../blocks/containerSyntax.js';
import type { LineRule } from '../Rule.js';

/** A sentence with a rule under it is a sentence and a separator, not a heading. */
export function isSetextTitle(text: string): boolean {
  return text.length <= 120 && !/[.。!！;；,，]$/.test(text.trim()) && !text.includes('|');
}

/**
 * A line underlined with `===` (level 1) or `---` (level 2). In notes without headings of their own,
 * a `---` under a line is a separator, not an underline: only `===` makes a heading there.
 */
export const setextHeading: LineRule = {
  name: 'setext-heading',
  stage: 'lines',
  read(stretch, i) {
    const under = SETEXT_UNDERLINE.exec(stretch.text(i + 1));
    if (!under || stretch.blank(i) || SETEXT_UNDERLINE.test(stretch.text(i))) return 0;
    const level = under[1][0] === '=' ? 1 : 2;
    if (level === 2 && !stretch.state.structured) return 0;
    const text = stretch.plain(i);
    if (!text || !isSetextTitle(text)) return 0;
    stretch.heading(i, text, level, false, /[:：]$/.test(text), stretch.text(i).trim());
    return 2;
  },
};
