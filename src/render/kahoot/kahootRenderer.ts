import ExcelJS from 'exceljs';
import { readZipEntry, writeZip, zipEntryNames } from '../anki/zip.js';
import type { McqQuestion } from '../mcq/McqBank.js';
import { exportBank, type ExportBank, type ExportContext, isXmlText, questionShape, questionTexts, SkipTally } from '../quiz/exportQuestions.js';
import type { Renderer } from '../Renderer.js';

/** Kahoot's import limits, counted in UTF-16 code units (never fewer than the characters a person counts). */
export const KAHOOT_QUESTION_MAX = 120;
export const KAHOOT_ANSWER_MAX = 75;
export const KAHOOT_TIME_LIMITS = [5, 10, 20, 30, 60, 90, 120, 240] as const;
/** The import template's layout: a header row, then one question per row from row 8, columns A–H. */
export const KAHOOT_FIRST_ROW = 8;

function why(q: McqQuestion): string | null {
  if (questionShape(q) === null) return 'without a key';
  if (q.options.length > 4) return 'with more than 4 answers';
  if (q.stem.length > KAHOOT_QUESTION_MAX) return `with a question longer than ${KAHOOT_QUESTION_MAX} characters`;
  if (q.options.some((o) => o.text.length > KAHOOT_ANSWER_MAX)) return `with an answer longer than ${KAHOOT_ANSWER_MAX} characters`;
  if (q.options.some((o) => o.text.trim() === '')) return 'with an empty answer';
  if (!questionTexts(q).every(isXmlText)) return 'with characters a spreadsheet cannot hold';
  return null;
}

/**
 * Kahoot's quiz spreadsheet: questions that break its limits are left out and counted, never cut.
 * exceljs dates its zip entries with the clock, so the workbook is repacked with the build's date.
 */
export const kahootRenderer: Renderer = {
  name: 'kahoot',
  extension: '.kahoot.xlsx',
  binary: true,
  optional: true,
  description: 'Kahoot quiz spreadsheet (.xlsx in the import template layout)',
  async render(document, context) {
    return writeKahootSheet(exportBank(document, context), context);
  },
};

/** The export of any bank (single-choice, true/false and multiple-answer questions alike). */
export async function writeKahootSheet(bank: ExportBank, context: ExportContext): Promise<Uint8Array | null> {
  const requested = Number(context.options.timeLimit ?? 20);
  const timeLimit = (KAHOOT_TIME_LIMITS as readonly number[]).includes(requested) ? requested : 20;
  if (timeLimit !== requested) context.report({ message: `kahoot: time limit ${String(context.options.timeLimit)} is not one of ${KAHOOT_TIME_LIMITS.join(', ')} s; 20 s used`, ruleId: 'kahoot-option' });
  const tally = new SkipTally();
  const kept = bank.questions.filter((q) => {
    const reason = why(q);
    if (reason) tally.skip(reason);
    return reason === null;
  });
  tally.report(context, 'kahoot', bank.questions.length);
  if (kept.length === 0) {
    context.report({ message: 'kahoot: no question fits Kahoot; no spreadsheet written', ruleId: 'kahoot-empty' });
    return null;
  }
  const date = new Date(context.timestamp * 1000);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'revise';
  workbook.lastModifiedBy = 'revise';
  workbook.created = date;
  workbook.modified = date;
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.getCell('B2').value = bank.title;
  sheet.getCell('B3').value = `Questions made by revise from ${bank.file}; Kahoot reads the rows from ${KAHOOT_FIRST_ROW} on.`;
  const header = sheet.getRow(KAHOOT_FIRST_ROW - 1);
  header.values = [
    '',
    `Question (max ${KAHOOT_QUESTION_MAX} characters)`,
    `Answer 1 (max ${KAHOOT_ANSWER_MAX} characters)`,
    `Answer 2 (max ${KAHOOT_ANSWER_MAX} characters)`,
    `Answer 3 (max ${KAHOOT_ANSWER_MAX} characters)`,
    `Answer 4 (max ${KAHOOT_ANSWER_MAX} characters)`,
    `Time limit (s): ${KAHOOT_TIME_LIMITS.join(', ')}`,
    'Correct answer(s): numbers, comma-separated',
  ];
  header.font = { bold: true };
  kept.forEach((q, i) => {
    const row = sheet.getRow(KAHOOT_FIRST_ROW + i);
    const answers = [0, 1, 2, 3].map((k) => q.options[k]?.text ?? null);
    const keys = q.options.flatMap((o, k) => (o.correct ? [String(k + 1)] : [])).join(',');
    // Text cells throughout (a number-looking answer stays the text it was in the notes).
    row.values = [i + 1, q.stem, ...answers, timeLimit, keys];
    for (let c = 2; c <= 6; c++) row.getCell(c).numFmt = '@';
    row.getCell(8).numFmt = '@';
  });
  sheet.getColumn(2).width = 60;
  for (let c = 3; c <= 6; c++) sheet.getColumn(c).width = 28;
  const raw = new Uint8Array(await workbook.xlsx.writeBuffer());
  const entries = zipEntryNames(raw)
    .filter((name) => !name.endsWith('/'))
    .map((name) => ({ name, data: readZipEntry(raw, name)! }));
  return writeZip(entries, context.timestamp);
}
