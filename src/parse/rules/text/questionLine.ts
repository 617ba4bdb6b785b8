import { isQuestionText } from '../../matchQa.js';
import { stripNumbering } from '../../pasted/matchQuestionLine.js';
import type { TextRule } from '../Rule.js';

/** A question line followed, in the same paragraph or list item, by its answer lines. */
export const questionLine: TextRule = {
  name: 'question-line',
  stage: 'text',
  apply(run, i) {
    if (!isQuestionText(run.plain(i)) || i + 1 >= run.lines.length || isQuestionText(run.plain(i + 1))) return 0;
    const question = stripNumbering(run.text(i));
    const answers: string[] = [];
    let j = i + 1;
    while (j < run.lines.length && !isQuestionText(run.plain(j))) answers.push(run.text(j++));
    run.builder.addQa(question, answers, run.lines[i].source);
    run.found = true;
    return j - i;
  },
};
