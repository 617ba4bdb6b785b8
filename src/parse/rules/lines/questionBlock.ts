import { ATX_HEADING } from '../../blocks/containerSyntax.js';
import { BULLET } from '../../pasted/bulletLine.js';
import { isTitleLike, isWeakStyle, matchColonHeading, matchNumberedHeading } from '../../pasted/matchBareHeading.js';
import { matchQuestionLine, stripNumbering } from '../../pasted/matchQuestionLine.js';
import { matchAnswerLabel, matchQuestionLabel } from '../../matchQa.js';
import { LineStretch, MAX_ITEM_LINE } from '../LineStretch.js';
import type { LineRule } from '../Rule.js';
import { startsStructure } from './documentTitle.js';

/**
 * Double-spaced pastes put a blank line after every line; there a blank line says nothing, and an
 * answer runs on across them.
 */
function blankIsBoundary(stretch: LineStretch): boolean {
  let nonBlank = 0;
  let followedByBlank = 0;
  for (let i = 0; i < stretch.length; i++) {
    if (stretch.blank(i)) continue;
    nonBlank++;
    if (i + 1 < stretch.length && stretch.blank(i + 1)) followedByBlank++;
  }
  return nonBlank === 0 || followedByBlank / nonBlank < 0.5;
}

/**
 * A question line (numbered or not, ending in `?` or `？`) and its answer lines: up to the next
 * question, heading, table or tree. Read before headings, so that short answer lines are never
 * taken for headings.
 */
export const questionBlock: LineRule = {
  name: 'question-block',
  stage: 'lines',
  read(stretch, i) {
    const question = matchQuestionLine(stretch.plain(i));
    // `Q:` labels and `::` cards are read by their own text rules.
    if (!question || stretch.text(i).includes('::')) return 0;
    if (matchQuestionLabel(stretch.text(i)) !== null && matchAnswerLabel(stretch.text(stretch.nextNonBlank(i))) !== null) return 0;
    // In notes with headings of their own, paragraphs are separated by blank lines as Markdown says.
    const boundary = (stretch.blankBoundary ??= stretch.state.structured || blankIsBoundary(stretch));
    const answers: number[] = [];
    let j = i + 1;
    for (; j < stretch.length; j++) {
      if (stretch.blank(j)) {
        if (boundary && answers.length) break;
        continue;
      }
      const line = stretch.text(j);
      if (line.length > MAX_ITEM_LINE) break;
      const text = stretch.plain(j);
      if (matchQuestionLine(text) || startsStructure(stretch, j) || ATX_HEADING.test(line) || (matchQuestionLabel(line) !== null && matchAnswerLabel(stretch.text(stretch.nextNonBlank(j))) !== null)) break;
      // The line before a `?` card separator is that card's question, not an answer.
      if (/^\?\??$/.test(stretch.text(stretch.nextNonBlank(j)).trim()) || /^\?\??$/.test(line.trim())) break;
      const numbered = matchNumberedHeading(text);
      if (numbered && !isWeakStyle(numbered.style)) break;
      if (matchColonHeading(text) !== null) {
        const next = stretch.nextNonBlank(j);
        if (next < 0 || !BULLET.test(stretch.text(next))) break;
      }
      // After sentence answers, a title-shaped line starts the next part of the notes.
      if (answers.length && isTitleLike(text) && answers.every((a) => /[.。!！…)）]$/.test(stretch.text(a).trim()))) break;
      answers.push(j);
    }
    if (answers.length === 0) return 0;
    const number = /^\s*(?:Q|Question|问题|题)?\s*(\d{1,3})/i.exec(stretch.plain(i));
    stretch.emit({ type: 'question', question: { text: stripNumbering(stretch.text(i)), source: stretch.source(i) }, number: number ? Number(number[1]) : null, answers: answers.map((a) => stretch.sourceLine(a)) });
    stretch.state.atStart = false;
    stretch.state.firstText ??= question;
    return j - i;
  },
};
