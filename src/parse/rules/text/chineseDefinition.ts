import { matchChineseDefinition } from '../../pasted/matchChineseDefinition.js';
import { MAX_ITEM_LINE } from '../LineStretch.js';
import type { TextRule } from '../Rule.js';

/** `X是指Y`, `X指的是Y`, `X即Y`, `X，即Y`: Chinese definitions without a colon. */
export const chineseDefinition: TextRule = {
  name: 'chinese-definition',
  stage: 'text',
  apply(run, i) {
    const found = run.text(i).length <= MAX_ITEM_LINE ? matchChineseDefinition(run.plain(i)) : null;
    if (!found) return 0;
    run.open = run.builder.addDefinition(found.term, found.definition, run.lines[i].source);
    run.found = true;
    return 1;
  },
};
