import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../src/model/StudyDocument.js';
import { checkMcqBank } from '../../src/render/mcq/checkMcqBank.js';
import { buildMcqBank } from '../../src/render/mcq/buildMcqBank.js';
import type { McqBank } from '../../src/render/mcq/McqBank.js';
import { mcqRenderer } from '../../src/render/mcq/mcqRenderer.js';
import type { RenderContext } from '../../src/render/Renderer.js';
import { run } from '../../src/run.js';
import { DocumentMaker } from './DocumentMaker.js';
import { fixtures } from './testPaths.js';
import { schemaErrors } from './schemaErrors.js';

const out = mkdtempSync(join(tmpdir(), 'revise-mcq-bad-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function renderWithWarnings(doc: ReturnType<typeof createEmptyDocument>) {
  const warnings: string[] = [];
  const ctx: RenderContext = {
    sourcePath: doc.file,
    sourceAbsolutePath: null,
    templatesDir: null,
    timestamp: 0,
    options: {},
    report: (m) => warnings.push(`${m.severity ?? 'warning'} ${m.ruleId}: ${m.message}`),
  };
  const bank = JSON.parse(mcqRenderer.render(doc, ctx) as string) as McqBank;
  return { bank, warnings };
}

describe('bad input gives an empty bank with a warning', () => {
  it.each([
    ['one-definition.md', 'none of the 1 item has at least two distinct siblings'],
    ['no-items.md', 'the notes hold no definition'],
    ['same-answers.md', 'none of the 3 items has at least two distinct siblings'],
  ])('%s', async (name, reason) => {
    const lines: string[] = [];
    const result = await run({ command: 'build', paths: [join(fixtures, name)], out, formats: ['mcq'] }, { stdout: () => {}, stderr: (t) => lines.push(t) });
    expect(result.code).toBe(0);
    const warning = lines.find((l) => l.includes('[mcq-empty]'))!;
    expect(warning).toContain(`${name}: warning: no multiple-choice question: ${reason}`);
    const bank = JSON.parse(readFileSync(join(out, name.replace('.md', '.mcq.json')), 'utf8')) as McqBank;
    expect(schemaErrors(bank)).toEqual([]);
    expect(bank.questions).toEqual([]);
  });

  it('warns once for a model with no items at all', () => {
    const { bank, warnings } = renderWithWarnings(createEmptyDocument('empty.md'));
    expect(bank.questions).toEqual([]);
    expect(bank.title).toBe('empty');
    expect(warnings).toEqual(['warning mcq-empty: no multiple-choice question: the notes hold no definition, table, list, question or key point']);
  });

  it('makes nothing from answers that differ only by case, accents, width or punctuation', () => {
    const m = new DocumentMaker('fr');
    m.qa('Qui a écrit le rapport ?', ['Le Comité.']);
    m.qa('Qui a voté le budget ?', ['le comite']);
    m.qa('Qui a choisi le lieu ?', ['ＬＥ ＣＯＭＩＴÉ !']);
    m.qa('Qui a signé ?', ['Le comité']);
    const { bank, warnings } = renderWithWarnings(m.doc);
    expect(bank.questions).toEqual([]);
    expect(warnings.filter((w) => w.startsWith('warning'))).toHaveLength(1);
  });

  it('skips blank and degenerate items without crashing', () => {
    const m = new DocumentMaker();
    m.definition('', 'no term here');
    m.definition('Ghost', '   ');
    m.table([], []);
    m.table(['A'], [[''], ['x']]);
    m.sequence([]);
    m.sequence(['only']);
    m.sequence(['loop', 'back', 'loop', 'again']);
    m.qa('   ', ['nothing']);
    m.qa('Why?', []);
    m.cloze(['nothing hidden']);
    m.keyPoint('');
    m.doc.outlines.push({ id: 'outline-x', label: '', children: [], section: [], source: { line: 1, column: 1 } });
    const { bank } = renderWithWarnings(m.doc);
    expect(schemaErrors(bank)).toEqual([]);
    expect(checkMcqBank(bank)).toEqual([]);
    // "loop" has two successors: no "after loop" question may be asked.
    expect(bank.questions.some((q) => q.stem.includes('after "loop"'))).toBe(false);
  });
});

describe('any model gives a valid bank with no rule broken', () => {
  const word = fc.constantFrom('alpha', 'Beta', 'gamma ray', 'Δelta', '细胞', '细胞核', 'ATP', '12', '12 %', 'oui', 'No', 'x', '', ' ', 'Été', 'ete', 'ＥＴＥ');
  const phrase = fc.array(word, { minLength: 0, maxLength: 5 }).map((w) => w.join(' '));
  it('holds on random definitions, tables, sequences, questions and key points', () => {
    let asked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(phrase, phrase), { maxLength: 6 }),
        fc.array(fc.array(phrase, { minLength: 3, maxLength: 3 }), { maxLength: 6 }),
        fc.array(phrase, { maxLength: 6 }),
        fc.array(fc.tuple(phrase, phrase), { maxLength: 6 }),
        fc.array(phrase, { maxLength: 4 }),
        fc.constantFrom('en', 'fr', 'zh', 'de', 'und'),
        (defs, rows, steps, qas, points, lang) => {
          const m = new DocumentMaker(lang);
          defs.forEach(([t, d]) => m.definition(t, d));
          if (rows.length) m.table(['Name', 'Kind', 'Size'], rows);
          m.sequence(steps);
          qas.forEach(([q, a]) => m.qa(q, [a]));
          points.forEach((p) => m.keyPoint(p));
          const { bank } = buildMcqBank([m.doc]);
          expect(schemaErrors(bank)).toEqual([]);
          expect(checkMcqBank(bank)).toEqual([]);
          asked += bank.questions.length;
        },
      ),
      { numRuns: 150, seed: 20251125 },
    );
    // The property is only worth something if the random models do produce questions.
    expect(asked).toBeGreaterThan(100);
  });
});
