import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { parseNotes } from '../../src/parse/parseNotes.js';

const fixture = (name: string) => readFileSync(new URL(`./lost/${name}`, import.meta.url), 'utf8');
const parse = (name: string) => parseNotes(fixture(name), { file: name }).document;
const share = (doc: StudyDocument) => doc.coverage!.covered / doc.coverage!.words;

/** Every non-blank line is dropped with a reason, or some of its words reached an item. */
function everyLineAccountedFor(doc: StudyDocument) {
  expect(doc.coverage!.unused).toEqual([]);
  for (const d of doc.dropped) expect(d.reason).toBeTruthy();
}

describe('a French course pasted from a document viewer', () => {
  const doc = parse('fr-crm-viewer.txt');

  it('finds every definition glued on one line, cut at elisions and sentence ends', () => {
    expect(doc.definitions.map((d) => d.term)).toEqual(['La fidélisation', "L'identification", 'La segmentation']);
    expect(doc.definitions[1].definition).toBe('Identifier c\'est connaître ses clients un par un pour mieux les servir.');
    expect(doc.definitions.every((d) => !d.definition.includes('[...]'))).toBe(true);
  });

  it('reads inline ` - ` bullets after a lead-in as an outline', () => {
    expect(doc.outlines.map((o) => [o.label, o.children.map((c) => c.label)])).toEqual([
      ['Notion de meilleur client', ["C'est un client qui achète souvent et beaucoup", 'Régulier', 'Progression du ticket moyen']],
    ]);
  });

  it('keeps sentences with figures as key facts, with their figures', () => {
    expect(doc.keyPoints.map((k) => k.figures)).toEqual([['7 à 10 fois'], ['55 %'], ['20 %', '80 %']]);
    expect(doc.keyPoints[0].text).toBe('Conquérir un nouveau client coûte 7 à 10 fois plus cher que de garder un client existant.');
  });

  it('joins a sentence and a numbered question that the viewer broke across lines', () => {
    expect(doc.paragraphs.map((p) => p.text)).toContain(
      "Le marketing relationnel cherche à établir une relation durable avec chaque client plutôt qu'à multiplier les transactions ponctuelles.",
    );
    expect(doc.paragraphs.find((p) => p.text.startsWith('Le marketing'))?.endLine).toBe(7);
    expect(doc.qa.map((q) => q.question)).toEqual([
      "Le vendeur peut-il utiliser les données du fichier client sans l'accord du client ?",
      "Quelle est la durée de conservation des données d'un prospect ?",
    ]);
  });

  it('accounts for every line', () => {
    everyLineAccountedFor(doc);
    expect(share(doc)).toBeGreaterThan(0.95);
  });
});

describe('a Chinese page from a document site', () => {
  const doc = parse('zh-docsite.txt');

  it('drops the table of contents with its reason, and never makes headings of it', () => {
    expect(doc.dropped.filter((d) => d.reason === 'table of contents').map((d) => d.line)).toEqual([4, 5, 6, 7]);
    expect(doc.sections.filter((s) => s.text.startsWith('第一部分'))).toHaveLength(1);
  });

  it('keeps numbered content next to boilerplate, and joins a numbered term the paste cut', () => {
    expect(doc.definitions.map((d) => d.term)).toEqual(['传统营销阶段', '营销观念阶段', '客户关系', '客户满意度']);
    expect(doc.dropped.map((d) => d.text)).toContain('关注我们，获取更多资料');
    expect(doc.keyPoints.map((k) => k.text)).toEqual(['企业保留一个老客户的成本只有开发一个新客户的五分之一，80%的利润来自20%的客户。']);
    expect(doc.keyPoints[0].figures).toEqual(['五分之一', '80%', '20%']);
  });

  it('names the document by its title line and accounts for every line', () => {
    expect(doc.title).toBe('客户关系管理讲义');
    everyLineAccountedFor(doc);
  });
});

describe('an FAQ pasted from a PDF viewer', () => {
  const doc = parse('en-faq-viewer.txt');

  it('gives every numbered question whole, with its answer, whether or not it was wrapped', () => {
    expect(doc.qa.map((q) => q.question)).toEqual([
      'When do the written examinations take place?',
      'Can a candidate use a calculator during the mathematics examination?',
      'What documents must a candidate bring to the examination centre on the day of the exam?',
      'How long does the physics paper last?',
      'May a candidate leave the room before the end of the first hour of the examination?',
      'Where are the results published?',
    ]);
    expect(doc.qa.every((q) => q.answers.length === 1)).toBe(true);
    everyLineAccountedFor(doc);
  });
});

describe('Markdown prose is kept in its section', () => {
  it.each([
    ['en-algorithms.md', 'Complexity', 'Merge sort runs in O(n log n) time'],
    ['zh-database.md', '关系模型', '关系模型由关系数据结构'],
  ])('%s', (name, section, start) => {
    const doc = parse(name);
    const paragraph = doc.paragraphs.find((p) => p.text.startsWith(start));
    expect(paragraph?.section.at(-1)).toBe(section);
    everyLineAccountedFor(doc);
  });

  it('makes a key fact of a sentence with a year, and no card-like item of other prose', () => {
    const doc = parse('en-algorithms.md');
    expect(doc.keyPoints.map((k) => [k.text, k.figures])).toEqual([['In 1959, Dijkstra published the shortest-path algorithm that carries his name.', ['1959']]]);
    expect(doc.definitions.map((d) => d.term)).toEqual(['Big O']);
    expect(doc.qa).toEqual([]);
  });
});

describe('titles', () => {
  const title = (text: string) => parseNotes(text, { file: 'notes.txt' }).document.title;

  it('never takes a keyword list', () => {
    expect(title('CRM, fidélisation, segmentation, ciblage, rétention, acquisition, conversion, distribution\nLa fidélisation : garder ses clients.\n')).not.toMatch(/,/);
  });

  it('never takes an empty heading from a list of headings with nothing under them', () => {
    const text = 'Origins:\nImportance:\nFactors:\nValue:\nCustomer Relationship Management\n├─ Lifecycle\n└─ Trends\n';
    expect(title(text)).toBe('Customer Relationship Management');
  });

  it('drops study-app headings as boilerplate', () => {
    const doc = parseNotes('Fiche de révision\nLa cellule\nLa cellule est l\'unité du vivant.\nFlashcards\n', { file: 'n.txt' }).document;
    expect(doc.dropped.map((d) => [d.text, d.reason])).toEqual([
      ['Fiche de révision', 'study-app heading'],
      ['Flashcards', 'study-app heading'],
    ]);
    expect(doc.sections.map((s) => s.text)).toEqual(['La cellule']);
  });
});

describe('bad input builds and reports its coverage', () => {
  it.each([
    ['only a table of contents', 'Sommaire\nChapitre 1 Introduction ........ 3\nChapitre 2 La cellule ........ 7\nChapitre 3 La mitose ........ 12\n'],
    ['only boilerplate', 'Page 1 / 3\nQQ: 123456789\n文档评论(0)\n'],
    ['only prose', 'Ceci est une phrase. Et une autre phrase sans rien à apprendre.\n'],
  ])('%s', (_name, text) => {
    const { document } = parseNotes(text, { file: 'n.txt' });
    expect(document.coverage).toBeDefined();
    expect(document.coverage!.unused).toEqual([]);
  });

  it('reads one long paragraph as prose and key facts', () => {
    const sentence = 'La marge représente 30 % du prix. Elle dépend du coût des matières premières et du transport. ';
    const { document } = parseNotes(sentence.repeat(2000), { file: 'n.txt' });
    expect(document.keyPoints.length).toBe(1);
    expect(document.paragraphs.length).toBe(1);
  });
});
