import { SETEXT_UNDERLINE } from '../../blocks/containerSyntax.js';
import type { LineRule } from '../Rule.js';

/** A line of `===`, `---`, `***` or `___` alone: a separator, which ends what comes before it. */
export const separatorLine: LineRule = {
  name: 'separator-line',
  stage: 'lines',
  read(stretch, i) {
    const t = stretch.text(i).trim();
    if (!SETEXT_UNDERLINE.test(t) && !/^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$/.test(t)) return 0;
    stretch.emit({ type: 'break', source: stretch.source(i) });
    return 1;
  },
};
