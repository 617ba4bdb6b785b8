import { TEMPLATE_MACRO } from '../../blocks/containerSyntax.js';
import type { LineRule } from '../Rule.js';

/** `{{ initexo(0) }}`, `{% include "x" %}`: a site generator's code, never notes. */
export const templateMacro: LineRule = {
  name: 'template-macro',
  stage: 'lines',
  scan(stretch) {
    for (let i = 0; i < stretch.length; i++) if (TEMPLATE_MACRO.test(stretch.text(i))) stretch.drop(i, 'template macro');
  },
};
