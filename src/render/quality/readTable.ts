import type { Table } from '../../model/StudyDocument.js';
import { foldText } from './foldText.js';
import type { QuestionRules } from './QuestionRules.js';

/** A table read as things (rows, or columns when transposed) described by attributes. */
export interface TableReading {
  transposed: boolean;
  /** Names of the things: first-column cells, or header cells after the first when transposed. */
  things: string[];
  /** Names of the attributes: header cells after the first, or first-column cells when transposed. */
  attributes: string[];
  /** The value of attribute `a` for thing `t`. */
  value(t: number, a: number): string;
  /** Notes line of the cell. */
  line(t: number, a: number): number;
}

export const inList = (list: readonly string[], text: string) => {
  const f = foldText(text);
  return list.some((x) => foldText(x) === f);
};

/**
 * How to read a table: normally each row is a thing and each column an attribute; when the first
 * column names attributes (its header is "Aspect", "Critère", "项目", or empty), the columns are the
 * things ("What is the focus of Traditional Marketing?", not "the Traditional Marketing of Focus").
 */
export function readTable(table: Table, rules: Pick<QuestionRules, 'attributeHeaders'>): TableReading {
  const header = table.header.map((h) => h.trim());
  const first = header[0] ?? '';
  const transposed = header.length >= 3 && (first === '' || inList(rules.attributeHeaders, first));
  // GFM tables: header line, delimiter line, then one line per row.
  const rowLine = (r: number) => table.source.line + 2 + r;
  if (transposed) {
    return {
      transposed,
      things: header.slice(1),
      attributes: table.rows.map((row) => (row[0] ?? '').trim()),
      value: (t, a) => (table.rows[a]?.[t + 1] ?? '').trim(),
      line: (_t, a) => rowLine(a),
    };
  }
  return {
    transposed,
    things: table.rows.map((row) => (row[0] ?? '').trim()),
    attributes: header.slice(1),
    value: (t, a) => (table.rows[t]?.[a + 1] ?? '').trim(),
    line: (t) => rowLine(t),
  };
}

