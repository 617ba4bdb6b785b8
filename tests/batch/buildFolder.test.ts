import { readFile, stat, writeFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Renderer } from '../../src/render/Renderer.js';
import { run } from '../../src/run.js';
import { captureIO, cleanup, listFiles, makeListRenderer, put, registryWith, sample, snapshot, tempDir } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await put(dir, {
    'course/cells/cell-biology.md': await sample('cell-biology.md'),
    'course/plants/photosynthese.md': await sample('photosynthese.md'),
    'course/economy/jingji.md': await sample('jingji.md'),
    'course/readme.txt': '# Plan\n\nTerm: a word with a meaning.\n',
  });
});
afterEach(() => cleanup(dir));

describe('revise build <folder>', () => {
  it('mirrors the tree, writes one course output and an index linking every output', async () => {
    const list = makeListRenderer();
    const io = captureIO();
    const result = await run({ command: 'build', paths: ['course'], out: 'dist', cwd: dir, deckName: 'Bio' }, io, registryWith(list));
    expect(result.code).toBe(0);
    const files = await listFiles(join(dir, 'dist'));
    for (const stem of ['cells/cell-biology', 'plants/photosynthese', 'economy/jingji', 'readme']) {
      expect(files).toContain(`${stem}.json`);
      expect(files).toContain(`${stem}.list.txt`);
    }
    // One course output per renderer with renderCourse, one sub-deck per file, sorted by path.
    expect(files).toContain('Bio.list.txt');
    expect(files).not.toContain('Bio.json');
    const course = (await readFile(join(dir, 'dist/Bio.list.txt'), 'utf8')).trim().split('\n');
    expect(course.map((l) => l.split('\t')[0])).toEqual(['Bio::cells::cell-biology', 'Bio::economy::jingji', 'Bio::plants::photosynthese', 'Bio::readme']);
    // The index links every output, course output included, and every link resolves.
    const index = await readFile(join(dir, 'dist/index.html'), 'utf8');
    const links = [...index.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    expect(links.sort()).toEqual(files.filter((f) => f !== 'index.html').sort());
  });

  it('never reads the output folder as input, even when it lies inside the course', async () => {
    const io = captureIO();
    await run({ command: 'build', paths: ['course'], out: 'course/build', cwd: dir }, io, registryWith());
    const second = await run({ command: 'build', paths: ['course'], out: 'course/build', cwd: dir, force: true }, captureIO(), registryWith());
    expect(second.build!.files.map((f) => f.file).sort()).toEqual(
      ['course/cells/cell-biology.md', 'course/economy/jingji.md', 'course/plants/photosynthese.md', 'course/readme.txt'].sort(),
    );
    expect((await listFiles(join(dir, 'course/build'))).filter((f) => f.startsWith('build/'))).toEqual([]);
  });

  it('refuses an output folder that holds the notes (exit 2)', async () => {
    for (const out of ['course', '.']) {
      const io = captureIO();
      const r = await run({ command: 'build', paths: ['course'], out, cwd: dir }, io, registryWith());
      expect(r.code).toBe(2);
      expect(io.err.join('')).toContain('holds the notes course');
    }
    expect(await listFiles(join(dir, 'course'))).toEqual(['cells/cell-biology.md', 'economy/jingji.md', 'plants/photosynthese.md', 'readme.txt']);
  });

  it('writes nothing outside --out', async () => {
    const before = await snapshot(join(dir, 'course'));
    await run({ command: 'build', paths: ['course'], out: 'dist', cwd: dir }, captureIO(), registryWith(makeListRenderer()));
    expect(await snapshot(join(dir, 'course'))).toEqual(before);
    expect((await listFiles(dir)).every((f) => f.startsWith('dist/') || f.startsWith('course/'))).toBe(true);
  });
});

describe('incremental builds', () => {
  const build = (extra: Record<string, unknown> = {}, list = makeListRenderer()) =>
    run({ command: 'build', paths: ['course'], out: 'dist', cwd: dir, ...extra }, captureIO(), registryWith(list));

  it('skips unchanged files, keeps their outputs byte-identical, and replays their report', async () => {
    const first = await build();
    const outputsBefore = await snapshot(join(dir, 'dist'));
    const mtimeBefore = (await stat(join(dir, 'dist/cells/cell-biology.json'))).mtimeMs;
    const list = makeListRenderer();
    const second = await build({}, list);
    expect(second.code).toBe(0);
    expect(second.build!.files.map((f) => f.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(list.calls).toEqual({ files: 0, courses: 0 });
    expect(second.build!.files.map((f) => f.items)).toEqual(first.build!.files.map((f) => f.items));
    expect(await snapshot(join(dir, 'dist'))).toEqual(outputsBefore);
    expect((await stat(join(dir, 'dist/cells/cell-biology.json'))).mtimeMs).toBe(mtimeBefore);
  });

  it('rebuilds only the changed file, and the course outputs because a part changed', async () => {
    await build();
    const path = join(dir, 'course/economy/jingji.md');
    await writeFile(path, `${await readFile(path, 'utf8')}\n\nTerme: un mot ajouté.\n`);
    const list = makeListRenderer();
    const result = await build({ deckName: undefined }, list);
    expect(result.build!.files.filter((f) => f.status === 'built').map((f) => f.file)).toEqual(['course/economy/jingji.md']);
    expect(list.calls).toEqual({ files: 1, courses: 1 });
    expect(result.build!.courses[0].status).toBe('built');
  });

  it('removes the outputs of a notes file deleted from the folder, and only those', async () => {
    await build();
    await import('node:fs/promises').then((fs) => fs.rm(join(dir, 'course/economy/jingji.md')));
    const result = await build();
    expect(result.build!.removed.map((p) => p.slice(join(dir, 'dist').length + 1)).sort()).toEqual(['economy/jingji.json', 'economy/jingji.list.txt']);
    const files = await listFiles(join(dir, 'dist'));
    expect(files.filter((f) => f.includes('jingji'))).toEqual([]);
    expect(files).toContain('cells/cell-biology.json');
    expect(await readFile(join(dir, 'dist/index.html'), 'utf8')).not.toContain('jingji');
    // Building one file of the folder on its own removes nothing.
    const single = await build({ paths: ['course/readme.txt'] });
    expect(single.build!.removed).toEqual([]);
    expect(await listFiles(join(dir, 'dist'))).toEqual(files);
  });

  it('rebuilds a file whose output was deleted, and everything with --force', async () => {
    await build();
    await import('node:fs/promises').then((fs) => fs.rm(join(dir, 'dist/readme.json')));
    const list = makeListRenderer();
    const again = await build({}, list);
    expect(again.build!.files.filter((f) => f.status === 'built').map((f) => f.file)).toEqual(['course/readme.txt']);
    expect(await listFiles(join(dir, 'dist'))).toContain('readme.json');
    const forced = makeListRenderer();
    const all = await build({ force: true }, forced);
    expect(all.build!.files.every((f) => f.status === 'built')).toBe(true);
    expect(forced.calls).toEqual({ files: 4, courses: 1 });
  });

  it('rebuilds everything when an option, a template or the formats change', async () => {
    await build();
    const byLang = await build({ lang: 'fr' });
    expect(byLang.build!.files.every((f) => f.status === 'built')).toBe(true);
    await put(dir, { 'tpl/card.hbs': '{{term}}' });
    await build({ lang: 'fr', templates: 'tpl' });
    const same = await build({ lang: 'fr', templates: 'tpl' });
    expect(same.build!.files.every((f) => f.status === 'skipped')).toBe(true);
    await put(dir, { 'tpl/card.hbs': '{{term}} changed' });
    const byTemplate = await build({ lang: 'fr', templates: 'tpl' });
    expect(byTemplate.build!.files.every((f) => f.status === 'built')).toBe(true);
    const byFormat = await build({ lang: 'fr', templates: 'tpl', formats: ['json'] });
    expect(byFormat.build!.files.every((f) => f.status === 'built')).toBe(true);
  });

  it('keeps the dates of a file that was only touched, and rebuilds when SOURCE_DATE_EPOCH changes', async () => {
    const dated: Renderer = { name: 'dated', extension: '.date.txt', binary: false, description: 'the date', render: (_d, c) => `${c.timestamp}\n` };
    const buildDated = () => run({ command: 'build', paths: ['course'], out: 'dist', cwd: dir }, captureIO(), registryWith(dated));
    await utimes(join(dir, 'course/readme.txt'), new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    await buildDated();
    const dateOf = () => readFile(join(dir, 'dist/readme.date.txt'), 'utf8');
    expect(await dateOf()).toBe(`${Date.UTC(2020, 0, 1) / 1000}\n`);
    // A fresh checkout gives every file a new modification time: nothing to rebuild, dates kept.
    await utimes(join(dir, 'course/readme.txt'), new Date('2024-06-01T00:00:00Z'), new Date('2024-06-01T00:00:00Z'));
    const touched = await buildDated();
    expect(touched.build!.files.every((f) => f.status === 'skipped')).toBe(true);
    // A deleted output is rebuilt with the date the file was first built with.
    await import('node:fs/promises').then((fs) => fs.rm(join(dir, 'dist/readme.date.txt')));
    await buildDated();
    expect(await dateOf()).toBe(`${Date.UTC(2020, 0, 1) / 1000}\n`);
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const pinned = await buildDated();
      expect(pinned.build!.files.every((f) => f.status === 'built')).toBe(true);
      expect(await dateOf()).toBe('1700000000\n');
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});

describe('course outputs and the index next to the notes outputs', () => {
  it('never replace the output of a notes file, even when that file was unchanged', async () => {
    // A notes file named like the course at the top of the folder: both would write course.list.txt.
    await put(dir, { 'course/course.md': '# Same name as the course\n\nTerm: meaning.\n' });
    const first = await run({ command: 'build', paths: ['course'], out: 'dist', cwd: dir }, captureIO(), registryWith(makeListRenderer()));
    expect(first.code).toBe(1);
    expect(first.build!.messages.map((m) => m.ruleId)).toEqual(['output-collision']);
    const own = await readFile(join(dir, 'dist/course.list.txt'), 'utf8');
    expect(own.startsWith('course.md\n')).toBe(true);
    const again = await run({ command: 'build', paths: ['course'], out: 'dist', cwd: dir }, captureIO(), registryWith(makeListRenderer()));
    expect(again.build!.files.every((f) => f.status === 'skipped')).toBe(true);
    expect(again.code).toBe(1);
    expect(await readFile(join(dir, 'dist/course.list.txt'), 'utf8')).toBe(own);
    // Naming the course otherwise settles it.
    const named = await run({ command: 'build', paths: ['course'], out: 'dist', cwd: dir, deckName: 'Biology' }, captureIO(), registryWith(makeListRenderer()));
    expect(named.code).toBe(0);
    expect((await readFile(join(dir, 'dist/Biology.list.txt'), 'utf8')).split('\n')).toContain('Biology::course\tSame name as the course');
  });

  it('builds a file reached twice on the command line once', async () => {
    const r = await run({ command: 'build', paths: ['course', 'course/readme.txt'], out: 'dist', cwd: dir }, captureIO(), registryWith());
    expect(r.code).toBe(0);
    expect(r.build!.files.map((f) => f.file).filter((f) => f.endsWith('readme.txt'))).toEqual(['course/readme.txt']);
  });
});

describe('a build where nothing changed', () => {
  it('does not load the renderers at all', async () => {
    const { buildFiles } = await import('../../src/pipeline/buildFiles.js');
    const { jsonRenderer } = await import('../../src/render/json/jsonRenderer.js');
    let loads = 0;
    const options = {
      paths: ['course'],
      outDir: 'dist',
      cwd: dir,
      renderersKey: 'json',
      loadRenderers: async () => {
        loads++;
        return { renderers: [jsonRenderer] };
      },
    };
    const first = await buildFiles(options);
    expect(loads).toBe(1);
    expect(first.files.every((f) => f.status === 'built')).toBe(true);
    const second = await buildFiles(options);
    expect(second.files.every((f) => f.status === 'skipped')).toBe(true);
    expect(loads).toBe(1);
    await writeFile(join(dir, 'course/readme.txt'), '# Plan B\n\nTerm: another meaning.\n');
    await buildFiles(options);
    expect(loads).toBe(2);
  });
});
