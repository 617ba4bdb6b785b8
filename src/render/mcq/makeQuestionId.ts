import { createHash } from 'node:crypto';
import { foldText } from '../quality/foldText.js';
import type { McqTemplateName } from './McqBank.js';

/**
 * A question id from the template and the fact only (model item id + which part of it: a row and
 * column, a step, a deletion). Wording, option order and unrelated items do not enter it, so the id
 * survives rebuilds and edits elsewhere in the notes; spaced-repetition tools can keep their history.
 */
export function makeQuestionId(template: McqTemplateName, itemId: string, part = ''): string {
  const material = [template, itemId, foldText(part)].join('\u0000');
  return `q-${createHash('sha256').update(material).digest('hex').slice(0, 16)}`;
}
