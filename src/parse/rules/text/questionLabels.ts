import { matchAnswerLabel, matchQuestionLabel } from '../../matchQa.js';
import { stripInline } from '../../stripInline.js';
import type { TextRule } from '../Rule.js';

/** `Q: …` then `A: …` (also `Question:`, `Réponse :`, `问：`, `答：`), each side over several lines. */
export const questionLabels: TextRule = {
  name: 'question-labels',
  stage: 'text',
  apply(run, i) {
    const asked = matchQuestionLabel(run.text(i));
    if (asked === null) return 0;
    const parts = [asked];
    let j = i + 1;
    while (j < run.lines.length && matchAnswerLabel(run.text(j)) === null && matchQuestionLabel(run.text(j)) === null) parts.push(run.text(j++));
    if (j >= run.lines.length || matchAnswerLabel(run.text(j)) === null) return 0;
    const answers = [matchAnswerLabel(run.text(j)) ?? ''];
    j++;
    while (j < run.lines.length && matchQuestionLabel(run.text(j)) === null) answers.push(run.text(j++));
    if (!answers.some((a) => stripInline(a))) return 0;
    run.builder.addQa(parts.filter(Boolean).join(' '), answers, run.lines[i].source);
    run.found = true;
    return j - i;
  },
};
