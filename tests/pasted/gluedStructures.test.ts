import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/parseNotes.js';

const parse = (lines: string[]) => parseNotes(lines.join('\n'), { file: 'paste.txt' }).document;

describe('structures glued to each other in pasted text', () => {
  it('a table right under a drawn tree ends the tree', () => {
    const doc = parse([
      'Causes of the revolution',
      '├─ Financial crisis',
      '│  └─ War debts',
      '└─ Social inequality',
      '| Event | Date |',
      '|---|---|',
      '| Bastille | 1789 |',
      '| Terror | 1793 |',
      'Why did it start?',
      'The king needed money.',
    ]);
    expect(doc.outlines).toHaveLength(1);
    expect(doc.outlines[0].children.map((c) => c.label)).toEqual(['Financial crisis', 'Social inequality']);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toMatchObject({ header: ['Event', 'Date'], rows: [['Bastille', '1789'], ['Terror', '1793']], source: { line: 5 } });
    expect(doc.qa[0]).toMatchObject({ question: 'Why did it start?', answers: ['The king needed money.'] });
  });
});
