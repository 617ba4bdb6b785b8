import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/parseNotes.js';
import type { OutlineNode, StudyDocument } from '../../src/model/StudyDocument.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const parse = (name: string, extra: { keepBoilerplate?: boolean; language?: string } = {}) =>
  parseNotes(fixture(name), { file: name, ...extra }).document;

const defs = (doc: StudyDocument) => Object.fromEntries(doc.definitions.map((d) => [d.term, d.definition]));
const labels = (node: OutlineNode): unknown => (node.children.length ? { [node.label]: node.children.map(labels) } : node.label);
const everything = (doc: StudyDocument) =>
  JSON.stringify({ d: doc.definitions, t: doc.tables, o: doc.outlines, q: doc.qa, s: doc.sections, title: doc.title, k: doc.keyPoints });

describe('pasted French course (web page with share buttons, page counters, footer)', () => {
  const doc = parse('fr-biologie-cellulaire.txt');

  it('takes the title from the first line without the site suffix, and detects French', () => {
    expect(doc.title).toBe('Cours de biologie – La cellule');
    expect(doc.language).toBe('fr');
    expect(doc.languageSource).toBe('detected');
  });

  it('reads roman-numbered headings and the bare heading lines under them', () => {
    expect(doc.sections.map((s) => [s.text, s.depth])).toEqual([
      ['Cours de biologie – La cellule', 1],
      ['I. La membrane plasmique', 2],
      ['II. Les organites', 2],
      ['Questions de révision', 3],
      ['Rapport nucléo-cytoplasmique', 3],
    ]);
  });

  it('ends the glued table where its rows end', () => {
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].header).toEqual(['Organite', 'Fonction']);
    expect(doc.tables[0].rows.map((r) => r[0])).toEqual(['Mitochondrie', 'Ribosome', 'Noyau']);
    expect(everything(doc)).not.toContain('contient la chromatine');
  });

  it('nests the drawn tree, including the children under the last branch', () => {
    const tree = doc.outlines.find((o) => o.label === 'Cellule eucaryote');
    expect(tree && labels(tree)).toEqual({
      'Cellule eucaryote': [{ Noyau: ['Nucléole', 'Enveloppe nucléaire'] }, { Cytoplasme: ['Mitochondries', 'Réticulum endoplasmique'] }],
    });
    expect(tree?.children[1].children[0].source.line).toBe(22);
  });

  it('turns a lead-in line and its bullets into an outline', () => {
    const list = doc.outlines.find((o) => o.label.startsWith('Les protéines membranaires'));
    expect(list?.children.map((c) => c.label)).toEqual(['intrinsèques', 'extrinsèques', 'ancrées par un lipide']);
  });

  it('pairs numbered questions (two on one line too) with their answer lines', () => {
    expect(doc.qa.map((q) => [q.question, q.answers.length, q.source.line])).toEqual([
      ['Quel est le rôle de la mitochondrie ?', 2, 26],
      ["Qu'est-ce que la mitose ? Combien de cellules filles produit-elle ?", 2, 29],
    ]);
  });

  it('reads a formula with its legend, and the legend as definitions', () => {
    expect(doc.formulas).toHaveLength(1);
    expect(doc.formulas[0].variables).toEqual([
      { symbol: 'Vn', meaning: 'volume du noyau' },
      { symbol: 'Vc', meaning: 'volume de la cellule' },
    ]);
    expect(defs(doc)).toMatchObject({ Vn: 'volume du noyau', 'Membrane plasmique': 'bicouche lipidique qui délimite la cellule.' });
    expect(doc.sequences.map((s) => s.steps)).toEqual([['ADN', 'ARNm', 'Protéine']]);
  });

  it('drops the boilerplate with a reason per line, and keeps it on request', () => {
    expect(doc.dropped.map((d) => d.line)).toEqual([2, 3, 32, 37, 38]);
    expect(doc.dropped.every((d) => d.reason.length > 0)).toBe(true);
    for (const noise of ['Partager', 'Page 1', 'Tous droits', 'cookies']) expect(everything(doc)).not.toContain(noise);
    const kept = parse('fr-biologie-cellulaire.txt', { keepBoilerplate: true });
    expect(kept.dropped).toEqual([]);
    expect(kept.title).toBe(doc.title);
  });
});

describe('pasted English flashcard set (tab-separated table, bullets, app promotion)', () => {
  const doc = parse('en-photosynthesis.txt');

  it('cleans the title and detects English', () => {
    expect(doc.title).toBe('Photosynthesis Study Guide');
    expect(doc.language).toBe('en');
  });

  it('reads hyphen, colon and dash definitions', () => {
    expect(defs(doc)).toEqual({
      Chlorophyll: 'green pigment that absorbs light energy',
      Stroma: 'fluid-filled space of the chloroplast',
      Thylakoid: 'membrane sac where the light reactions occur',
    });
  });

  it('reads a table pasted as tab-separated lines', () => {
    expect(doc.tables.map((t) => [t.header, t.rows.length])).toEqual([[['Comparison', 'C3 plants', 'C4 plants'], 2]]);
  });

  it('reads -> and → flows as sequences, with their label', () => {
    expect(doc.sequences.map((s) => [s.label ?? null, s.steps])).toEqual([
      ['Calvin cycle', ['CO2', 'G3P', 'glucose']],
      [null, ['Glycolysis', 'Krebs cycle', 'Electron transport chain']],
    ]);
  });

  it('stops the last answer before the app promotion', () => {
    expect(doc.qa.map((q) => q.answers)).toEqual([
      ['It absorbs red and blue light.', 'It reflects green light.'],
      ['Chlorophyll breaks down.', 'Carotenoids become visible.'],
    ]);
    expect(doc.dropped.map((d) => d.line)).toEqual([2, 23, 24, 25, 26]);
  });
});

describe('pasted Chinese document-site revision notes (double-spaced)', () => {
  const doc = parse('zh-xibao.txt');

  it('cleans the title and detects Chinese', () => {
    expect(doc.title).toBe('细胞生物学期末复习提纲');
    expect(doc.language).toBe('zh');
  });

  it('nests 第一章 > 一、 numbering', () => {
    expect(doc.sections.map((s) => s.path.join(' / '))).toEqual([
      '细胞生物学期末复习提纲',
      '细胞生物学期末复习提纲 / 第一章 细胞概述',
      '细胞生物学期末复习提纲 / 第一章 细胞概述 / 一、基本概念',
      '细胞生物学期末复习提纲 / 第一章 细胞概述 / 二、细胞的结构',
      '细胞生物学期末复习提纲 / 第一章 细胞概述 / 三、简答题',
    ]);
  });

  it('reads 术语:定义, X是指Y and X即Y definitions', () => {
    expect(defs(doc)).toEqual({
      细胞: '是生物体结构和功能的基本单位。',
      原核细胞: '没有核膜包被的细胞核的细胞',
      细胞学说: '施莱登和施旺提出的关于细胞的学说',
    });
  });

  it('pairs numbered questions with answers across blank lines, up to the site footer', () => {
    expect(doc.qa.map((q) => [q.question, q.answers.length])).toEqual([
      ['什么是细胞膜的流动性？', 2],
      ['简述有丝分裂的过程。？', 1],
    ]);
    expect(doc.dropped.map((d) => d.line)).toEqual([3, 38, 40, 42]);
  });

  it('reads the drawn tree under its root line', () => {
    expect(labels(doc.outlines[0])).toEqual({ 细胞: ['细胞膜', { 细胞质: ['线粒体', '核糖体'] }, '细胞核'] });
  });
});

describe('lecture notes copied from a PDF (running header with page numbers)', () => {
  const doc = parse('en-pdf-lecture.txt');

  it('drops the running header at every page break and nothing around it', () => {
    expect(doc.dropped.map((d) => [d.line, d.reason])).toEqual([
      [6, 'repeated header or footer'],
      [12, 'repeated header or footer'],
      [18, 'repeated header or footer'],
    ]);
  });

  it('keeps the course title with its subtitle, decimal headings and bullets as key points', () => {
    expect(doc.title).toBe('BIO 101 – Lecture 3: Cell Division');
    expect(doc.sections.map((s) => [s.text, s.depth])).toEqual([
      ['BIO 101 – Lecture 3: Cell Division', 1],
      ['1.1 Overview', 2],
      ['1.2 Phases of mitosis', 2],
      ['Key points', 3],
      ['Review questions', 3],
    ]);
    expect(doc.keyPoints.map((k) => k.section.at(-1))).toEqual(['Key points', 'Key points']);
    expect(doc.qa.map((q) => q.question)).toEqual(['What separates during anaphase?', 'How many cells result from meiosis?']);
  });
});

describe('notes whose topic uses site vocabulary (网站, 会员, 注册, 下载)', () => {
  const doc = parse('zh-dianzishangwu.txt');

  it('drops nothing: the words are topical, and the line after a question is its answer', () => {
    expect(doc.dropped).toEqual([]);
    expect(doc.sections.map((s) => s.text)).toEqual(['电子商务概论复习', '一、基本概念', '二、简答题']);
    expect(doc.qa.map((q) => q.answers)).toEqual([['B2B、B2C、C2C。'], ['会员注册、登录、积分管理。']]);
  });
});

describe('pasted German summary (a language without its own lexicon entries beyond a few words)', () => {
  const doc = parse('de-mikrooekonomie.txt');

  it('detects German and cleans the .pdf suffix from the title', () => {
    expect(doc.language).toBe('de');
    expect(doc.title).toBe('Zusammenfassung Mikroökonomie');
  });

  it('reads 1./2. section titles, bare headings, definitions, table, flow and questions', () => {
    expect(doc.sections.map((s) => s.text)).toEqual(['Zusammenfassung Mikroökonomie', '1. Grundbegriffe', '2. Marktformen', 'Preisbildung', 'Elastizität']);
    expect(Object.keys(defs(doc))).toEqual(['Angebot', 'Nachfrage', 'Opportunitätskosten', 'Q', 'P']);
    expect(doc.tables[0].rows).toHaveLength(3);
    expect(doc.sequences[0].steps).toHaveLength(3);
    expect(doc.qa.map((q) => q.answers.length)).toEqual([1, 2]);
    expect(doc.formulas[0].variables.map((v) => v.symbol)).toEqual(['Q', 'P']);
  });

  it('honours --lang over detection, and front matter over --lang, still reading the paste', () => {
    const forced = parse('de-mikrooekonomie.txt', { language: 'en' });
    expect([forced.language, forced.languageSource]).toEqual(['en', 'option']);
    const withFrontMatter = parseNotes(`---\nlang: fr\n---\n${fixture('de-mikrooekonomie.txt')}`, { file: 'de.txt', language: 'en' }).document;
    expect([withFrontMatter.language, withFrontMatter.languageSource]).toEqual(['fr', 'front-matter']);
    expect(withFrontMatter.tables[0].rows).toHaveLength(3);
    expect(withFrontMatter.dropped.map((d) => d.line)).toEqual(forced.dropped.map((d) => d.line + 3));
    expect(withFrontMatter.qa[0].source.line).toBe(forced.qa[0].source.line + 3);
  });
});

describe('lead-ins, sentences with colons and repeated paragraphs', () => {
  const text = [
    'Marketing relationnel',
    'Fidélisation : ensemble des actions qui retiennent le client.',
    'Le professeur a dit : il faudra relire le chapitre deux avant l’examen final de décembre prochain.',
    '客户和消费者的区别如下:',
    '- 客户是分层次的',
    '- 消费者是一个整体',
    'Fidélisation : ensemble des actions qui retiennent le client.',
    'Quels sont les trois piliers ?',
    'La qualité.',
    'Le prix.',
    'Quels sont les trois piliers ?',
    'La qualité.',
    'Le prix.',
  ].join('\n');
  const doc = parseNotes(text, { file: 'mix.txt' }).document;

  it('gives each repeated item once and takes no sentence or lead-in for a definition', () => {
    expect(doc.definitions.map((d) => d.term)).toEqual(['Fidélisation']);
    expect(doc.qa).toHaveLength(1);
    expect(doc.outlines.map((o) => o.label)).toEqual(['客户和消费者的区别如下']);
  });
});

describe('numbered key points, flows and box-drawing definitions', () => {
  const text = [
    'Points clés',
    '1. La cellule est l’unité structurale du vivant.',
    '2. Toute cellule provient d’une autre cellule.',
    '3. La cellule contient l’information génétique.',
    'Glycolyse ⇒ Cycle de Krebs ⇒ Chaîne respiratoire',
    'Transcription —> Traduction —> Repliement',
    'Mitose ── division en deux cellules identiques',
  ].join('\n');
  const doc = parseNotes(text, { file: 'points.txt' }).document;

  it('reads them as key points under their heading, sequences and a definition', () => {
    expect(doc.keyPoints.map((k) => [k.text.slice(0, 12), k.section])).toEqual([
      ['La cellule e', ['Points clés']],
      ['Toute cellul', ['Points clés']],
      ['La cellule c', ['Points clés']],
    ]);
    expect(doc.sequences.map((q) => q.steps.length)).toEqual([3, 3]);
    expect(doc.definitions.map((d) => [d.term, d.definition])).toEqual([['Mitose', 'division en deux cellules identiques']]);
  });
});

describe('word-processor bullets and flashcard exports', () => {
  it('nests ● ○ bullets by glyph when the paste lost the indentation', () => {
    const text = 'Microeconomics – Week 2\n●\tDemand\n○\tLaw of demand: price up, quantity down\n○\tShifts vs movements\n●\tSupply\n○\tLaw of supply\n●\tEquilibrium\n';
    const doc = parseNotes(text, { file: 'g.txt' }).document;
    expect(doc.tables).toEqual([]);
    expect(labels(doc.outlines[0])).toEqual({
      'Microeconomics – Week 2': [{ Demand: ['Law of demand: price up, quantity down', 'Shifts vs movements'] }, { Supply: ['Law of supply'] }, 'Equilibrium'],
    });
  });

  it('reads term<TAB>definition lines as definitions, not as a table with a header', () => {
    const text = 'mitose\tdivision cellulaire donnant deux cellules identiques\nméiose\tdivision donnant quatre gamètes haploïdes\nARN\tacide ribonucléique\n';
    const doc = parseNotes(text, { file: 'q.txt' }).document;
    expect(doc.tables).toEqual([]);
    expect(doc.definitions.map((d) => [d.term, d.source.line])).toEqual([['mitose', 1], ['méiose', 2], ['ARN', 3]]);
  });
});

describe('Chinese textbook chapter (（一） sections, full-width numbering, 答： labels, bare items after a lead-in)', () => {
  const doc = parse('zh-yingxiao-textbook.txt');

  it('reads sections, the bare items of a lead-in, and labelled answers', () => {
    expect(doc.sections.map((s) => [s.text, s.depth])).toEqual([
      ['第二章 市场营销环境', 1],
      ['（一）宏观环境', 2],
      ['（二）微观环境', 2],
      ['思考题', 3],
    ]);
    expect(doc.outlines.map((o) => [o.label, o.children.map((c) => c.label)])).toEqual([['微观环境包括以下几个方面', ['供应商', '营销中介', '顾客']]]);
    expect(doc.qa.map((q) => q.answers)).toEqual([['营销环境是指影响企业营销活动的各种因素。'], ['从供应商、中介、顾客等方面分析。']]);
    expect(doc.definitions.map((d) => d.term)).toEqual(['宏观环境', '营销环境']);
    expect(doc.keyPoints.map((k) => k.text)).toEqual(['人口环境', '经济环境']);
  });
});

describe('web article with navigation around it', () => {
  const doc = parse('en-web-article.txt');

  it('drops skip links, menu bar, breadcrumbs, related posts and share line, and keeps the notes', () => {
    expect(doc.dropped.map((d) => d.line)).toEqual([1, 2, 3, 9, 10]);
    expect(doc.title).toBe('The Cell Cycle');
    expect(doc.definitions.map((d) => d.term)).toEqual(['Interphase', 'Mitosis']);
    expect(doc.qa.map((q) => q.answers)).toEqual([['Cyclins activate CDKs.']]);
  });
});
