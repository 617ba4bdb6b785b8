import { looksLikeTerm } from '../../matchDefinition.js';
import { stripInline } from '../../stripInline.js';
import type { TextRule } from '../Rule.js';

const DEFINITION_LINE = /^:[ \t]+\S/;

/** A definition list: a term line, then one or more `: definition` lines. */
export const definitionList: TextRule = {
  name: 'definition-list',
  stage: 'text',
  apply(run, i) {
    if (i + 1 >= run.lines.length || !DEFINITION_LINE.test(run.text(i + 1))) return 0;
    const term = run.text(i);
    if (!looksLikeTerm(stripInline(term))) return 0;
    const parts: string[] = [];
    let j = i + 1;
    for (; j < run.lines.length && DEFINITION_LINE.test(run.text(j)); j++) {
      const part = run.text(j).replace(/^:[ \t]+/, '');
      if (stripInline(part)) parts.push(part);
    }
    if (parts.length === 0) return j - i;
    run.open = run.builder.addDefinition(term, parts.join('; '), run.lines[i].source);
    run.found = true;
    return j - i;
  },
};
