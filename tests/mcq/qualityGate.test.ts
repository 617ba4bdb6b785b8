import { describe, expect, it } from 'vitest';
import { makeItemId } from '../../src/model/makeItemId.js';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { buildMcqBank } from '../../src/render/mcq/buildMcqBank.js';
import { checkMcqBank } from '../../src/render/mcq/checkMcqBank.js';
import type { McqQuestion } from '../../src/render/mcq/McqBank.js';
import { DocumentMaker } from './DocumentMaker.js';
import { schemaErrors } from './schemaErrors.js';

/*
 * Each faulty question of issue 12 ("Questions and cards worth studying"), rebuilt from hand-made
 * notes: the bank must now hold a good question for it, or none, and the gate must say which rule
 * turned the bad one away.
 */

const keyOf = (q: McqQuestion) => q.options.find((o) => o.correct)!.text;
const wrongOf = (q: McqQuestion) => q.options.filter((o) => !o.correct).map((o) => o.text);
/** The key with its small words dropped, as an independent reader would compare it (not revise's own matcher). */
const core = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[的之]/g, '')
    .replace(/\b(?:le|la|les|l'|un|une|des|du|de|d'|the|a|an|of)\b/g, ' ')
    .replace(/[\p{P}\p{S}\s]+/gu, '');

function build(doc: StudyDocument) {
  const result = buildMcqBank([doc]);
  expect(schemaErrors(result.bank)).toEqual([]);
  expect(checkMcqBank(result.bank)).toEqual([]);
  for (const q of result.bank.questions) {
    if (q.type !== 'single-choice' || q.authored) continue;
    const k = core(keyOf(q));
    if ([...k].length >= 2) expect(core(q.stem).includes(k), `${q.stem} gives away ${keyOf(q)}`).toBe(false);
  }
  const rules = result.logs[0].rejections.map((r) => r.rule);
  return { ...result, questions: result.bank.questions, rules };
}

describe('agreement and table orientation (en, fr, zh)', () => {
  it('en: agrees "is/are" with the column and never asks from a comment column', () => {
    const m = new DocumentMaker('en');
    m.table(
      ['Concept', 'Key Points', 'Notes'],
      [
        ['Customer Relationship', 'Exchanges across channels and stages', 'Fundamental for growth'],
        ['Customer Lifecycle', 'Reach, acquisition, conversion, retention', 'Targets marketing'],
        ['Relationship Marketing', 'Ongoing dialogue, personalised and multichannel', 'Contrasts transactions'],
        ['Customer Experience', 'Emotional, holistic and long-term', 'Impacts loyalty'],
      ],
    );
    const { questions, rules } = build(m.doc);
    expect(questions.length).toBe(1);
    expect(questions[0].stem).toMatch(/^What are the key points of "[^"]+"\?$/);
    expect(questions.some((q) => /Key Points of|Notes/.test(q.stem))).toBe(false);
    expect(rules).toContain('comment-column');
    expect(rules).toContain('one-per-group');
  });

  it.each([
    ['en', 'Aspect', /^What is the (focus|structure) of "(Traditional|Relationship|Experience) marketing"\?$/],
    ['fr', 'Critère', /^Pour « (Traditional|Relationship|Experience) marketing », que trouve-t-on sous « (Focus|Structure) » \?$/],
    ['zh', '项目', /^(Traditional|Relationship|Experience) marketing的(Focus|Structure)是什么？$/],
  ])('%s: a first column headed "%s" names attributes, so the table is read the other way round', (lang, head, stem) => {
    const m = new DocumentMaker(lang);
    m.table(
      [head, 'Traditional marketing', 'Relationship marketing', 'Experience marketing'],
      [
        ['Focus', 'Product sales', 'Long-term loyalty', 'Emotional engagement'],
        ['Structure', 'Pyramidal departments', 'Cross-functional teams', 'Customer-centric network'],
      ],
    );
    const { questions } = build(m.doc);
    expect(questions).toHaveLength(2);
    for (const q of questions) expect(q.stem).toMatch(stem);
  });
});

describe('context: the item\'s own place in the notes', () => {
  it('names a flow drawn in an outline after its branch, not the heading before the outline', () => {
    const m = new DocumentMaker('en');
    m.doc.sections.push({ id: 's1', text: 'Differences in Approaches', depth: 1, path: ['Differences in Approaches'], source: { line: 1, column: 1 } });
    m.outline(['Customer Relationship Management', [['Customer Lifecycle', ['Reach → Acquisition → Conversion → Retention → Loss']], ['Evolution', ['Order taking', 'Advising']]]], ['Differences in Approaches']);
    const flowLine = m.doc.outlines[0].children[0].children[0].source.line;
    m.doc.sequences.push({
      id: makeItemId('sequence', 'Reach', ['Differences in Approaches']),
      steps: ['Reach', 'Acquisition', 'Conversion', 'Retention', 'Loss'],
      section: ['Differences in Approaches'],
      source: { line: flowLine, column: 1 },
    });
    const { questions } = build(m.doc);
    const flows = questions.filter((q) => q.template.startsWith('sequence-'));
    expect(flows.length).toBe(2);
    for (const q of flows) {
      expect(q.stem).toContain('"Customer Lifecycle"');
      expect(q.stem).not.toContain('Differences in Approaches');
    }
    // The flow is not an outline item to place in a group.
    expect(questions.some((q) => q.stem.includes('Reach → Acquisition'))).toBe(false);
  });
});

describe('flooding and giveaways', () => {
  it('asks at most one "which group" question per group, and none whose dates give the group away', () => {
    const m = new DocumentMaker('en');
    m.outline([
      'Customer Relationship Management',
      [
        ['Evolution', ['Pre-1914: Order taking', '1950s: Order focus', '70s-80s: Sales tech', '1990s: Market liberalization', '2000s: Internet and advising']],
        ['Strategic Layers', ['Data infrastructure', 'Multichannel platforms', 'Employee engagement', 'Continuous improvement']],
        ['Future Trends', ['Silent customers', 'Omnimodal behaviour', 'Customer awareness', 'Personalisation']],
        ['Customer Lifecycle', ['Reach', 'Acquisition', 'Conversion', 'Retention', 'Loss']],
      ],
    ]);
    const { questions, rules } = build(m.doc);
    const groups = questions.filter((q) => q.template === 'outline-group').map(keyOf);
    expect(groups.sort()).toEqual(['Customer Lifecycle', 'Future Trends', 'Strategic Layers']);
    expect(rules.filter((r) => r === 'shape-giveaway')).toHaveLength(5);
    expect(rules.filter((r) => r === 'one-per-group').length).toBeGreaterThanOrEqual(10);
  });

  it('zh: no true/false item swaps a sibling name into a running sentence', () => {
    const m = new DocumentMaker('zh');
    m.definition('促进业务增长', '企业通过数字化手段扩大收入。', ['数字化']);
    m.definition('优化客户体验', '让客户在每个接触点都满意。', ['数字化']);
    m.definition('提升运营效率', '用自动化降低成本。', ['数字化']);
    m.keyPoint('数字化转型推动优化客户体验从单向管理转向双向赋能。', ['数字化']);
    m.keyPoint('数字化转型让企业从单向管理转向双向赋能。', ['数字化']);
    const { questions } = build(m.doc);
    expect(questions.filter((q) => q.template === 'true-false')).toEqual([]);
    for (const q of questions) expect(q.stem).not.toMatch(/数字化转型推动(促进业务增长|提升运营效率)/);
  });
});

describe('trivial and unrelated items', () => {
  const legend = () => {
    const m = new DocumentMaker('fr');
    const s = ['Valeur client'];
    m.definition('E', "L'ensemble", s);
    m.definition('m', 'Marge bénéficiaire', s);
    m.definition('r', 'Taux de rétention', s);
    m.definition('t', 'Unité de temps (jours, mois, etc.)', s);
    m.definition('CAC', "Coût d'acquisition client", s);
    m.definition('Les interactions', "Les activités de l'une influencent celles de l'autre.", s);
    m.definition('Un certain degré de continuité', 'Les interactions passées influencent les interactions présentes et à venir.', s);
    m.definition('La symétrie des attentions', 'La qualité de la relation entre salariés et employeur se reflète dans la relation avec les clients.', s);
    m.definition('La fidélisation', 'Les actions qui font revenir un client vers la marque.', s);
    return m;
  };

  it('fr: never asks for a single letter and never offers one', () => {
    const { questions, rules } = build(legend().doc);
    for (const q of questions) for (const o of q.options) expect(o.text).not.toMatch(/^\p{L}$/u);
    expect(questions.some((q) => q.stem.includes("« L'ensemble »"))).toBe(false);
    expect(rules.filter((r) => r === 'symbol-answer')).toHaveLength(4);
  });

  it('fr: a formula legend is not offered as the meaning of a concept', () => {
    const { questions } = build(legend().doc);
    const interactions = questions.find((q) => q.stem === 'Que signifie « Les interactions » ?')!;
    expect(wrongOf(interactions).length).toBeGreaterThanOrEqual(2);
    // "Les interactions passées influencent…" is true of interactions too: never a wrong option.
    expect(wrongOf(interactions)).not.toContain('Les interactions passées influencent les interactions présentes et à venir.');
    for (const w of wrongOf(interactions)) expect(['Unité de temps (jours, mois, etc.)', 'Marge bénéficiaire', 'Taux de rétention', "L'ensemble"]).not.toContain(w);
  });
});

describe('distractors true of the stem', () => {
  it('zh: the definitions of a concept\'s own facets are never wrong options for it', () => {
    const m = new DocumentMaker('zh');
    m.definition('客户关系', '企业为实现经营目标而与客户建立的某种联系。', ['名词解释']);
    m.definition('长期性', '客户关系需要长时间维护才能产生价值。', ['客户关系的特征']);
    m.definition('动态性', '客户关系随市场和需求不断变化。', ['客户关系的特征']);
    m.definition('价值性', '客户关系能为企业和客户双方创造利益。', ['客户关系的特征']);
    m.definition('关系营销', '通过满足顾客的需求来赢得顾客的偏爱和忠诚。', ['名词解释']);
    m.definition('数据挖掘', '从大量数据中提取隐含的、有用的知识。', ['名词解释']);
    m.definition('供应链', '从采购到销售把各环节连成整体的功能网络。', ['名词解释']);
    const { questions } = build(m.doc);
    const asked = questions.filter((q) => q.stem.startsWith('“客户关系”'));
    expect(asked).toHaveLength(1);
    expect(wrongOf(asked[0]).length).toBeGreaterThanOrEqual(2);
    for (const q of asked) {
      for (const facet of m.doc.definitions.slice(1, 4)) expect(wrongOf(q)).not.toContain(facet.definition);
    }
    for (const q of questions.filter((x) => x.template === 'definition-statement' && x.stem.includes('客户关系：'))) {
      for (const facet of m.doc.definitions.slice(1, 4)) expect(q.stem).not.toContain(facet.definition);
    }
  });

  it('en: an option holding the key, or held in it, is no wrong option', () => {
    const m = new DocumentMaker('en');
    m.definition('Customer', 'the recipient of goods or services.');
    m.definition('Customer Relationship', 'the set of exchanges between a brand and its audience.');
    m.definition('Supply chain', 'the network that moves goods from supplier to buyer.');
    m.definition('Data mining', 'finding useful patterns hidden in large data sets.');
    m.definition('Loyalty', 'the tendency of a customer to buy again.');
    const { questions } = build(m.doc);
    for (const q of questions.filter((x) => x.template === 'definition-term')) {
      const k = keyOf(q);
      for (const w of wrongOf(q)) expect(w.includes(k) || k.includes(w), `${k} / ${w}`).toBe(false);
    }
  });
});

describe('near giveaways: the key and its variants are blanked in the stem', () => {
  it('zh: "客户忠诚度" in the definition of "客户的忠诚度" is blanked, or there is no question', () => {
    const m = new DocumentMaker('zh');
    m.definition('客户的忠诚度', '客户忠诚度是指客户忠于企业的程度，是一种重复购买的倾向。');
    m.definition('客户满意度', '客户对产品或服务的实际体验与期望之间的比较。');
    m.definition('客户终身价值', '企业在关系维系期间从客户获得的利润的折现总和。');
    m.definition('潜在客户', '可能需要产品或服务、尚未购买的人。');
    const { questions, rules } = build(m.doc);
    const q = questions.find((x) => x.template === 'definition-term' && keyOf(x) === '客户的忠诚度');
    // Blanked, the stem still says "客户忠于…", which no other option echoes: no question, and a reason.
    expect(q).toBeUndefined();
    expect(rules).toContain('key-echo');
    expect(questions.filter((x) => x.template === 'definition-term')).toHaveLength(3);
  });

  it('fr and en: articles, case and plurals do not hide the key', () => {
    const fr = new DocumentMaker('fr');
    fr.definition('Le marketing relationnel', 'le Marketing relationnel vise une relation durable avec chaque client.');
    fr.definition('Le marketing transactionnel', 'une approche centrée sur la vente immédiate.');
    fr.definition('La fidélisation', 'les actions qui font revenir le client.');
    fr.definition('La personnalisation', 'adapter l’offre à chaque client grâce aux données.');
    build(fr.doc);
    const en = new DocumentMaker('en');
    en.definition('Stomate', 'stomates are pores in the leaf that let gases in and out.');
    en.definition('Chloroplast', 'the organelle where photosynthesis happens.');
    en.definition('Mitochondrion', 'the organelle that releases energy from sugar.');
    en.definition('Vacuole', 'a sac that stores water and salts in the cell.');
    const { questions } = build(en.doc);
    const stomate = questions.find((q) => q.template === 'definition-term' && keyOf(q) === 'Stomate')!;
    expect(stomate.stem).toBe('Which term matches this definition: "_____ are pores in the leaf that let gases in and out."?');
  });
});

describe('other languages fall back to English', () => {
  it('de: English wording and rules', () => {
    const m = new DocumentMaker('de');
    m.definition('Zelle', 'die kleinste Einheit des Lebens.');
    m.definition('Zellkern', 'enthält das Erbgut der Zelle.');
    m.definition('Ribosom', 'baut Proteine aus Aminosäuren.');
    m.definition('Mitochondrium', 'liefert Energie für die Zelle.');
    const { questions } = build(m.doc);
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(q.language).toBe('en');
  });
});

describe('bad input gives a good question or none', () => {
  it('a table of one row or one column, an outline of one child, a sentence as a term, a lone item', () => {
    const m = new DocumentMaker('en');
    m.table(['Name', 'Value'], [['Only row', '42']]);
    m.table(['Lonely column'], [['a'], ['b'], ['c']]);
    m.outline(['Root', [['Single group', ['Only child']]]]);
    m.definition('When the moon passes between the sun and the earth and hides it completely', 'a total solar eclipse.');
    m.definition('Eclipse', 'the hiding of one body by another.', ['Alone']);
    m.keyPoint('Ein Satz auf Deutsch in englischen Notizen mit 3 Zahlen.');
    const { questions, rules } = build(m.doc);
    expect(questions.filter((q) => q.stem.includes('When the moon passes'))).toEqual([]);
    expect(rules).toContain('term-too-long');
    for (const q of questions) expect(q.options.length).toBeGreaterThanOrEqual(2);
  });
});

describe('authored questions', () => {
  it('come first, as written, marked authored; several keys make a multiple-choice question', () => {
    const m = new DocumentMaker('fr');
    m.definition('Photosynthèse', 'production de sucre à partir de lumière.');
    m.definition('Respiration', 'libération d’énergie à partir du sucre.');
    m.definition('Fermentation', 'dégradation du sucre sans oxygène.');
    const section = ['QCM'];
    m.doc.choices.push(
      {
        id: makeItemId('choice', 'Q1', section), section, source: { line: 40, column: 1 },
        stem: 'Q1. Où a lieu la photosynthèse ?',
        options: [{ text: 'Dans la mitochondrie', correct: false }, { text: 'Dans le chloroplaste', correct: true }],
        multiple: false, explanation: 'Le chloroplaste contient la chlorophylle.',
      },
      {
        id: makeItemId('choice', 'Q2', section), section, source: { line: 45, column: 1 },
        stem: 'Q2. Quels gaz échange une feuille ?',
        options: [{ text: 'CO2', correct: true }, { text: 'O2', correct: true }, { text: 'Hélium', correct: false }],
        multiple: true,
      },
      {
        id: makeItemId('choice', 'Q3', section), section, source: { line: 50, column: 1 },
        stem: 'Q3. Question sans réponse marquée ?',
        options: [{ text: 'a', correct: false }, { text: 'b', correct: false }],
        multiple: false,
      },
    );
    const { questions, rules } = build(m.doc);
    expect(questions[0]).toMatchObject({ stem: 'Q1. Où a lieu la photosynthèse ?', type: 'single-choice', template: 'authored-choice', authored: true, explanation: 'Le chloroplaste contient la chlorophylle.' });
    expect(questions[0].options).toEqual([{ text: 'Dans la mitochondrie', correct: false }, { text: 'Dans le chloroplaste', correct: true }]);
    expect(questions[1]).toMatchObject({ type: 'multiple-choice', authored: true });
    expect(questions[1].options.filter((o) => o.correct).map((o) => o.text)).toEqual(['CO2', 'O2']);
    expect(questions.some((q) => q.stem.startsWith('Q3'))).toBe(false);
    expect(rules).toContain('authored-invalid');
    expect(questions.slice(2).every((q) => !q.authored)).toBe(true);
  });
});

describe('statements that need their context, answers of another kind', () => {
  it('zh and en: a key fact opening with "它" / "It" takes its section heading, or gives no item', () => {
    const m = new DocumentMaker('zh');
    m.keyPoint('它是目前最重要的一种数据模型，1970年由科德提出。', ['数据库原理', '关系模型']);
    m.doc.keyPoints[0].figures = ['1970年'];
    const { questions } = build(m.doc);
    expect(questions).toHaveLength(1);
    expect(questions[0].stem).toMatch(/^判断正误：关系模型：它是目前最重要的一种数据模型，\d+年由科德提出。$/);
    const en = new DocumentMaker('en');
    en.keyPoint('It was published in 1959.', []);
    const { questions: none, rules } = build(en.doc);
    expect(none).toEqual([]);
    expect(rules).toEqual(['no-context']);
  });

  it('en and fr: a yes/no answer is offered, or swapped in, only among yes/no answers', () => {
    const m = new DocumentMaker('en');
    m.qa('When do the written examinations take place?', ['From 12 to 16 June.']);
    m.qa('Can a candidate use a calculator?', ['Yes, in examination mode only.']);
    m.qa('What must a candidate bring?', ['An identity card and the summons.']);
    m.qa('May a candidate leave during the first hour?', ['No, not during the first hour.']);
    m.qa('Where are the results published?', ["On the examination board's website."]);
    const { questions } = build(m.doc);
    const polar = /^(Yes|No),/;
    for (const q of questions) {
      const yesNoQuestion = /^(True or false\? )?(Can|May)\b/.test(q.stem);
      for (const o of q.options) if (q.type !== 'true-false') expect(polar.test(o.text), `${q.stem} / ${o.text}`).toBe(yesNoQuestion);
      if (q.type === 'true-false') expect(polar.test(q.stem.split(' — ')[1] ?? ''), q.stem).toBe(yesNoQuestion);
    }
    expect(questions.filter((q) => q.template === 'qa-answer')).toHaveLength(3);
  });
});
