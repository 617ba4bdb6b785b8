import { matchSequence } from '../../matchSequence.js';
import { MAX_ITEM_LINE } from '../LineStretch.js';
import type { TextRule } from '../Rule.js';

/** `A → B → C` (`->`, `=>`, `⇒`, `—>`), optionally `Label: A → B`. */
export const sequence: TextRule = {
  name: 'sequence',
  stage: 'text',
  apply(run, i) {
    const found = run.text(i).length <= MAX_ITEM_LINE ? matchSequence(run.text(i)) : null;
    if (!found) return 0;
    run.builder.addSequence(found.steps, run.lines[i].source, found.label);
    run.found = true;
    return 1;
  },
};
