import type { McqQuestion } from '../mcq/McqBank.js';
import { byCategory, categoryPath, exportBank, type ExportBank, type ExportContext, MOODLE_PARTIAL, questionShape, SkipTally, statementIsTrue } from '../quiz/exportQuestions.js';
import type { Renderer } from '../Renderer.js';
import { categoryText, giftText } from './giftText.js';


function generalFeedback(q: McqQuestion, sourceLabel: string): string {
  const source = `${sourceLabel} ${q.source.file}:${q.source.line}`;
  return giftText(q.explanation ? `${q.explanation}\n${source}` : source);
}

function giftQuestion(q: McqQuestion, tally: SkipTally): string | null {
  const shape = questionShape(q);
  if (shape === null) {
    tally.skip('without a key');
    return null;
  }
  if (q.options.some((o) => o.text.trim() === '')) {
    tally.skip('with an empty option');
    return null;
  }
  const lines = [`// [id:${q.id}]`, `::${q.id}::${giftText(q.stem, true)}{`];
  if (shape === 'true-false') {
    lines[1] += statementIsTrue(q) ? 'TRUE' : 'FALSE';
  } else if (shape === 'single') {
    for (const o of q.options) lines.push(`${o.correct ? '=' : '~'}${giftText(o.text)}`);
  } else {
    const keys = q.options.filter((o) => o.correct).length;
    const weight = MOODLE_PARTIAL.get(keys);
    if (weight === undefined) {
      tally.skip(`with ${keys} correct answers (no Moodle grade is 1/${keys})`);
      return null;
    }
    for (const o of q.options) lines.push(`~%${o.correct ? weight : '-100'}%${giftText(o.text)}`);
  }
  lines.push(`####${generalFeedback(q, 'Source:')}`, '}');
  return lines.join('\n');
}

/** Moodle GIFT: one `$CATEGORY:` per theme, `::stable-id::` names, true/false and multiple-answer in GIFT's own syntax. */
export const giftRenderer: Renderer = {
  name: 'gift',
  extension: '.gift.txt',
  binary: false,
  optional: true,
  description: 'Moodle GIFT question file (categories per theme, stable question names)',
  render(document, context) {
    return writeGift(exportBank(document, context), context);
  },
};

/** The export of any bank (single-choice, true/false and multiple-answer questions alike). */
export function writeGift(bank: ExportBank, context: ExportContext): string | null {
  if (bank.questions.length === 0) {
    context.report({ message: 'gift: the question bank is empty; no GIFT file written', ruleId: 'gift-empty' });
    return null;
  }
  const tally = new SkipTally();
  const blocks: string[] = [`// ${bank.title.replace(/[\r\n]+/g, ' ')}: questions made by revise from ${bank.file}`];
  let category = '';
  for (const q of byCategory(bank.title, bank.questions)) {
    const text = giftQuestion(q, tally);
    if (text === null) continue;
    const cat = categoryText(categoryPath(bank.title, q));
    if (cat !== category) {
      blocks.push(`$CATEGORY: ${cat}`);
      category = cat;
    }
    blocks.push(text);
  }
  tally.report(context, 'gift', bank.questions.length);
  return `${blocks.join('\n\n')}\n`;
}
