import { collectDeckNotes } from '../anki/collectDeckNotes.js';
import { clozeSides } from '../quiz/collectQuizCards.js';
import { fieldText } from '../quiz/fieldText.js';
import type { CardSegment } from '../quiz/QuizChapter.js';
import { SkipTally } from '../quiz/exportQuestions.js';
import type { Renderer } from '../Renderer.js';

const segmentText = (segments: readonly CardSegment[]) => segments.map((s) => (typeof s === 'string' ? s : 'b' in s ? s.b : 'm' in s ? s.m : '')).join('');

/** A list of answers (collectDeckNotes writes `<ul><li>…`) as one line: its items joined with "; ". */
function sideText(html: string): string {
  if (html.startsWith('<ul><li>') && html.endsWith('</li></ul>')) return html.slice(8, -10).split('</li><li>').map(fieldText).join('; ');
  return fieldText(html);
}

/**
 * Term TAB definition, one card per line, for Quizlet, Knowt and Anki's text import. A field with a
 * tab or a line break cannot be written (those formats have no escape): that card is left out and counted.
 */
export const tsvRenderer: Renderer = {
  name: 'tsv',
  extension: '.tsv',
  binary: false,
  optional: true,
  description: 'term → definition, tab-separated, one card per line (Quizlet, Knowt, Anki text import)',
  render(document, context) {
    const pairs: [string, string][] = [];
    for (const note of collectDeckNotes(document, '', document.file)) {
      if (note.type === 'cloze') {
        for (const ord of note.cardOrds) {
          const { front, back } = clozeSides(note.fields[0], ord + 1);
          pairs.push([segmentText(front), back.flatMap((s) => (typeof s === 'object' && 'm' in s ? [s.m] : [])).join('; ')]);
        }
      } else pairs.push([sideText(note.fields[0]), sideText(note.fields[1])]);
    }
    const tally = new SkipTally();
    const lines: string[] = [];
    for (const [term, definition] of pairs) {
      if ([term, definition].some((f) => /[\t\r\n]/.test(f))) tally.skip('with a tab or line break inside a side');
      else if (!term.trim() || !definition.trim()) tally.skip('with an empty side');
      else lines.push(`${term}\t${definition}`);
    }
    tally.report(context, 'tsv', pairs.length, 'cards');
    if (lines.length === 0) {
      context.report({ message: 'tsv: no card to write; no TSV file written', ruleId: 'tsv-empty' });
      return null;
    }
    return `${lines.join('\n')}\n`;
  },
};
