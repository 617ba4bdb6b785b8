import { describe, expect, it } from 'vitest';
import { arrangeQuestions } from '../../src/render/mcq/arrangeQuestions.js';
import { blankDeletions } from '../../src/render/mcq/blankDeletions.js';
import { harmoniseCase } from '../../src/render/mcq/harmoniseCase.js';
import { checkMcqBank } from '../../src/render/mcq/checkMcqBank.js';
import { MCQ_FORMAT_VERSION, MCQ_SCHEMA_ID, type McqBank, type McqQuestion } from '../../src/render/mcq/McqBank.js';
import type { QuestionDraft } from '../../src/render/mcq/QuestionDraft.js';
import { selectDistractors } from '../../src/render/mcq/selectDistractors.js';
import { shiftNumber } from '../../src/render/mcq/shiftNumber.js';
import { isSymbolAnswer } from '../../src/render/quality/isSymbolAnswer.js';
import { keyVariantMatcher, maskVariants } from '../../src/render/quality/keyVariantMatcher.js';
import { splitRunningText } from '../../src/render/quality/splitRunningText.js';

describe('distractor selection', () => {
  const pick = (key: string, pool: string[], stem = 'Which one?') => selectDistractors({ key, stem, tiers: [pool] })?.distractors ?? null;

  it('rejects candidates equal to the key after folding case, accents and width', () => {
    expect(pick('Été', ['ete', 'ＥＴＥ', 'ÉTÉ.', 'Hiver', 'Automne'])).toEqual(['Hiver', 'Automne']);
  });

  it('rejects candidates written in the stem, of another script, of another kind or length', () => {
    expect(pick('Mitochondrion', ['Ribosome', 'Nucleus', '线粒体', '42', 'Yes', 'Endoplasmic reticulum with ribosomes attached'], 'Which organelle, not the Nucleus, makes ATP?')).toBeNull();
    expect(pick('Mitochondrion', ['Ribosome', 'Nucleus', '线粒体', 'Golgi apparatus'], 'Which organelle makes ATP?')).toEqual(['Ribosome', 'Nucleus', 'Golgi apparatus']);
  });

  it('counts Chinese length in characters and keeps closer pools first', () => {
    const choice = selectDistractors({ key: '需求', stem: '哪个？', tiers: [['供给'], ['机会成本', '边际效用递减规律', '价格']] })!;
    expect(choice.distractors).toEqual(['供给', '价格', '机会成本']);
    expect(choice.tiers).toEqual([0, 1, 1]);
  });

  it('never offers an all/none-of-the-above option', () => {
    expect(pick('Nucleus', ['Ribosome', 'All of the above', 'Golgi body'])).toEqual(['Ribosome', 'Golgi body']);
    expect(pick('以上都对', ['细胞核', '线粒体', '核糖体'])).toBeNull();
  });

  it('refuses a key written in the stem and pads nothing below two distractors', () => {
    expect(selectDistractors({ key: 'ATP', stem: 'What is ATP made of?', tiers: [['NADPH', 'ADP', 'GTP']] })).toBeNull();
    expect(selectDistractors({ key: 'ATP', stem: 'What?', tiers: [['NADPH']] })).toBeNull();
  });
});

describe('key positions', () => {
  const draft = (i: number, n: number): QuestionDraft => ({
    id: `q-${String(i).padStart(16, '0')}`,
    type: 'single-choice',
    template: 'qa-answer',
    stem: `Question ${i}?`,
    key: `right ${i}`,
    distractors: Array.from({ length: n - 1 }, (_, k) => `wrong ${i}.${k}`),
    ascending: false,
    explanation: 'because',
    theme: [],
    difficulty: 'medium',
    language: 'en',
    source: { file: 'a.md', line: 1, quote: 'q', item: 'qa-1' },
    origin: 'qa-1',
  });

  it('spreads keys evenly over every position, deterministically', () => {
    for (const total of [20, 37, 101]) {
      const drafts = Array.from({ length: total }, (_, i) => draft(i, 4));
      const questions = arrangeQuestions(drafts);
      const counts = [0, 0, 0, 0];
      for (const q of questions) counts[q.options.findIndex((o) => o.correct)]++;
      expect(Math.max(...counts)).toBeLessThanOrEqual(Math.ceil(total / 4));
      expect(arrangeQuestions(drafts)).toEqual(questions);
    }
  });

  it('keeps a question at the same position when unrelated questions are added before it', () => {
    const drafts = Array.from({ length: 40 }, (_, i) => draft(i, 4));
    const before = arrangeQuestions(drafts.slice(20));
    const after = arrangeQuestions(drafts).slice(20);
    const same = before.filter((q, i) => JSON.stringify(q.options) === JSON.stringify(after[i].options)).length;
    // Most keep their hashed slot; the rest move only to keep the bank balanced.
    expect(same).toBeGreaterThanOrEqual(10);
  });
});

describe('cloze blanks', () => {
  it('blanks every place of one cloze number at once and skips numbers with two different texts', () => {
    expect(blankDeletions('{{c1::ATP}} and {{c2::NADPH::a carrier}}, then {{c1::ATP}} again; {{c3::x}} {{c3::y}}', '___')).toEqual([
      { text: '___ and NADPH, then ___ again; x y', hidden: 'ATP', hint: '', number: 1 },
      { text: 'ATP and ___, then ATP again; x y', hidden: 'NADPH', hint: 'a carrier', number: 2 },
    ]);
  });
});

describe('option case', () => {
  it('follows the key, leaving acronyms and inner capitals alone', () => {
    expect(harmoniseCase('Nucleus', 'mitochondrion')).toBe('nucleus');
    expect(harmoniseCase('nucleus', 'Mitochondrion')).toBe('Nucleus');
    expect(harmoniseCase('ATP', 'mitochondrion')).toBe('ATP');
    expect(harmoniseCase('Nucleus', 'ATP')).toBe('Nucleus');
    expect(harmoniseCase('Nucleus', '线粒体')).toBe('Nucleus');
  });
});

describe('falsifying statements', () => {
  it('shifts a number on the same scale and leaves list numbers, phone numbers and codes alone', () => {
    expect(shiftNumber('The French Revolution began in 1789.', 'a')).toMatch(/^The French Revolution began in (1779|1799)\.$/);
    expect(shiftNumber('About 71 % of the Earth is water.', 'a')).toBe('About 51 % of the Earth is water.');
    expect(shiftNumber('1. Call 400-050-0827 at 9:00 about the CO2 level.', 'a')).toBeNull();
    expect(shiftNumber('需要2个步骤。', 'a')).toBe('需要4个步骤。');
  });
});

describe('the quality checker', () => {
  const q = (stem: string, options: [string, boolean][], type: McqQuestion['type'] = 'single-choice'): McqQuestion => ({
    id: `q-${stem.length.toString(16).padStart(16, '0')}`,
    type,
    template: type === 'true-false' ? 'true-false' : 'qa-answer',
    stem,
    options: options.map(([text, correct]) => ({ text, correct })),
    explanation: 'x',
    theme: [],
    difficulty: 'easy',
    language: 'en',
    source: { file: 'a.md', line: 1, quote: 'x', item: 'i' },
  });
  const bank = (questions: McqQuestion[]): McqBank => ({
    $schema: MCQ_SCHEMA_ID,
    format: 'revise-mcq',
    version: MCQ_FORMAT_VERSION,
    title: 't',
    language: 'en',
    files: ['a.md'],
    questions,
  });
  const rules = (question: McqQuestion) => checkMcqBank(bank([question])).map((v) => v.rule);

  it('reports every broken rule', () => {
    expect(rules(q('Which one?', [['Cell', true], ['cell', false], ['Nucleus', false]]))).toEqual(['duplicate-options']);
    expect(rules(q('What does the Cell contain?', [['Cell', true], ['Atom', false], ['Nucleus', false]]))).toEqual(['key-in-stem']);
    expect(rules(q('Which one?', [['Cell', true], ['细胞', false], ['Nucleus', false]]))).toEqual(['other-script']);
    expect(rules(q('Which one?', [['a very long answer that gives itself away', true], ['short', false], ['tiny', false]]))).toEqual(['key-too-long']);
    expect(rules(q('Which one?', [['Cell', true], ['Nucleus', false]]))).toEqual(['too-few-options']);
    expect(rules(q('Which one?', [['Cell', true], ['Atom', true], ['Nucleus', false]]))).toEqual(['key-count']);
    expect(rules(q('Which one?', [['Cell', true], ['Atom', false], ['All of the above', false]]))).toEqual(['catch-all-option']);
    expect(rules(q('True or false? Cells are true units.', [['True', true], ['False', false]], 'true-false'))).toEqual([]);
  });

  it('reports a repeated id', () => {
    const one = q('Which one?', [['Cell', true], ['Atom', false], ['Nucleus', false]]);
    expect(checkMcqBank(bank([one, { ...one }])).map((v) => v.rule)).toEqual(['duplicate-id']);
  });
});

describe('key variants, running text and symbols (src/render/quality)', () => {
  const zh = { particles: ['的', '之'], pluralSuffixes: [] };
  const fr = { particles: ['le', 'la', 'les', 'l', 'de', 'du', 'des'], pluralSuffixes: ['s', 'x'] };
  const en = { particles: ['the', 'a', 'an', 'of'], pluralSuffixes: ['es', 's'] };
  const masked = (key: string, text: string, rules: typeof en) => maskVariants(text, keyVariantMatcher(key, rules), '___');

  it('finds a key with small words added or left out, in the plural, in any case', () => {
    expect(masked('客户的忠诚度', '客户忠诚度是指客户忠于企业的程度', zh)).toBe('___是指客户忠于企业的程度');
    expect(masked('客户忠诚度', '提高客户的忠诚度。', zh)).toBe('提高___。');
    expect(masked('Le marketing relationnel', 'le Marketing relationnel vise la durée', fr)).toBe('le ___ vise la durée');
    expect(masked('Stomate', 'stomates are pores; a stomate opens', en)).toBe('___ are pores; a ___ opens');
    expect(masked('process', 'the processes of the cell', en)).toBe('the ___ of the cell');
    // Whole words only: "cell" is not in "cellulose", nor "ATP" in "ATPase".
    expect(masked('cell', 'cellulose walls', en)).toBe('cellulose walls');
    expect(masked('ATP', 'ATPase makes it', en)).toBe('ATPase makes it');
  });

  it('cuts long running text at sentence ends, then commas, into pieces of at most 300 characters', () => {
    const sentence = 'Une phrase assez longue qui parle de la relation client et de sa valeur, ';
    const pieces = splitRunningText(`${sentence.repeat(3)}fin. ${sentence.repeat(6)}fin.`);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(300);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(`${sentence.repeat(3)}fin. ${sentence.repeat(6)}fin.`.replace(/\s+/g, ' '));
    expect(splitRunningText('short answer.')).toEqual(['short answer.']);
    const chinese = '客户关系管理是企业以客户为中心开展的所有商业过程的总和，'.repeat(20);
    for (const p of splitRunningText(chinese)) expect([...p].length).toBeLessThanOrEqual(300);
  });

  it('calls single letters and bare symbols symbols, never a digit or a CJK character', () => {
    for (const s of ['E', 'm', 't', '√', '→', 'x']) expect(isSymbolAnswer(s), s).toBe(true);
    for (const s of ['0', '42', '是', 'CAC', 'Cell', 'e.g. CO2']) expect(isSymbolAnswer(s), s).toBe(false);
  });
});
