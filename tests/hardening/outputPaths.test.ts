import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createEmptyDocument } from '../../src/model/StudyDocument.js';
import { resolveInside } from '../../src/pipeline/resolveInside.js';
import { toFileName } from '../../src/pipeline/toFileName.js';
import { sheetDirectives } from '../../src/render/pdf/sheetDirectives.js';
import { McqWording } from '../../src/render/mcq/McqWording.js';
import { run } from '../../src/run.js';
import { captureIO, cleanup, listFiles, makeListRenderer, put, registryWith, tempDir } from '../batch/helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await put(dir, { 'work/course/a.md': '# A\n\nTerm: one meaning.\n', 'work/course/b.md': '# B\n\nOther: another meaning.\n' });
});
afterEach(() => cleanup(dir));

describe('nothing is written outside --out (issue 17, item 5)', () => {
  it.each([['../escaped'], ['a/b'], [''], ['..'], ['.hidden'], ['\u001b[31mred']])('--deck-name %j gives one file name inside the output folder', async (deckName) => {
    const r = await run({ command: 'build', paths: ['course'], out: 'out', cwd: join(dir, 'work'), deckName }, captureIO(), registryWith(makeListRenderer()));
    expect(r.code).toBe(0);
    // Only the output folder and the notes exist under the working folder, and nothing beside it.
    expect((await listFiles(join(dir, 'work'))).filter((f) => !f.startsWith('out/') && !f.startsWith('course/'))).toEqual([]);
    expect((await listFiles(dir)).every((f) => f.startsWith('work/'))).toBe(true);
    const courseFiles = (await listFiles(join(dir, 'work/out'))).filter((f) => f.endsWith('.list.txt') && !['a.list.txt', 'b.list.txt'].includes(f));
    expect(courseFiles).toHaveLength(1);
    expect(courseFiles[0]).not.toMatch(/^\.|\/|\u001b/);
  });

  it('the same through the command line, with the deck keeping its name inside the course output', async () => {
    const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
    const code = await main(['node', 'revise', 'build', join(dir, 'work/course'), '--out', join(dir, 'work/out'), '--format', 'mcq', '--deck-name', '../escaped', '--quiet'], io);
    expect(code).toBe(0);
    expect(await listFiles(join(dir, 'work/out'))).toEqual(['_escaped.mcq.json', 'a.mcq.json', 'b.mcq.json', 'index.html']);
    expect(JSON.parse(await readFile(join(dir, 'work/out/_escaped.mcq.json'), 'utf8')).title).toBe('../escaped');
  });

  it('toFileName and resolveInside never give a path out of the folder', () => {
    for (const name of ['../x', '..', '.', '/etc/passwd', 'a\\b', 'CON', 'nul.txt', ' . ', 'x'.repeat(500), 'é\u0000z']) {
      const safe = toFileName(name);
      expect(safe).not.toMatch(/[/\\\u0000]|^\./);
      expect(resolveInside('/out', `${safe}.apkg`)).toBe(`/out/${safe}.apkg`);
    }
    expect(toFileName('')).toBe('course');
    expect(resolveInside('/out', '../x')).toBeNull();
    expect(resolveInside('/out', '/etc/x')).toBeNull();
    expect(resolveInside('/out', '.')).toBeNull();
    expect(resolveInside('/out', 'a/../../b')).toBeNull();
  });
});

describe('a note never chooses a path (issue 17, item 4)', () => {
  it('a language that is no language code never picks a labels or wording file', async () => {
    const secretDir = join(dir, 'secret');
    await mkdir(join(secretDir, 'pdf', 'labels'), { recursive: true });
    await writeFile(join(secretDir, 'secret.json'), JSON.stringify({ definitions: 'SECRET-LABEL' }));
    const doc = createEmptyDocument('x.md');
    doc.title = 'T';
    doc.language = `../../../../../../../../${secretDir.slice(1)}/secret`;
    const plan = sheetDirectives(doc, { templatesDir: null, timestamp: 0, sourcePath: 'x.md' });
    expect(Object.values(plan.labels)).not.toContain('SECRET-LABEL');
    const withTemplates = sheetDirectives(doc, { templatesDir: join(secretDir, 'pdf'), timestamp: 0, sourcePath: 'x.md' });
    expect(Object.values(withTemplates.labels)).not.toContain('SECRET-LABEL');
    expect(McqWording.forLanguage(doc.language, secretDir).language).toBe('en');
  });

  it('front matter lang: ../secret builds with the detected language, and the schemas hold', async () => {
    await put(dir, { 'work/course/c.md': '---\nlang: ../../secret\n---\n# Cells\n\nThe cell is the unit of life.\n' });
    const r = await run({ command: 'build', paths: ['course/c.md'], out: 'out', cwd: join(dir, 'work'), formats: ['json'] }, captureIO());
    expect(r.code).toBe(0);
    const model = JSON.parse(await readFile(join(dir, 'work/out/c.json'), 'utf8'));
    expect(model.language).toBe('en');
    expect(r.build!.files[0].messages.map((m) => m.ruleId)).toContain('front-matter-lang');
  });
});

describe('symbolic links leaving the folder being built', () => {
  it('are skipped with a warning; inside the folder they are followed', async () => {
    await put(dir, { 'outside/private.md': '# Private\n\nSecret: a word nobody should see.\n' });
    await symlink(join(dir, 'outside/private.md'), join(dir, 'work/course/link.md'));
    await symlink(join(dir, 'outside'), join(dir, 'work/course/linked-folder'));
    await symlink('a.md', join(dir, 'work/course/inside.md'));
    const r = await run({ command: 'build', paths: ['course'], out: 'out', cwd: join(dir, 'work'), formats: ['json'] }, captureIO());
    expect(r.code).toBe(0);
    expect(r.build!.files.map((f) => f.file)).toEqual(['course/a.md', 'course/b.md', 'course/inside.md']);
    const warnings = r.build!.messages.filter((m) => m.ruleId === 'link-outside').map((m) => m.file);
    expect(warnings).toEqual(['course/link.md', 'course/linked-folder']);
    expect(JSON.stringify(await listFiles(join(dir, 'work/out')))).not.toContain('private');
  });
});
