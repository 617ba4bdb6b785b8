import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeItemId } from '../../src/model/makeItemId.js';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { ankiRenderer } from '../../src/render/anki/ankiRenderer.js';
import { NOTE_TYPE_SPECS } from '../../src/render/anki/noteTypeSpecs.js';
import { DocumentMaker } from '../mcq/DocumentMaker.js';
import { fieldText, readApkg, type Apkg } from './readApkg.js';
import { renderContext, repoRoot } from './renderHelpers.js';

/*
 * The Anki faults of issue 12, rebuilt from hand-made notes and read back from the .apkg: a
 * definition card never shows its term on the definition side, no legend cards, one note per
 * front, tables, outlines, key facts and authored questions give cards, long answers are lists.
 */

const dir = mkdtempSync(join(tmpdir(), 'revise-note-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const checker = join(repoRoot, '..', 'shared', 'tools', 'check_apkg.py');
const python = spawnSync('python3', ['--version']).status === 0;

async function deckOf(doc: StudyDocument): Promise<{ apkg: Apkg; messages: ReturnType<typeof renderContext>['messages']; path: string }> {
  const ctx = renderContext(doc);
  const bytes = (await ankiRenderer.render(doc, ctx)) as Uint8Array;
  const path = join(dir, `${doc.file}-${Math.random().toString(36).slice(2)}.apkg`);
  writeFileSync(path, bytes);
  return { apkg: await readApkg(bytes), messages: ctx.messages, path };
}
/** Folded like an outside reader would: no markup, no punctuation, no spaces, no small words. */
const norm = (s: string) => fieldText(s).normalize('NFKC').toLowerCase().replace(/[的之]/g, '').replace(/[\p{P}\p{S}\s]+/gu, '');
/** Fronts in the order the student meets them (new cards come in notes order). */
const fronts = (apkg: Apkg) => {
  const due = new Map(apkg.cards.map((c) => [c.nid, c.due]));
  return [...apkg.notes].sort((a, b) => due.get(a.id)! - due.get(b.id)!).map((n) => fieldText(n.fields[0]));
};
const noteAt = (apkg: Apkg, front: string) => apkg.notes.find((n) => fieldText(n.fields[0]) === front);

describe('definition cards', () => {
  it('zh: the definition side never shows its term or a variant of it (客户满意度, 供应链, 客户关系管理, 客户的忠诚度)', async () => {
    const m = new DocumentMaker('zh', 'crm.md');
    m.definition('客户满意度', '客户满意度是对客户满意程度的度量;而客户满意是客户对产品的体验与期望之间的比较。');
    m.definition('供应链', '供应链是围绕核心企业,把供应商、制造商、分销商直到最终顾客连成整体的功能网链。');
    m.definition('客户关系管理', '客户关系管理是企业以客户为中心开展的所有商业过程的总和。');
    m.definition('客户的忠诚度', '客户忠诚度是指客户忠于企业的程度。');
    const { apkg, path } = await deckOf(m.doc);
    const defs = apkg.notes.filter((n) => n.mid === NOTE_TYPE_SPECS.definition.id);
    expect(defs).toHaveLength(4);
    for (const n of defs) {
      expect(norm(n.fields[1]).includes(norm(n.fields[0])), fieldText(n.fields[1])).toBe(false);
      expect(n.fields[1]).toMatch(/^<span class=revise-blank>＿＿<\/span>是/);
    }
    if (python && existsSync(checker)) expect(spawnSync('python3', [checker, path], { encoding: 'utf8' }).stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
  });

  it('fr: a formula legend gives no card ("E → L\'ensemble"); an abbreviation does', async () => {
    const m = new DocumentMaker('fr', 'clv.md');
    for (const [t, d] of [['E', "L'ensemble"], ['m', 'Marge bénéficiaire'], ['r', 'Taux de rétention'], ['t', 'Unité de temps'], ['CAC', "Coût d'acquisition client"]]) m.definition(t, d);
    const { apkg, messages } = await deckOf(m.doc);
    expect(fronts(apkg)).toEqual(['CAC']);
    expect(messages.find((x) => x.ruleId === 'quality-gate')!.message).toBe('anki: quality gate kept 1 of 5 notes, dropped 4: symbol-term 4');
  });

  it('en: a term that is a whole sentence gives one card, term to definition, and no reverse card', async () => {
    const m = new DocumentMaker('en');
    m.definition('When the moon passes between the sun and the earth and hides the sun completely', 'a total solar eclipse.');
    const { apkg } = await deckOf(m.doc);
    expect(apkg.notes).toHaveLength(1);
    expect(apkg.notes[0].mid).toBe(NOTE_TYPE_SPECS.basic.id);
    expect(apkg.cards).toHaveLength(1);
  });
});

describe('one note per front', () => {
  it('merges two definitions of one term into one note, the richer first, and says so', async () => {
    const m = new DocumentMaker('en');
    m.definition('Osmosis', 'diffusion of water.');
    m.definition('Osmosis', 'diffusion of water through a semi-permeable membrane, from low to high solute concentration.', ['Later']);
    m.definition('Diffusion', 'spread of particles down a gradient.');
    const { apkg, messages } = await deckOf(m.doc);
    expect(fronts(apkg).sort()).toEqual(['Diffusion', 'Osmosis']);
    const osmosis = noteAt(apkg, 'Osmosis')!;
    // The short one says nothing the long one does not: the long one alone is kept.
    expect(fieldText(osmosis.fields[1])).toBe('diffusion of water through a semi-permeable membrane, from low to high solute concentration.');
    expect(messages.some((x) => x.ruleId === 'quality/same-front' && x.line === m.doc.definitions[1].source.line)).toBe(true);
  });
});

describe('cards that cover the course', () => {
  it('a table gives one card per row (per column when its first column names attributes)', async () => {
    const m = new DocumentMaker('en');
    m.table(['Planet', 'Type', 'Moons'], [['Mercury', 'Rocky', '0'], ['Jupiter', 'Gas giant', '95'], ['Neptune', 'Ice giant', '16']]);
    m.table(['Aspect', 'Prokaryote', 'Eukaryote'], [['Nucleus', 'No', 'Yes'], ['Size', '1–10 µm', '10–100 µm']], ['Cells']);
    const { apkg } = await deckOf(m.doc);
    expect(fronts(apkg)).toEqual(['Mercury: Type, Moons?', 'Jupiter: Type, Moons?', 'Neptune: Type, Moons?', 'Prokaryote: Nucleus, Size?', 'Eukaryote: Nucleus, Size?']);
    expect(noteAt(apkg, 'Jupiter: Type, Moons?')!.fields[1]).toBe('<ul><li><b>Type</b>: Gas giant</li><li><b>Moons</b>: 95</li></ul>');
    expect(noteAt(apkg, 'Eukaryote: Nucleus, Size?')!.fields[1]).toBe('<ul><li><b>Nucleus</b>: Yes</li><li><b>Size</b>: 10–100 µm</li></ul>');
  });

  it('an outline gives a "name the N" card per branch, in the notes\' order', async () => {
    const m = new DocumentMaker('fr');
    m.outline(['La cellule', [['Organites', ['Noyau', 'Mitochondrie', 'Ribosome']], ['Enveloppes', ['Membrane', 'Paroi']], 'Cytoplasme']]);
    const { apkg } = await deckOf(m.doc);
    expect(fronts(apkg)).toEqual(['La cellule : citez les 3 éléments', 'Organites : citez les 3 éléments', 'Enveloppes : citez les 2 éléments']);
    expect(noteAt(apkg, 'Organites : citez les 3 éléments')!.fields[1]).toBe('<ol><li>Noyau</li><li>Mitochondrie</li><li>Ribosome</li></ol>');
  });

  it('a key fact gives a cloze on its figure', async () => {
    const m = new DocumentMaker('fr');
    m.keyPoint('Un client fidèle rapporte 7 à 10 fois plus qu’un nouveau, et 55 % des achats viennent de lui.');
    m.doc.keyPoints[0].figures = ['7 à 10 fois', '55 %'];
    m.keyPoint('La fidélisation se mesure.');
    const { apkg } = await deckOf(m.doc);
    expect(apkg.notes).toHaveLength(1);
    expect(apkg.notes[0].fields[0]).toBe('Un client fidèle rapporte {{c1::7 à 10 fois}} plus qu&#39;un nouveau, et {{c2::55 %}} des achats viennent de lui.'.replace('&#39;', '’'));
    expect(apkg.cards.map((c) => c.ord).sort()).toEqual([0, 1]);
  });

  it('an authored question gives one card: stem and options in front, the key and explanation behind', async () => {
    const m = new DocumentMaker('en');
    const section = ['Quiz'];
    m.doc.choices.push({
      id: makeItemId('choice', 'Where', section), section, source: { line: 3, column: 1 },
      stem: 'Where does photosynthesis happen?',
      options: [{ text: 'Mitochondrion', correct: false }, { text: 'Chloroplast', correct: true }, { text: 'Nucleus', correct: false }],
      multiple: false, explanation: 'Chloroplasts hold chlorophyll.',
    });
    const { apkg } = await deckOf(m.doc);
    expect(apkg.notes).toHaveLength(1);
    expect(apkg.notes[0].fields[0]).toBe('Where does photosynthesis happen?<ol type=A class=revise-options><li>Mitochondrion</li><li>Chloroplast</li><li>Nucleus</li></ol>');
    expect(apkg.notes[0].fields[1]).toBe('<ul class=revise-keys><li><b>B. Chloroplast</b></li></ul><div class=revise-extra>Chloroplasts hold chlorophyll.</div>');
  });

  it('long answers become lists of at most about 300 characters, never one long paragraph', async () => {
    const m = new DocumentMaker('en');
    const sentence = 'The customer relationship is built over many exchanges, across every channel the brand uses. ';
    m.qa('What is a customer relationship?', [sentence.repeat(8)]);
    m.definition('Loyalty', sentence.repeat(6));
    const { apkg } = await deckOf(m.doc);
    for (const n of apkg.notes) {
      expect(n.fields[1].startsWith('<ul>')).toBe(true);
      for (const li of n.fields[1].match(/<li>.*?<\/li>/g)!) expect(fieldText(li).length).toBeLessThanOrEqual(300);
    }
  });
});

describe('key facts that need their context', () => {
  it('zh: a cloze on a fact opening with "它" shows its section heading first', async () => {
    const m = new DocumentMaker('zh');
    m.keyPoint('它是目前最重要的一种数据模型，1970年由科德提出。', ['数据库原理', '关系模型']);
    m.doc.keyPoints[0].figures = ['1970年'];
    const { apkg } = await deckOf(m.doc);
    expect(apkg.notes[0].fields[0]).toBe('关系模型：它是目前最重要的一种数据模型，{{c1::1970年}}由科德提出。');
  });
});
