import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMcqBank } from '../../src/render/mcq/buildMcqBank.js';
import { checkMcqBank } from '../../src/render/mcq/checkMcqBank.js';
import type { McqBank } from '../../src/render/mcq/McqBank.js';
import { mcqRenderer } from '../../src/render/mcq/mcqRenderer.js';
import { createDefaultRegistry } from '../../src/render/registry.js';
import type { CourseRenderContext } from '../../src/render/Renderer.js';
import { run } from '../../src/run.js';
import { DocumentMaker } from './DocumentMaker.js';
import { repoRoot } from './testPaths.js';
import { schemaErrors } from './schemaErrors.js';

const temp = mkdtempSync(join(tmpdir(), 'revise-mcq-render-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function terms(language: string, file = 'notes.md') {
  const m = new DocumentMaker(language, file);
  m.definition('Alpha', 'the first letter of the Greek alphabet.');
  m.definition('Beta', 'the second letter of the Greek alphabet.');
  m.definition('Gamma', 'the third letter of the Greek alphabet.');
  return m;
}

describe('the mcq renderer', () => {
  it('is registered and writes <name>.mcq.json for every notes file of a folder build', async () => {
    expect(createDefaultRegistry().get('mcq')).toBe(mcqRenderer);
    const out = join(temp, 'out');
    const result = await run({ command: 'build', paths: [join(repoRoot, 'input')], out, formats: ['mcq'], quiet: true }, { stdout: () => {}, stderr: () => {} });
    expect(result.code).toBe(0);
    // One bank per notes file, plus the course bank named after the folder.
    expect(readdirSync(out).filter((f) => f.endsWith('.mcq.json')).sort()).toEqual(['cell-biology.mcq.json', 'input.mcq.json', 'jingji.mcq.json', 'photosynthese.mcq.json']);
  });

  it('words questions in the notes language, English for languages it has no templates for', () => {
    const stem = (lang: string) => buildMcqBank([terms(lang).doc]).bank.questions.find((q) => q.template === 'definition-meaning')!;
    expect(stem('fr').stem).toBe('Que signifie « Alpha » ?');
    expect(stem('zh').stem).toBe('“Alpha”是什么意思？');
    expect(stem('en').stem).toBe('What does "Alpha" mean?');
    const german = stem('de');
    expect(german.stem).toBe('What does "Alpha" mean?');
    expect(german.language).toBe('en');
    expect(buildMcqBank([terms('de').doc]).bank.language).toBe('de');
  });

  it('takes a template from <templatesDir>/mcq/<lang>/ when one is there, the built-in one otherwise', () => {
    const dir = join(temp, 'templates');
    mkdirSync(join(dir, 'mcq', 'fr'), { recursive: true });
    writeFileSync(join(dir, 'mcq', 'fr', 'definition-meaning.hbs'), 'Que veut dire le mot {{term}} ?\n');
    const { bank } = buildMcqBank([terms('fr').doc], { templatesDir: dir });
    expect(bank.questions.find((q) => q.template === 'definition-meaning')!.stem).toBe('Que veut dire le mot Alpha ?');
    expect(bank.questions.find((q) => q.template === 'definition-term')!.stem).toMatch(/^Quel terme correspond à cette définition : « /);
    // A language revise lacks can be added by dropping a full set of wording files.
    mkdirSync(join(dir, 'mcq', 'de'), { recursive: true });
    writeFileSync(join(dir, 'mcq', 'de', 'words.json'), JSON.stringify({ true: 'Wahr', false: 'Falsch', blank: '___', orderSeparator: ' → ', answerSeparator: ' ' }));
    writeFileSync(join(dir, 'mcq', 'de', 'definition-meaning.hbs'), 'Was bedeutet „{{term}}“?');
    writeFileSync(join(dir, 'mcq', 'de', 'definition-term.hbs'), 'Welcher Begriff passt zu „{{definition}}“?');
    const german = buildMcqBank([terms('de').doc], { templatesDir: dir }).bank.questions;
    expect(german.map((q) => q.stem)).toContain('Was bedeutet „Alpha“?');
    expect(german.every((q) => q.language === 'de')).toBe(true);
  });

  it('keeps question ids when unrelated facts are added or the notes are reordered', () => {
    const before = buildMcqBank([terms('en').doc]).bank;
    const m = new DocumentMaker('en');
    m.definition('Delta', 'the fourth letter of the Greek alphabet.');
    m.definition('Gamma', 'the third letter of the Greek alphabet.');
    m.definition('Alpha', 'the first letter of the Greek alphabet.');
    m.definition('Beta', 'the second letter of the Greek alphabet.');
    const after = buildMcqBank([m.doc]).bank;
    const afterIds = new Set(after.questions.map((q) => q.id));
    for (const q of before.questions) expect(afterIds.has(q.id), q.stem).toBe(true);
    expect(new Set(before.questions.map((q) => q.id)).size).toBe(before.questions.length);
  });

  it('builds one course bank over several files, balanced and valid, with each question naming its file', async () => {
    const docs = [terms('en', 'greek/letters.md').doc, terms('fr', 'grec/lettres.md').doc, terms('zh', 'xila/zimu.md').doc];
    const reports: string[] = [];
    const ctx: CourseRenderContext = { courseName: 'Alphabets', templatesDir: null, timestamp: 0, options: {}, report: (m) => reports.push(m.message) };
    const bank = JSON.parse((await mcqRenderer.renderCourse!(docs, ctx)) as string) as McqBank;
    expect(schemaErrors(bank)).toEqual([]);
    expect(checkMcqBank(bank)).toEqual([]);
    expect(bank.title).toBe('Alphabets');
    expect(bank.files).toEqual(['greek/letters.md', 'grec/lettres.md', 'xila/zimu.md']);
    expect(new Set(bank.questions.map((q) => q.source.file))).toEqual(new Set(bank.files));
    expect(new Set(bank.questions.map((q) => q.language))).toEqual(new Set(['en', 'fr', 'zh']));
    expect(reports).toEqual([]);
  });

  it('joins a course bank from the file banks unchanged, numbering on ids repeated across files', async () => {
    const docs = [terms('en', 'a/letters.md').doc, terms('en', 'b/letters.md').doc, terms('fr', 'c/lettres.md').doc];
    const ctx: CourseRenderContext = { courseName: 'Letters', templatesDir: null, timestamp: 0, options: {}, report: () => {} };
    const own = docs.map((d) => JSON.parse(mcqRenderer.render(d, { ...ctx, sourcePath: d.file, sourceAbsolutePath: null }) as string) as McqBank);
    const parts = await Promise.all(
      docs.map(async (d) => {
        const part = await mcqRenderer.coursePart!(d, { ...ctx, sourcePath: d.file, sourceAbsolutePath: null });
        return { file: d.file, title: d.title, language: d.language, changed: true, read: async () => part, readBytes: async () => Buffer.from(part) };
      }),
    );
    const joined = await mcqRenderer.joinCourse!(parts, { ...ctx, previous: null });
    const text = Buffer.from(joined.output as Uint8Array).toString('utf8');
    expect(text).toBe(await mcqRenderer.renderCourse!(docs, ctx));
    const bank = JSON.parse(text) as McqBank;
    expect(schemaErrors(bank)).toEqual([]);
    expect(checkMcqBank(bank)).toEqual([]);
    // English and French files: the course bank says several languages, each question its own.
    expect(bank.language).toBe('mul');
    // The three files hold the same facts at top level, so the same ids: later copies are numbered on.
    const n = own[0].questions.length;
    for (const b of own) expect(b.questions.map((q) => q.id)).toEqual(own[0].questions.map((q) => q.id));
    expect(new Set(bank.questions.map((q) => q.id)).size).toBe(bank.questions.length);
    const expected = own.flatMap((b) => b.questions);
    expect(bank.questions).toHaveLength(expected.length);
    bank.questions.forEach((q, i) => {
      const { id, ...rest } = expected[i];
      expect({ ...q, id: undefined }).toEqual({ ...rest, id: undefined });
      const copy = Math.floor(i / n);
      expect(q.id).toBe(copy === 0 ? id : `${id}-${copy + 1}`);
    });
  });

  it('names the course file that gave no question in its warning', async () => {
    const lonely = new DocumentMaker('en', 'misc/lonely.md');
    lonely.definition('Entropy', 'a measure of disorder.');
    const reports: string[] = [];
    const ctx: CourseRenderContext = { courseName: 'C', templatesDir: null, timestamp: 0, options: {}, report: (m) => reports.push(`${m.file}: ${m.ruleId}`) };
    const bank = JSON.parse((await mcqRenderer.renderCourse!([terms('en', 'a.md').doc, lonely.doc], ctx)) as string) as McqBank;
    expect(reports).toEqual(['misc/lonely.md: mcq-empty']);
    expect(bank.questions.length).toBeGreaterThan(0);
  });
});
