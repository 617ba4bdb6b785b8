import { categoryText } from '../gift/giftText.js';
import type { McqQuestion } from '../mcq/McqBank.js';
import { byCategory, categoryPath, exportBank, type ExportBank, type ExportContext, MOODLE_PARTIAL, isXmlText, questionShape, questionTexts, SkipTally, statementIsTrue } from '../quiz/exportQuestions.js';
import type { Renderer } from '../Renderer.js';
import { cdata, htmlText, xmlText } from './moodleXml.js';


const html = (text: string) => `<text>${cdata(`<p>${htmlText(text)}</p>`)}</text>`;
const empty = '<text></text>';

function feedback(q: McqQuestion): string {
  const source = `<p>Source: ${htmlText(`${q.source.file}:${q.source.line}`)}</p>`;
  return `<text>${cdata(q.explanation ? `<p>${htmlText(q.explanation)}</p>${source}` : source)}</text>`;
}

function category(levels: string[]): string[] {
  return [
    '  <question type="category">',
    `    <category><text>${xmlText(categoryText(levels))}</text></category>`,
    '    <info format="html"><text></text></info>',
    '  </question>',
  ];
}

function question(q: McqQuestion, tally: SkipTally): string[] | null {
  const shape = questionShape(q);
  if (shape === null) return tally.skip('without a key'), null;
  if (!questionTexts(q).every(isXmlText)) return tally.skip('with characters XML cannot hold'), null;
  if (q.options.some((o) => o.text.trim() === '')) return tally.skip('with an empty option'), null;
  const keys = q.options.filter((o) => o.correct).length;
  const weight = shape === 'multiple' ? MOODLE_PARTIAL.get(keys) : '100';
  if (weight === undefined) return tally.skip(`with ${keys} correct answers (no Moodle grade is 1/${keys})`), null;
  const head = [
    `  <question type="${shape === 'true-false' ? 'truefalse' : 'multichoice'}">`,
    `    <name><text>${xmlText(q.id)}</text></name>`,
    `    <questiontext format="html">${html(q.stem)}</questiontext>`,
    `    <generalfeedback format="html">${feedback(q)}</generalfeedback>`,
    '    <defaultgrade>1</defaultgrade>',
    `    <penalty>${shape === 'true-false' ? '1' : '0.3333333'}</penalty>`,
    '    <hidden>0</hidden>',
    `    <idnumber>${xmlText(q.id)}</idnumber>`,
  ];
  if (shape === 'true-false') {
    const isTrue = statementIsTrue(q);
    return [
      ...head,
      `    <answer fraction="${isTrue ? 100 : 0}" format="moodle_auto_format"><text>true</text><feedback format="html">${empty}</feedback></answer>`,
      `    <answer fraction="${isTrue ? 0 : 100}" format="moodle_auto_format"><text>false</text><feedback format="html">${empty}</feedback></answer>`,
      '  </question>',
    ];
  }
  return [
    ...head,
    `    <single>${shape === 'single'}</single>`,
    // The bank already balanced key positions and ordered numbers; keep its order.
    '    <shuffleanswers>false</shuffleanswers>',
    '    <answernumbering>abc</answernumbering>',
    '    <showstandardinstruction>0</showstandardinstruction>',
    `    <correctfeedback format="html">${empty}</correctfeedback>`,
    `    <partiallycorrectfeedback format="html">${empty}</partiallycorrectfeedback>`,
    `    <incorrectfeedback format="html">${empty}</incorrectfeedback>`,
    ...q.options.map((o) => `    <answer fraction="${o.correct ? weight : shape === 'multiple' ? '-100' : '0'}" format="html">${html(o.text)}<feedback format="html">${empty}</feedback></answer>`),
    '  </question>',
  ];
}

/** Moodle XML: a category per theme, text as HTML in CDATA, `idnumber` from the stable id. */
export const moodleRenderer: Renderer = {
  name: 'moodle',
  extension: '.moodle.xml',
  binary: false,
  optional: true,
  description: 'Moodle XML question file (categories, idnumber, multiple-answer grades)',
  render(document, context) {
    return writeMoodleXml(exportBank(document, context), context);
  },
};

/** The export of any bank (single-choice, true/false and multiple-answer questions alike). */
export function writeMoodleXml(bank: ExportBank, context: ExportContext): string | null {
  if (bank.questions.length === 0) {
    context.report({ message: 'moodle: the question bank is empty; no Moodle XML written', ruleId: 'moodle-empty' });
    return null;
  }
  const tally = new SkipTally();
  // The XML declaration must be the very first bytes: Moodle rejects the file otherwise.
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let current = '';
  for (const q of byCategory(bank.title, bank.questions)) {
    const body = question(q, tally);
    if (body === null) continue;
    const levels = categoryPath(bank.title, q);
    if (JSON.stringify(levels) !== current) {
      lines.push(...category(levels));
      current = JSON.stringify(levels);
    }
    lines.push(...body);
  }
  lines.push('</quiz>', '');
  tally.report(context, 'moodle', bank.questions.length);
  return lines.join('\n');
}
