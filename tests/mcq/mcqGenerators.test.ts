import { describe, expect, it } from 'vitest';
import { buildMcqBank } from '../../src/render/mcq/buildMcqBank.js';
import { checkMcqBank } from '../../src/render/mcq/checkMcqBank.js';
import type { McqQuestion } from '../../src/render/mcq/McqBank.js';
import { DocumentMaker } from './DocumentMaker.js';
import { schemaErrors } from './schemaErrors.js';

const keyOf = (q: McqQuestion) => q.options.find((o) => o.correct)!.text;
const wrongOf = (q: McqQuestion) => q.options.filter((o) => !o.correct).map((o) => o.text);

function bankOf(m: DocumentMaker) {
  const { bank } = buildMcqBank([m.doc]);
  expect(schemaErrors(bank)).toEqual([]);
  expect(checkMcqBank(bank)).toEqual([]);
  return bank;
}

describe('definition questions', () => {
  const m = new DocumentMaker();
  m.definition('Planet', 'a large body that orbits a star.');
  m.definition('Comet', 'an icy body that grows a tail near the Sun.');
  m.definition('Moon', 'a natural body that orbits a planet.');
  m.definition('Star', 'a ball of hot gas that shines by fusion.');
  m.definition('Galaxy', 'a huge system of stars, gas and dust.', ['Far away']);
  const bank = bankOf(m);

  it('asks which term matches each definition, with other terms as wrong options', () => {
    const q = bank.questions.find((x) => x.template === 'definition-term' && keyOf(x) === 'Comet')!;
    expect(q.stem).toBe('Which term matches this definition: "an icy body that grows a tail near the Sun."?');
    expect(q.options).toHaveLength(4);
    // Terms of the same section come before a term defined elsewhere.
    expect(wrongOf(q).sort()).toEqual(['Moon', 'Planet', 'Star']);
    expect(q.explanation).toBe('Comet: an icy body that grows a tail near the Sun.');
    expect(q.theme).toEqual(['Terms']);
    expect(q.difficulty).toBe('hard');
  });

  it('asks what a term means, with other definitions as wrong options', () => {
    const q = bank.questions.find((x) => x.template === 'definition-meaning' && x.stem.includes('"Galaxy"'))!;
    expect(keyOf(q)).toBe('a huge system of stars, gas and dust.');
    expect(wrongOf(q).every((w) => m.doc.definitions.some((d) => d.definition === w))).toBe(true);
    // Only far candidates (another section) were available.
    expect(q.difficulty).toBe('easy');
  });

  it('hides the term when its definition repeats it', () => {
    const n = new DocumentMaker();
    n.definition('Osmosis', 'osmosis is the diffusion of water through a membrane.');
    n.definition('Diffusion', 'the spread of particles from high to low concentration.');
    n.definition('Active transport', 'movement of molecules against a gradient, using energy.');
    n.definition('Turgor', 'the pressure of water inside a plant cell against its wall.');
    const q = bankOf(n).questions.find((x) => x.template === 'definition-term' && keyOf(x) === 'Osmosis')!;
    expect(q.stem).toContain('_____ is the diffusion of water');
    // "Diffusion" is written in the stem, so it cannot be a wrong option: too few left, or others.
    expect(wrongOf(q)).not.toContain('Diffusion');
    expect(wrongOf(q).sort()).toEqual(['Active transport', 'Turgor']);
  });
});

describe('table questions', () => {
  const m = new DocumentMaker();
  m.table(
    ['Planet', 'Type', 'Moons'],
    [
      ['Mercury', 'Rocky', '0'],
      ['Jupiter', 'Gas giant', '95'],
      ['Saturn', 'Gas giant', '146'],
      ['Uranus', 'Ice giant', '28'],
      ['Neptune', 'Ice giant', '16'],
    ],
  );
  const { bank, drafts } = buildMcqBank([m.doc]);

  it('asks one question per column (its cells share their options), with distractors from the same column', () => {
    expect(checkMcqBank(bank)).toEqual([]);
    const cells = bank.questions.filter((x) => x.template === 'table-cell');
    expect(cells).toHaveLength(2);
    const type = cells.find((x) => x.stem.startsWith('What is the type of'))!;
    const planet = /"(\w+)"/.exec(type.stem)![1];
    const row = m.doc.tables[0].rows.find((r) => r[0] === planet)!;
    expect(keyOf(type)).toBe(row[1]);
    for (const w of wrongOf(type)) expect(['Rocky', 'Gas giant', 'Ice giant']).toContain(w);
    expect(wrongOf(type)).not.toContain(row[1]);
    expect(type.source.line).toBe(m.doc.tables[0].source.line + 2 + m.doc.tables[0].rows.indexOf(row));
    // Every row was a candidate: the ones not asked are counted, not lost.
    expect(drafts.length).toBe(2);
  });

  it('agrees the verb with a plural header and lists numeric options in ascending order', () => {
    const q = bank.questions.find((x) => x.stem.startsWith('What are the moons of'))!;
    const values = q.options.map((o) => Number(o.text));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('makes true/false items from a column without two other distinct values', () => {
    const n = new DocumentMaker();
    n.table(['Phase', 'Place'], [['Light', 'Thylakoid'], ['Dark', 'Stroma']]);
    n.definition('Only', 'a lone definition with no sibling at all.');
    const questions = bankOf(n).questions;
    expect(questions.map((q) => q.template)).toEqual(['table-statement']);
    const [q] = questions;
    const row = q.stem.includes('"Light"') ? ['Light', 'Thylakoid', 'Stroma'] : ['Dark', 'Stroma', 'Thylakoid'];
    expect([`True or false? The place of "${row[0]}" is "${row[1]}".`, `True or false? The place of "${row[0]}" is "${row[2]}".`]).toContain(q.stem);
    expect(q.options[0].correct).toBe(q.stem.includes(`"${row[1]}"`));
  });

  it('reads a table whose first column names attributes the other way round', () => {
    const n = new DocumentMaker();
    n.table(
      ['Aspect', 'Traditional Marketing', 'Relationship Marketing', 'Customer Experience'],
      [
        ['Focus', 'Product sales', 'Long-term loyalty', 'Emotional engagement'],
        ['Structure', 'Pyramidal departments', 'Cross-functional teams', 'Customer-centric network'],
      ],
    );
    const questions = bankOf(n).questions;
    expect(questions).toHaveLength(2);
    for (const q of questions) {
      expect(q.stem).toMatch(/^What is the (focus|structure) of "(Traditional Marketing|Relationship Marketing|Customer Experience)"\?$/);
      // Wrong options are the same attribute of the other approaches: the same row.
      const row = n.doc.tables[0].rows.find((r) => q.stem.includes(r[0].toLowerCase()))!;
      for (const o of q.options) expect(row.slice(1)).toContain(o.text);
    }
  });
});

describe('sequence questions', () => {
  const m = new DocumentMaker('fr');
  m.sequence(['Prophase', 'Métaphase', 'Anaphase', 'Télophase'], 'La mitose');
  const bank = bankOf(m);

  it('asks once which step comes after another (the steps share their options), with other steps of the flow as options', () => {
    const next = bank.questions.filter((x) => x.template === 'sequence-next');
    expect(next).toHaveLength(1);
    const steps = m.doc.sequences[0].steps;
    const asked = steps.findIndex((s) => next[0].stem === `Dans « La mitose », quelle étape vient après « ${s} » ?`);
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(keyOf(next[0])).toBe(steps[asked + 1]);
    expect(wrongOf(next[0]).sort()).toEqual(steps.filter((_, i) => i !== asked && i !== asked + 1).sort());
  });

  it('asks for the right order among near-miss orders', () => {
    const q = bank.questions.find((x) => x.template === 'sequence-order')!;
    expect(keyOf(q)).toBe('Prophase → Métaphase → Anaphase → Télophase');
    for (const wrong of wrongOf(q)) expect(wrong.split(' → ').sort()).toEqual(['Anaphase', 'Métaphase', 'Prophase', 'Télophase']);
  });
});

describe('outline questions', () => {
  it('asks which group an item belongs to, once per group, the sibling groups being wrong options', () => {
    const m = new DocumentMaker('zh');
    m.outline(['生产要素', [['资本', ['机器', '厂房', '人力资本']], ['土地', ['耕地', '矿山']], ['劳动', ['体力', '脑力']], ['企业家才能', ['创新', '组织']]]]);
    const bank = bankOf(m);
    const capital = bank.questions.filter((x) => keyOf(x) === '资本');
    expect(capital).toHaveLength(1);
    expect(capital[0].stem).toMatch(/^“(机器|厂房)”属于“生产要素”的哪一类？$/);
    expect(wrongOf(capital[0]).sort()).toEqual(['劳动', '土地']);
    // "人力资本" already says "资本": the stem would give the key away.
    expect(bank.questions.some((x) => x.stem.includes('人力资本'))).toBe(false);
    // "企业家才能" is more than twice as long as the other groups: no fair options, no question.
    expect(bank.questions.filter((x) => x.template === 'outline-group').map(keyOf).sort()).toEqual(['劳动', '土地', '资本'].sort());
  });

  it('never offers a group that also holds the item', () => {
    const m = new DocumentMaker();
    m.outline(['Foods', [['Fruit', ['Tomato']], ['Vegetables', ['Tomato', 'Leek']], ['Grains', ['Rice', 'Oat']], ['Nuts', ['Walnut']]]]);
    const tomato = bankOf(m).questions.filter((x) => x.stem.includes('"Tomato"'));
    expect(tomato.length).toBeGreaterThan(0);
    for (const t of tomato) expect(wrongOf(t)).not.toContain(keyOf(t) === 'Fruit' ? 'Vegetables' : 'Fruit');
  });
});

describe('question/answer pairs', () => {
  it('turns a pair whose siblings are too unlike into a true/false item', () => {
    const m = new DocumentMaker();
    m.qa('Which organelle builds proteins?', ['The ribosome.']);
    m.qa('What does the nucleus contain?', ["The cell's DNA, organised as chromosomes in pairs."]);
    const q = bankOf(m).questions.find((x) => x.source.item === m.doc.qa[0].id)!;
    expect(q.template).toBe('qa-statement');
    const shown = q.stem.replace('True or false? Which organelle builds proteins? — ', '');
    expect(["The ribosome.", "The cell's DNA, organised as chromosomes in pairs."]).toContain(shown);
    expect(q.options[0].correct).toBe(shown === 'The ribosome.');
  });

  it('offers answers of the same section before answers of other sections', () => {
    const m = new DocumentMaker();
    m.qa('Which planet is the largest?', ['Jupiter is the largest planet.'], ['Planets']);
    m.qa('Which planet is the hottest?', ['Venus is the hottest planet.'], ['Planets']);
    m.qa('Which planet has rings?', ['Saturn has the brightest rings.'], ['Planets']);
    m.qa('Which planet is the coldest?', ['Neptune is the coldest one.'], ['Planets']);
    m.qa('Who discovered Uranus?', ['William Herschel did, in 1781.'], ['History']);
    const q = bankOf(m).questions.find((x) => x.stem === 'Which planet is the largest?')!;
    expect(keyOf(q)).toBe('Jupiter is the largest planet.');
    expect(wrongOf(q).sort()).toEqual(['Neptune is the coldest one.', 'Saturn has the brightest rings.', 'Venus is the hottest planet.']);
  });
});

describe('cloze questions', () => {
  it('blanks the hidden word and offers other hidden words and terms', () => {
    const m = new DocumentMaker('fr');
    m.cloze(['La photosynthèse libère du ', ['dioxygène'], ' et consomme du ', ['dioxyde de carbone', 'un gaz'], '.'], ['Bilan']);
    m.definition('Glucose', 'sucre produit par la phase sombre.', ['Bilan']);
    m.definition('Chlorophylle', 'pigment vert des chloroplastes.', ['Bilan']);
    m.definition('Amidon', 'réserve de sucre des végétaux.', ['Bilan']);
    const clozes = bankOf(m).questions.filter((q) => q.template === 'cloze-blank');
    const first = clozes.find((q) => keyOf(q) === 'dioxygène')!;
    expect(first.stem).toBe('Quel terme manque dans cette phrase ? La photosynthèse libère du _____ et consomme du dioxyde de carbone.');
    // Terms are capitalised in the notes, the hidden word is not: options are given the key's case.
    expect(wrongOf(first).sort()).toEqual(['amidon', 'chlorophylle', 'glucose']);
    const second = clozes.find((q) => keyOf(q) === 'dioxyde de carbone');
    // Three words against one-word candidates: outside the length band, so no question rather than a cue.
    expect(second).toBeUndefined();
  });
});

describe('true/false questions', () => {
  it('shifts the number of a key point, never swaps a name into a running sentence, and balances true and false', () => {
    const m = new DocumentMaker();
    m.table(['Phase', 'Place'], [['Light phase', 'Thylakoid'], ['Dark phase', 'Stroma']]);
    m.keyPoint('Light is needed by the light phase.');
    m.keyPoint('The cycle takes 24 hours.');
    m.keyPoint('A leaf holds 40 to 50 chloroplasts per cell.');
    m.doc.keyPoints[2].figures = ['40 to 50'];
    m.keyPoint('Plants are green.');
    const tf = bankOf(m).questions.filter((q) => q.template === 'true-false');
    expect(tf).toHaveLength(2);
    for (const q of tf) {
      expect(q.options.map((o) => o.text)).toEqual(['True', 'False']);
      expect(q.stem).not.toContain('dark phase');
      const statedTrue = q.stem.endsWith(q.explanation);
      expect(q.options[0].correct).toBe(statedTrue);
      if (!statedTrue) expect(q.stem.replace(/\d+/g, '#')).toBe(`True or false? ${q.explanation}`.replace(/\d+/g, '#'));
    }
    const figure = tf.find((q) => q.explanation.includes('chloroplasts'))!;
    // The key fact's own figure moves, and only it.
    expect(figure.stem).toMatch(/A leaf holds \d+ to \d+ chloroplasts per cell\.$/);
    expect(tf.filter((q) => q.options[0].correct)).toHaveLength(1);
  });
});
