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

describe('answers and prompts in pasted text', () => {
  it('a flow among the answer lines is also a sequence', () => {
    const doc = parse(['Qu’est-ce que le prix d’équilibre ?', 'Le prix où l’offre égale la demande.', 'Hausse de la demande -> hausse du prix -> hausse de l’offre']);
    expect(doc.qa[0].answers).toHaveLength(2);
    expect(doc.sequences[0]).toMatchObject({ steps: ['Hausse de la demande', 'hausse du prix', 'hausse de l’offre'], source: { line: 3 } });
  });
  it('download and print prompts are boilerplate, and the real title comes first', () => {
    const doc = parse(['Cours de microéconomie – Chapitre 3', 'Télécharger le PDF', 'Page 1 / 4', 'I. L’offre et la demande', 'La demande : quantité qu’on souhaite acheter à un prix donné.']);
    expect(doc.title).toBe('Cours de microéconomie – Chapitre 3');
    expect(doc.dropped.map((d) => [d.line, d.reason])).toEqual([
      [2, 'download or print prompt'],
      [3, 'page counter'],
    ]);
    expect(doc.definitions.map((d) => d.term)).toEqual(['La demande']);
  });
});
