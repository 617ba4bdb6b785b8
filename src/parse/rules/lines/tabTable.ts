import { readPipeTable, readTabTable } from '../../pasted/readGluedTable.js';
import type { LineRule } from '../Rule.js';

/** Lines of tab-separated cells copied from a web table, a spreadsheet or a flashcard export. */
export const tabTable: LineRule = {
  name: 'tab-table',
  stage: 'lines',
  read(stretch, i) {
    if (readPipeTable(stretch.lines.text, i)) return 0;
    const table = readTabTable(stretch.lines.text, i);
    if (!table) return 0;
    stretch.emit({ type: 'table', header: table.header, rows: table.rows, source: stretch.source(i), tabbed: true });
    return table.length;
  },
};
