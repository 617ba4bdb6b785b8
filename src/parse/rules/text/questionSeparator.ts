import type { TextRule } from '../Rule.js';

/**
 * The multi-line card of spaced-repetition plugins: question lines, a line holding only `?` (`??`
 * for both directions), answer lines; the paragraph is the card.
 */
export const questionSeparator: TextRule = {
  name: 'question-separator',
  stage: 'text',
  apply(run, i) {
    if (i !== 0) return 0;
    const separator = run.lines.findIndex((l) => /^\?\??$/.test(l.text.trim()));
    if (separator <= 0 || separator >= run.lines.length - 1) return 0;
    const question = run.lines.slice(0, separator).map((l) => l.text).join(' ');
    const answers = run.lines.slice(separator + 1).map((l) => l.text);
    run.builder.addQa(question, answers, run.lines[0].source, run.lines[separator].text.trim() === '??');
    run.found = true;
    return run.lines.length;
  },
};
