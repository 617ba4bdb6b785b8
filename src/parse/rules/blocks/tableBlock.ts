import { isTermList } from '../../pasted/readGluedTable.js';
import { stripInline } from '../../stripInline.js';
import type { BlockRule } from '../Rule.js';

/**
 * A table, captioned by the lead-in above it; two tab-separated columns whose first row is no header
 * (a flashcard export, `term<TAB>definition`) are definitions instead.
 */
export const tableBlock: BlockRule = {
  name: 'table',
  stage: 'blocks',
  apply(walk, i) {
    const table = walk.blocks[i];
    if (table.type !== 'table') return 0;
    const plain = { header: table.header.map((c) => stripInline(c)), rows: table.rows.map((r) => r.map((c) => stripInline(c))), length: 0 };
    if (table.tabbed && isTermList(plain)) {
      [table.header, ...table.rows].forEach(([term, definition], k) => walk.builder.addDefinition(term, definition, { ...table.source, line: table.source.line + k }));
      return 1;
    }
    walk.builder.addTable(table.header, table.rows, table.source, walk.leadIn(i) ?? undefined);
    return 1;
  },
};
