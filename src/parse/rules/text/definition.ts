import { matchDefinition } from '../../matchDefinition.js';
import { MAX_ITEM_LINE } from '../LineStretch.js';
import type { TextRule } from '../Rule.js';

/**
 * `**Term**: def`, `**Term:** def`, `Term: def`, `Terme : déf`, `术语：定义`, `Term — def`,
 * `Term - def`, `Term ── def`; a sentence that merely holds a colon is not one.
 */
export const definition: TextRule = {
  name: 'definition',
  stage: 'text',
  apply(run, i) {
    const found = run.text(i).length <= MAX_ITEM_LINE ? matchDefinition(run.text(i)) : null;
    if (!found) return 0;
    run.open = run.builder.addDefinition(found.term, found.definition, run.lines[i].source);
    run.found = true;
    return 1;
  },
};
