import { describe, expect, it } from 'vitest';
import type { PdfPage, TextRun } from '../../src/parse/readers/pdf/loadPdfPages.js';
import { layoutPage } from '../../src/parse/readers/pdf/layoutPage.js';
import { findRunningLines } from '../../src/parse/readers/pdf/findRunningLines.js';
import { linesToBlocks, measureTypography } from '../../src/parse/readers/pdf/linesToBlocks.js';
import { writeMarkdown } from '../../src/parse/readers/writeMarkdown.js';

/** A text run as pdf.js gives it, with a width of 0.5 em per character (Helvetica-like). */
function run(text: string, x: number, y: number, options: Partial<TextRun> = {}): TextRun {
  const size = options.size ?? 10;
  return { text, x, y, width: text.length * size * (options.mono ? 0.6 : 0.5), size, bold: false, mono: false, ...options };
}

function page(runs: TextRun[], number = 1): PdfPage {
  return { number, width: 595, height: 842, runs, rotated: [], hasImages: false };
}

function markdownOf(pages: PdfPage[]): string {
  const laid = pages.map(layoutPage);
  const running = findRunningLines(laid);
  const kept = laid.flat().filter((l) => !running.has(l));
  return writeMarkdown(linesToBlocks(kept, measureTypography(kept))).text;
}

describe('PDF lines to Markdown', () => {
  it('joins wrapped lines, undoes hyphenation, spells out ligatures and plain-spaces NBSPs', () => {
    const md = markdownOf([
      page([
        run('La photosynthèse transforme l’énergie lumineuse en énergie chimique grâce à la chloro-', 50, 100),
        run('phylle des feuilles\u00a0: c’est un processus ﬁable et très eﬃcace pour la plante verte.', 50, 112),
        run('Une autre phrase courte.', 50, 140),
      ]),
    ]);
    expect(md).toContain('grâce à la chlorophylle des feuilles : c’est un processus fiable et très efficace pour la plante verte.');
    expect(md).toContain('\n\nUne autre phrase courte.');
  });

  it('keeps a short line as its own line, and a capital after a full question line on a new line', () => {
    const md = markdownOf([
      page([
        run('Quelle est la différence entre le magma et la lave dans un volcan actif aujourd’hui ?', 50, 100),
        run('Le magma est en profondeur.', 50, 112),
        run('La lave est en surface.', 50, 124),
      ]),
    ]);
    expect(md).toBe('Quelle est la différence entre le magma et la lave dans un volcan actif aujourd’hui ?\nLe magma est en profondeur.\nLa lave est en surface.\n');
  });

  it('bullets become a nested list and numbered questions an ordered list; bold terms stay bold', () => {
    const md = markdownOf([
      page([
        run('•', 50, 100),
        run('La lumière est indispensable.', 64, 100),
        run('◦', 64, 112),
        run('Elle vient du soleil.', 78, 112),
        run('•', 50, 124),
        run('Sans eau, pas de dioxygène.', 64, 124),
        run('Chlorophylle', 50, 150, { bold: true }),
        run(' : pigment vert.', 110, 150),
        run('1.', 50, 176),
        run('Où se déroule la phase claire ?', 64, 176),
      ]),
    ]);
    expect(md).toContain('- La lumière est indispensable.\n  - Elle vient du soleil.\n- Sans eau, pas de dioxygène.');
    expect(md).toContain('**Chlorophylle** : pigment vert.');
    expect(md).toContain('1. Où se déroule la phase claire ?');
  });

  it('an FAQ: a bold numbered question wrapped over two lines keeps the answer paragraphs set under it', () => {
    const md = markdownOf([
      page([
        run('1. Le candidat peut-il quitter la salle avant la fin de la première heure de l’épreuve écrite', 50, 100, { bold: true }),
        run('de sciences ?', 50, 112, { bold: true }),
        run('Non. Aucune sortie définitive n’est autorisée avant la fin de la première heure.', 50, 130),
        run('Le surveillant note l’heure de sortie.', 50, 148),
        run('2. Combien de temps dure l’épreuve ?', 50, 172, { bold: true }),
        run('Trois heures et trente minutes.', 50, 190),
      ]),
    ]);
    expect(md).toBe(
      [
        '1. **Le candidat peut-il quitter la salle avant la fin de la première heure de l’épreuve écrite de sciences ?**',
        '   Non. Aucune sortie définitive n’est autorisée avant la fin de la première heure.',
        '   Le surveillant note l’heure de sortie.',
        '2. **Combien de temps dure l’épreuve ?**',
        '   Trois heures et trente minutes.',
        '',
      ].join('\n'),
    );
  });

  it('headings from size and from a short bold line; monospaced lines as a code block', () => {
    const md = markdownOf([
      page([
        run('Cell biology', 50, 60, { size: 20, bold: true }),
        run('Key terms', 50, 90, { size: 14, bold: true }),
        run('A cell is the unit of life and this sentence is long enough to be body text.', 50, 110),
        run('Definitions', 50, 130, { bold: true }),
        run('Another sentence of ordinary body text follows the bold heading here.', 50, 145),
        run('def f(x):', 50, 170, { mono: true }),
        run('return x', 74, 182, { mono: true }),
      ]),
    ]);
    expect(md).toMatch(/^# Cell biology\n\n## Key terms\n/);
    expect(md).toContain('### Definitions');
    expect(md).toContain('```\ndef f(x):\n    return x\n```');
  });

  it('reads two columns one after the other, and a title across both first', () => {
    const left = Array.from({ length: 8 }, (_, i) => run(`left column line ${i} with enough words to fill it up`, 50, 120 + 12 * i));
    const right = Array.from({ length: 8 }, (_, i) => run(`right column line ${i} with enough words to fill it up`, 330, 120 + 12 * i));
    const laid = layoutPage(page([run('A title set across the two columns of the page', 150, 80, { size: 18 }), ...right, ...left]));
    const order = laid.map((l) => l.text.split(' ')[0]);
    expect(order).toEqual(['A', ...Array(8).fill('left'), ...Array(8).fill('right')]);
  });

  it('a table of aligned cells becomes a GFM table, a wrapped cell staying in its row', () => {
    const md = markdownOf([
      page([
        run('Phase', 50, 100),
        run('Lieu', 200, 100),
        run('Produits', 350, 100),
        run('Claire', 50, 112),
        run('Thylakoïdes', 200, 112),
        run('O2, ATP,', 350, 112),
        run('NADPH', 350, 124),
        run('Sombre', 50, 136),
        run('Stroma', 200, 136),
        run('Glucose', 350, 136),
      ]),
    ]);
    expect(md).toBe('| Phase | Lieu | Produits |\n| - | - | - |\n| Claire | Thylakoïdes | O2, ATP, NADPH |\n| Sombre | Stroma | Glucose |\n');
  });

  it('drops running headers and page numbers, but not a heading that opens each page with its own number', () => {
    const pages = [1, 2, 3].map((n) =>
      page(
        [
          run('Cours de biologie — terminale', 50, 40, { size: 8 }),
          run(`Chapitre ${n}`, 50, 80, { size: 16, bold: true }),
          run(`Le texte du chapitre ${n} est ici, avec assez de mots pour être du texte courant.`, 50, 110),
          run(`${n}`, 290, 810, { size: 8 }),
        ],
        n,
      ),
    );
    const laid = pages.map(layoutPage);
    const dropped = [...findRunningLines(laid)].map(([line, reason]) => `${line.page}:${line.text}:${reason.split(' (')[0]}`);
    expect(dropped).toEqual([
      '1:Cours de biologie — terminale:running header',
      '1:1:page number',
      '2:Cours de biologie — terminale:running header',
      '2:2:page number',
      '3:Cours de biologie — terminale:running header',
      '3:3:page number',
    ]);
  });
});
