import { findBoilerplate } from '../../pasted/findBoilerplate.js';
import type { LineRule } from '../Rule.js';

/**
 * Site furniture in pasted text: document-site notices, VIP offers, page counters, field codes,
 * contact numbers, app interface text, share buttons. Decided over the whole stretch (neighbours and
 * repetition count), each dropped line listed with its reason; `--keep-boilerplate` keeps them.
 */
export const boilerplate: LineRule = {
  name: 'boilerplate',
  stage: 'lines',
  scan(stretch) {
    if (stretch.state.keepBoilerplate) return;
    for (const [i, reason] of findBoilerplate(stretch.lines.text)) stretch.drop(i, reason);
  },
};
