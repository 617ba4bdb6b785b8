import { matchCloze } from '../../matchCloze.js';
import { matchDefinition } from '../../matchDefinition.js';
import { isQuestionText, matchAnswerLabel, matchQuestionLabel } from '../../matchQa.js';
import type { TextRule } from '../Rule.js';

const CLOZE_MARK = /==\S|\{\{c\d+::/;
/** Lines a cloze sentence may span on each side of its deletion. */
const MAX_SPAN = 8;

/**
 * `==highlight==` and Anki's `{{c1::answer::hint}}`. The cloze is the whole sentence around its
 * deletions, which a paragraph may wrap over several lines: the lines before it that no rule took,
 * and the lines after it up to one that starts another item, are part of it.
 */
export const cloze: TextRule = {
  name: 'cloze',
  stage: 'text',
  apply(run, i) {
    if (!CLOZE_MARK.test(run.text(i)) || !matchCloze(run.text(i))) return 0;
    // A sentence spans a few lines at most: the reach is bounded, so each line is looked at a few times.
    let first = i;
    while (first > 0 && i - first < MAX_SPAN && !run.taken[first - 1] && !startsItem(run.text(first - 1))) first--;
    let end = i + 1;
    while (end < run.lines.length && end - i < MAX_SPAN && !startsItem(run.text(end))) end++;
    const lines = run.lines.slice(first, end).map((l) => l.text);
    // Deletions never span lines: each is matched on the joined text, where a line end stays a line end.
    const found = matchCloze(lines.join('\n'));
    if (!found) return 0;
    const flat = (s: string) => s.replace(/\s*\n\s*/g, ' ');
    run.builder.addCloze({ text: flat(found.text), deletions: found.deletions, hints: found.hints, cloze: flat(found.cloze) }, run.lines[first].source);
    run.found = true;
    for (let k = first; k < i; k++) run.taken[k] = true;
    return end - i;
  },
};

/** A line that is an item of its own (a card, a labelled question, a definition), not part of a sentence. */
function startsItem(text: string): boolean {
  const t = text.trim();
  return (
    t === '' ||
    /^\?\??$/.test(t) ||
    t.replace(/\{\{c\d+::/g, '').includes('::') ||
    matchQuestionLabel(t) !== null ||
    matchAnswerLabel(t) !== null ||
    (isQuestionText(t) && !CLOZE_MARK.test(t)) ||
    (!CLOZE_MARK.test(t) && matchDefinition(t) !== null)
  );
}
