import { matchCloze } from '../../matchCloze.js';
import type { TextRule } from '../Rule.js';

/** `==highlight==` and Anki's `{{c1::answer::hint}}` on one line. */
export const cloze: TextRule = {
  name: 'cloze',
  stage: 'text',
  apply(run, i) {
    const found = matchCloze(run.text(i));
    if (!found) return 0;
    run.builder.addCloze(found, run.lines[i].source);
    run.found = true;
    return 1;
  },
};
