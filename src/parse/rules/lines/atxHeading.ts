import { ATX_HEADING } from '../../blocks/containerSyntax.js';
import { stripInline } from '../../stripInline.js';
import type { LineRule } from '../Rule.js';

/** `# Title` … `###### Title`; an empty heading is no section. */
export const atxHeading: LineRule = {
  name: 'atx-heading',
  stage: 'lines',
  read(stretch, i) {
    const m = ATX_HEADING.exec(stretch.text(i));
    if (!m) return 0;
    let body = (m[2] ?? '').trimEnd();
    // A closing sequence of `#` after a blank is decoration: `## Title ##`.
    const closing = /(?:^|[ \t])#+$/.exec(body);
    if (closing) body = body.slice(0, closing.index);
    const text = stripInline(body);
    if (text) stretch.heading(i, text, m[1].length, false, /[:：]$/.test(text), body.trim());
    else stretch.endParagraph();
    return 1;
  },
};
