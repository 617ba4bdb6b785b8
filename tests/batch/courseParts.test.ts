import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFiles } from '../../src/pipeline/buildFiles.js';
import type { CourseJoinContext, CoursePart, Renderer } from '../../src/render/Renderer.js';
import { run } from '../../src/run.js';
import { captureIO, cleanup, put, registryWith, sample, tempDir } from './helpers.js';

interface JoinCall {
  files: string[];
  changed: string[];
  previous: CourseJoinContext['previous'];
  read: string[];
}

/** A renderer whose course output is its parts joined, recording what each join was given. */
function makePartsRenderer() {
  const joins: JoinCall[] = [];
  const partsMade: string[] = [];
  const renderer: Renderer = {
    name: 'parts',
    extension: '.parts.txt',
    binary: false,
    description: 'test renderer with course parts',
    render: (document) => `${document.title}\n`,
    coursePart(document) {
      partsMade.push(document.file);
      return `${document.file}: ${document.definitions.map((d) => d.term).join('|')}`;
    },
    async joinCourse(parts: readonly CoursePart[], context: CourseJoinContext) {
      const call: JoinCall = { files: parts.map((p) => p.file), changed: parts.filter((p) => p.changed).map((p) => p.file), previous: context.previous, read: [] };
      joins.push(call);
      const lines: string[] = [];
      for (const p of parts) {
        lines.push(await p.read());
        call.read.push(p.file);
      }
      return { output: `${context.courseName}\n${lines.join('\n')}\n`, state: { join: joins.length } };
    },
  };
  return { renderer, joins, partsMade };
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await put(dir, {
    'course/a.md': '# A\n\n**Alpha**: the first letter.\n',
    'course/b.md': '# B\n\n**Beta**: the second letter.\n',
    'course/sub/c.md': '# C\n\n**Gamma**: the third letter.\n',
  });
});
afterEach(() => cleanup(dir));

const build = (registry: ReturnType<typeof registryWith>, extra: Record<string, unknown> = {}) =>
  run({ command: 'build', paths: ['course'], out: 'out', cwd: dir, deckName: 'Greek', jobs: 1, ...extra }, captureIO(), registry);

describe('course outputs joined from cached parts', () => {
  it('hands the join only what changed since the previous join, and the state it returned', async () => {
    const { renderer, joins, partsMade } = makePartsRenderer();
    const registry = registryWith(renderer);
    expect((await build(registry)).code).toBe(0);
    expect(joins).toHaveLength(1);
    expect(joins[0].previous).toBeNull();
    expect(joins[0].changed).toEqual(['a.md', 'b.md', 'sub/c.md']);
    expect(partsMade.sort()).toEqual(['a.md', 'b.md', 'sub/c.md']);
    const first = await readFile(join(dir, 'out/Greek.parts.txt'), 'utf8');
    expect(first).toBe('Greek\na.md: Alpha\nb.md: Beta\nsub/c.md: Gamma\n');

    // Nothing changed: no join at all.
    expect((await build(registry)).code).toBe(0);
    expect(joins).toHaveLength(1);

    // One file changed: one part made, the others read back from the cache.
    await writeFile(join(dir, 'course/b.md'), '# B\n\n**Beta**: the second letter.\n\n**Bêta**: the same in French.\n');
    expect((await build(registry)).code).toBe(0);
    expect(partsMade.filter((f) => f === 'a.md')).toHaveLength(1);
    expect(partsMade.filter((f) => f === 'b.md')).toHaveLength(2);
    expect(joins[1].changed).toEqual(['b.md']);
    expect(joins[1].previous).toEqual({ state: { join: 1 }, removed: [] });
    expect(await readFile(join(dir, 'out/Greek.parts.txt'), 'utf8')).toBe('Greek\na.md: Alpha\nb.md: Beta|Bêta\nsub/c.md: Gamma\n');

    // A file removed and one added: the removed one is named, the new one is changed.
    await rm(join(dir, 'course/a.md'));
    await put(dir, { 'course/d.md': '# D\n\n**Delta**: the fourth letter.\n' });
    expect((await build(registry)).code).toBe(0);
    expect(joins[2].previous).toEqual({ state: { join: 2 }, removed: ['a.md'] });
    expect(joins[2].changed).toEqual(['d.md']);
    expect(await readFile(join(dir, 'out/Greek.parts.txt'), 'utf8')).toBe('Greek\nb.md: Beta|Bêta\nd.md: Delta\nsub/c.md: Gamma\n');
  });

  it('joins from scratch when the previous output is gone or --force is given', async () => {
    const { renderer, joins } = makePartsRenderer();
    const registry = registryWith(renderer);
    await build(registry);
    await rm(join(dir, 'out/Greek.parts.txt'));
    await build(registry);
    expect(joins).toHaveLength(2);
    expect(joins[1].previous).toBeNull();
    expect(joins[1].changed).toHaveLength(3);
    await build(registry, { force: true });
    expect(joins).toHaveLength(3);
    expect(joins[2].previous).toBeNull();
    expect(await readFile(join(dir, 'out/Greek.parts.txt'), 'utf8')).toBe('Greek\na.md: Alpha\nb.md: Beta\nsub/c.md: Gamma\n');
  });

  it('removes the course outputs of the old name when the course is renamed', async () => {
    const { renderer } = makePartsRenderer();
    const registry = registryWith(renderer);
    await build(registry);
    await build(registry, { deckName: 'Hellenic' });
    expect(await readFile(join(dir, 'out/Hellenic.parts.txt'), 'utf8')).toMatch(/^Hellenic\n/);
    await expect(readFile(join(dir, 'out/Greek.parts.txt'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('keeps parts in memory when there is no cache', async () => {
    const { renderer, joins } = makePartsRenderer();
    const report = await buildFiles({ paths: ['course'], outDir: 'out', cwd: dir, renderers: [renderer], cache: false, jobs: 1, courseName: 'Greek' });
    expect(report.courses[0]?.status).toBe('built');
    expect(joins[0].read).toEqual(['a.md', 'b.md', 'sub/c.md']);
    expect(await readFile(join(dir, 'out/Greek.parts.txt'), 'utf8')).toBe('Greek\na.md: Alpha\nb.md: Beta\nsub/c.md: Gamma\n');
  });

  it('gives the same course bank after one change as a build from scratch', async () => {
    const { mcqRenderer } = await import('../../src/render/mcq/mcqRenderer.js');
    await put(dir, { 'course/cells.md': await sample('cell-biology.md'), 'course/plants.md': await sample('photosynthese.md'), 'course/zh/jingji.md': await sample('jingji.md') });
    const registry = registryWith(mcqRenderer);
    await build(registry, { formats: ['mcq'] });
    const notes = join(dir, 'course/plants.md');
    await writeFile(notes, (await readFile(notes, 'utf8')).replace(/\n$/, '\n\n**Stomate** : pore de la feuille par où entrent les gaz.\n'));
    await build(registry, { formats: ['mcq'] });
    const incremental = await readFile(join(dir, 'out/Greek.mcq.json'), 'utf8');
    expect(incremental).toContain('Stomate');
    await build(registry, { formats: ['mcq'], out: 'fresh' });
    expect(await readFile(join(dir, 'fresh/Greek.mcq.json'), 'utf8')).toBe(incremental);
  });
});

describe('a file whose own output fails', () => {
  it('keeps its questions in the course bank, in a worker build as in a one-thread build', async () => {
    const { mcqRenderer } = await import('../../src/render/mcq/mcqRenderer.js');
    await put(dir, {
      'course/fragile.md': '# FRAGILE notes\n\n**Omega**: the last letter.\n\n**Psi**: the letter before omega.\n\n**Chi**: the letter before psi.\n',
      'course/fragile.mjs': `export default { name: 'fragile', extension: '.fragile.txt', binary: false, description: 'fails on FRAGILE',
        render(document) { if (document.title.includes('FRAGILE')) throw new Error('this renderer breaks on FRAGILE'); return document.title; } };`,
      'course/revise.config.json': JSON.stringify({ renderers: ['./fragile.mjs'], formats: ['mcq', 'fragile'], deckName: 'Greek' }),
    });
    const banks: string[] = [];
    for (const [jobs, out] of [[1, 'one'], [2, 'two']] as const) {
      const io = captureIO();
      const result = await run({ command: 'build', paths: ['course'], out, cwd: dir, jobs, allowPlugins: true }, io, registryWith(mcqRenderer));
      expect(result.code).toBe(1);
      const fragile = result.build!.files.find((f) => f.file === 'course/fragile.md')!;
      expect(fragile.status).toBe('failed');
      expect(fragile.messages.map((m) => m.ruleId)).toContain('render-fragile');
      banks.push(await readFile(join(dir, out, 'Greek.mcq.json'), 'utf8'));
    }
    const bank = JSON.parse(banks[0]) as { files: string[]; questions: { source: { file: string } }[] };
    expect(bank.files).toContain('fragile.md');
    expect(bank.questions.some((q) => q.source.file === 'fragile.md')).toBe(true);
    expect(banks[1]).toBe(banks[0]);
  });
});
