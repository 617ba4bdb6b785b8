import type { TextRule } from '../Rule.js';

/** What no rule made an item of is prose: kept, in its section, as a paragraph item. */
export const prose: TextRule = {
  name: 'prose',
  stage: 'text',
  leftover: true,
  apply(run, i) {
    run.addProse(run.text(i), run.lines[i]);
    return 1;
  },
};
