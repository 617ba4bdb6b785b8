import { foldText } from './foldText.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { joinFact } from './joinFact.js';
import { makeQuestionId } from './makeQuestionId.js';
import { makeTrueFalseDraft } from './makeTrueFalseDraft.js';
import { pickFalseSibling } from './pickFalseSibling.js';
import { parseNumber } from './parseNumber.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { selectDistractors } from './selectDistractors.js';

/**
 * "What is the {column} of {row}?" for every filled cell outside the first column, which names the
 * row. Wrong options come from the same column, then from same-named columns of other tables.
 */
export function generateTableQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording } = ctx;
  const drafts: QuestionDraft[] = [];
  for (const table of document.tables) {
    const header = table.header.map((h) => h.trim());
    table.rows.forEach((row, r) => {
      const rowName = (row[0] ?? '').trim();
      if (!foldText(rowName)) return;
      for (let c = 1; c < header.length; c++) {
        const key = (row[c] ?? '').trim();
        if (!key || !header[c]) continue;
        const column = table.rows.filter((_, o) => o !== r).map((other) => other[c] ?? '');
        const elsewhere = document.tables
          .filter((t) => t !== table)
          .flatMap((t) => {
            const i = t.header.findIndex((h) => foldText(h) === foldText(header[c]));
            return i < 1 ? [] : t.rows.map((other) => other[i] ?? '');
          });
        const stem = wording.render('table-cell', { column: header[c], row: rowName, caption: table.caption ?? '' });
        const choice = selectDistractors({ key, stem, tiers: [column, elsewhere] });
        // GFM tables: header line, delimiter line, then one line per row.
        const line = table.source.line + 2 + r;
        const source = { file: document.file, line, quote: row.map((cell) => cell.trim()).join(' | '), item: table.id };
        const explanation = joinFact(document.language, `${rowName} — ${header[c]}`, key);
        const part = `${rowName}\u0000${header[c]}`;
        if (!choice) {
          // Too few like values in the column (a two-row or transposed table): true/false with the
          // value of another row, or of another column of the same row, swapped in.
          const sameRow = row.filter((_, o) => o !== 0 && o !== c);
          const other = pickFalseSibling(key, [column, sameRow, elsewhere]);
          if (!other) continue;
          const statement = (value: string) => wording.render('table-statement', { column: header[c], row: rowName, value });
          drafts.push(
            makeTrueFalseDraft(wording, {
              template: 'table-statement',
              itemId: table.id,
              part,
              statement: statement(key),
              falsified: statement(other),
              explanation,
              theme: table.section,
              source,
              origin: `${table.id}#row${r}`,
            }),
          );
          continue;
        }
        drafts.push({
          id: makeQuestionId('table-cell', table.id, part),
          type: 'single-choice',
          template: 'table-cell',
          stem,
          key,
          distractors: choice.distractors,
          ascending: [key, ...choice.distractors].every((o) => parseNumber(o) !== null),
          explanation,
          theme: table.section,
          difficulty: rateDifficulty(choice.tiers),
          language: wording.language,
          source,
          origin: `${table.id}#row${r}`,
        });
      }
    });
  }
  return drafts;
}
