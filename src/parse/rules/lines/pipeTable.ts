import { readPipeTable } from '../../pasted/readGluedTable.js';
import type { LineRule } from '../Rule.js';

/** A GFM table, also glued to the text around it: it ends where its rows end. */
export const pipeTable: LineRule = {
  name: 'pipe-table',
  stage: 'lines',
  read(stretch, i) {
    const table = readPipeTable(stretch.lines.text, i);
    if (!table) return 0;
    stretch.emit({ type: 'table', header: table.header, rows: table.rows, source: stretch.source(i), tabbed: false });
    return table.length;
  },
};
