import { matchInlineQa } from '../../matchQa.js';
import type { TextRule } from '../Rule.js';

/** `Question::Answer`, and `Question:::Answer` for a card both ways. */
export const inlineCard: TextRule = {
  name: 'inline-card',
  stage: 'text',
  apply(run, i) {
    const found = matchInlineQa(run.text(i));
    if (!found) return 0;
    run.builder.addQa(found.question, [found.answer], run.lines[i].source, found.reversible);
    run.found = true;
    return 1;
  },
};
