import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ankiRenderer } from '../../src/render/anki/ankiRenderer.js';
import { BUILT_IN_TEMPLATES_VERSION } from '../../src/render/anki/builtInTemplatesVersion.js';
import { collectDeckNotes } from '../../src/render/anki/collectDeckNotes.js';
import { courseJoinStats, decodePart } from '../../src/render/anki/joinCourseDeck.js';
import type { CourseJoinResult, CoursePart } from '../../src/render/Renderer.js';
import { readApkg, type Apkg } from './readApkg.js';
import { courseContext, parse, repoRoot } from './renderHelpers.js';

/*
 * joinCourse patches the previous course .apkg; every test here builds the same course both ways
 * (patched from the previous output, and from scratch over a copy of the same previous output) and
 * wants the same bytes and the same state, with the patch path really taken.
 */

const T1 = 1_767_225_600;
const T2 = T1 + 3600;
const T3 = T2 + 3600;

type Course = Record<string, string>;

const sample = (name: string) => readFileSync(join(repoRoot, 'input', name), 'utf8');

const BASE: Course = {
  'a/week.md': '# Week\n\nQ: What day starts the week?\nA: Monday.\n\nQ: How many days?\nA: Seven.\n',
  'b/other.md': '---\ntitle: Other\n---\n# Other\n\n**Term** — a word with a fixed meaning.\n\nThe ==cell== is the unit of life.\n',
  'cell-biology.md': sample('cell-biology.md'),
  'jingji.md': sample('jingji.md'),
  'm/steps.md': '# Steps\n\nMitosis: prophase → metaphase → anaphase → telophase\n\nQ: Who?\nA: Everyone.\n',
  'photosynthese.md': sample('photosynthese.md'),
  'z/last.md': '# Last\n\nQ: Last question?\nA: Yes.\n',
};

interface Built {
  course: Course;
  bytes: Uint8Array;
  state: unknown;
  messages: unknown[];
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revise-anki-course-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function partsOf(course: Course, previous: Course | null): CoursePart[] {
  return Object.keys(course)
    .sort()
    .map((file) => {
      const doc = parse(course[file], file);
      const text = ankiRenderer.coursePart!(doc, { sourcePath: file, sourceAbsolutePath: null, templatesDir: null, timestamp: 0, options: {}, report: () => {} }) as string;
      // As the pipeline decides it: the part's text differs from the one the previous join had.
      const before = previous && previous[file] !== undefined ? (ankiRenderer.coursePart!(parse(previous[file], file), {} as never) as string) : null;
      return { file, title: doc.title, language: doc.language, changed: before !== text, read: async () => text, readBytes: async () => Buffer.from(text) };
    });
}

async function joinParts(course: Course, options: { out: string; timestamp: number; previous?: Built | null; templatesDir?: string | null; courseName?: string }) {
  const ctx = courseContext({ outputPath: options.out, timestamp: options.timestamp, templatesDir: options.templatesDir ?? null, ...(options.courseName ? { courseName: options.courseName } : {}) });
  const previous = options.previous ? { state: options.previous.state, removed: Object.keys(options.previous.course).filter((f) => !(f in course)) } : null;
  const result = (await ankiRenderer.joinCourse!(partsOf(course, options.previous?.course ?? null), { ...ctx, previous })) as CourseJoinResult;
  return { result, messages: ctx.messages };
}

/** The first build of a course, from scratch, written where the next step reads it. */
async function first(course: Course, timestamp = T1, extra: { templatesDir?: string | null; courseName?: string } = {}): Promise<Built> {
  const out = pathIn(`first-${++step}.apkg`);
  const { result, messages } = await joinParts(course, { out, timestamp, ...extra });
  await writeFile(out, result.output as Uint8Array);
  return { course, bytes: result.output as Uint8Array, state: result.state, messages };
}

let step = 0;
/**
 * The next build both ways over the same previous .apkg: patched (must be taken) and from scratch.
 * Returns the patched one after checking it equals the other, byte for byte, state and messages too.
 */
async function next(previous: Built, course: Course, timestamp: number, extra: { templatesDir?: string | null; courseName?: string; expectPatch?: boolean } = {}): Promise<Built & { fallback: string | null }> {
  step++;
  const patchedOut = pathIn(`patched-${step}.apkg`);
  const fullOut = pathIn(`full-${step}.apkg`);
  await writeFile(patchedOut, previous.bytes);
  await writeFile(fullOut, previous.bytes);
  const before = { ...courseJoinStats };
  const patched = await joinParts(course, { out: patchedOut, timestamp, previous, ...extra });
  const fallback = courseJoinStats.lastFallback;
  if (extra.expectPatch !== false) {
    expect(fallback, 'the patch path was not taken').toBeNull();
    expect(courseJoinStats.incremental).toBe(before.incremental + 1);
    expect(courseJoinStats.full).toBe(before.full);
  } else {
    expect(fallback).not.toBeNull();
    expect(courseJoinStats.incremental).toBe(before.incremental);
    expect(courseJoinStats.full).toBe(before.full + 1);
  }
  const full = await joinParts(course, { out: fullOut, timestamp, previous: null, ...extra });
  expect(courseJoinStats.lastFallback).toBe('no previous join');
  expect(patched.messages).toEqual(full.messages);
  if (full.result.output === null) {
    expect(patched.result.output).toBeNull();
    return { course, bytes: previous.bytes, state: undefined, messages: full.messages, fallback };
  }
  const a = Buffer.from(patched.result.output as Uint8Array);
  const b = Buffer.from(full.result.output as Uint8Array);
  if (!a.equals(b)) {
    // Say what differs before failing on the bytes.
    const [pa, pb] = [await readApkg(a), await readApkg(b)];
    expect(pa.decks).toEqual(pb.decks);
    expect(pa.models).toEqual(pb.models);
    expect(pa.notes).toEqual(pb.notes);
    expect(pa.cards).toEqual(pb.cards);
  }
  expect(a.equals(b), 'patched and full builds differ').toBe(true);
  expect(patched.result.state).toEqual(full.result.state);
  // renderCourse (documents, no parts) gives the same deck too.
  const docs = Object.keys(course).sort().map((f) => parse(course[f], f));
  const rendered = (await ankiRenderer.renderCourse!(docs, courseContext({ outputPath: fullOut, timestamp, templatesDir: extra.templatesDir ?? null, ...(extra.courseName ? { courseName: extra.courseName } : {}) }))) as Uint8Array;
  expect(Buffer.from(rendered).equals(b)).toBe(true);
  return { course, bytes: patched.result.output as Uint8Array, state: patched.result.state, messages: patched.messages, fallback };
}

function pathIn(name: string): string {
  return join(dir, name);
}

const deckOf = (apkg: Apkg, name: string) => Object.values(apkg.decks).find((d) => d.name === name)?.id;
const notesIn = (apkg: Apkg, deck: string) => {
  const did = deckOf(apkg, deck);
  const nids = new Set(apkg.cards.filter((c) => c.did === did).map((c) => c.nid));
  return apkg.notes.filter((n) => nids.has(n.id));
};
const duesIn = (apkg: Apkg, deck: string) => apkg.cards.filter((c) => c.did === deckOf(apkg, deck)).map((c) => c.due).sort((x, y) => x - y);

describe('course deck: coursePart / joinCourse', () => {
  it('gives the notes without a deck, read back with the deck decided at join time', () => {
    const doc = parse(BASE['m/steps.md'], 'm/steps.md');
    const text = ankiRenderer.coursePart!(doc, {} as never) as string;
    expect(decodePart(text, 'm/steps.md', 'C::Steps')).toEqual(collectDeckNotes(doc, 'C::Steps'));
    expect(() => decodePart('{"format":"other"}', 'm/steps.md', 'C::Steps')).toThrow(/m\/steps\.md: .*--force/);
  });

  it('builds from scratch like renderCourse when there is no previous join', async () => {
    const built = await first(BASE);
    expect(courseJoinStats.lastFallback).toBe('no previous join');
    const docs = Object.keys(BASE).sort().map((f) => parse(BASE[f], f));
    const rendered = (await ankiRenderer.renderCourse!(docs, courseContext({ timestamp: T1 }))) as Uint8Array;
    expect(Buffer.from(rendered).equals(Buffer.from(built.bytes))).toBe(true);
  });

  it('patches one changed file: identical bytes, the edited note newer, the others keep their mod', async () => {
    const base = await first(BASE);
    const edited = { ...BASE, 'z/last.md': BASE['z/last.md'].replace('A: Yes.', 'A: Yes, the last.') };
    const second = await next(base, edited, T2);
    const apkg = await readApkg(second.bytes);
    for (const n of apkg.notes) expect(n.mod).toBe(n.fields[1] === 'Yes, the last.' ? T2 : T1);
    expect(apkg.notes.filter((n) => n.mod === T2)).toHaveLength(1);
    // Nothing changed since: the same bytes again, even with a newer timestamp for the zip.
    const third = await next(second, edited, T2);
    expect(Buffer.from(third.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    // SOURCE_DATE_EPOCH pinned: an edit still moves mod one second past the previous one.
    const fourth = await next(third, { ...edited, 'z/last.md': edited['z/last.md'].replace('the last', 'the very last') }, T2);
    expect((await readApkg(fourth.bytes)).notes.find((n) => n.fields[1] === 'Yes, the very last.')!.mod).toBe(T2 + 1);
  });

  it('numbers new cards within each chapter, so an earlier file gaining notes leaves later ones alone', async () => {
    const base = await first(BASE);
    const before = await readApkg(base.bytes);
    const grown = { ...BASE, 'a/week.md': `${BASE['a/week.md']}\nQ: Which day ends it?\nA: Sunday.\n\nQ: And the weekend?\nA: Saturday and Sunday.\n` };
    const second = await next(base, grown, T2);
    const after = await readApkg(second.bytes);
    expect(duesIn(after, 'Biology::Last')).toEqual(duesIn(before, 'Biology::Last'));
    expect(notesIn(after, 'Biology::Last').map((n) => n.mod)).toEqual([T1]);
    // Each chapter counts from 1 in the order of its file: the grown one now goes two further.
    const weekBefore = duesIn(before, 'Biology::Week');
    const weekAfter = duesIn(after, 'Biology::Week');
    expect(weekBefore[0]).toBe(1);
    expect(Math.max(...weekAfter)).toBe(Math.max(...weekBefore) + 2);
    const third = await next(second, BASE, T3);
    expect(duesIn(await readApkg(third.bytes), 'Biology::Week')).toEqual(weekBefore);
  });

  it('adds and removes files', async () => {
    const base = await first(BASE);
    const added = { ...BASE, 'c/new.md': '# New chapter\n\n**Osmosis** — water through a membrane.\n\nQ: New?\nA: Yes.\n' };
    const second = await next(base, added, T2);
    expect(Object.values((await readApkg(second.bytes)).decks).map((d) => d.name)).toContain('Biology::New chapter');
    const { 'cell-biology.md': _gone, ...removed } = added;
    const third = await next(second, removed, T3);
    const apkg = await readApkg(third.bytes);
    expect(Object.values(apkg.decks).map((d) => d.name)).not.toContain('Biology::Cell Biology Basics');
    expect(apkg.notes.some((n) => n.fields[3].includes('cell-biology.md'))).toBe(false);
  });

  it('renames chapters when a title change makes or ends a collision, the unchanged file included', async () => {
    const base = await first(BASE);
    // b/other.md takes the title "Week": a/week.md's part is unchanged, but its sub-deck gets its path.
    const clash = { ...BASE, 'b/other.md': BASE['b/other.md'].replace('title: Other', 'title: Week') };
    const parts = partsOf(clash, BASE);
    expect(parts.find((p) => p.file === 'a/week.md')!.changed).toBe(false);
    expect(parts.find((p) => p.file === 'b/other.md')!.changed).toBe(false); // the title is not in the notes
    const second = await next(base, clash, T2);
    const names = Object.values((await readApkg(second.bytes)).decks).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Biology::Week (a/week.md)', 'Biology::Week (b/other.md)']));
    expect(names).not.toContain('Biology::Week');
    expect(notesIn(await readApkg(second.bytes), 'Biology::Week (a/week.md)').every((n) => n.mod === T1)).toBe(true);
    const third = await next(second, BASE, T3);
    expect(Object.values((await readApkg(third.bytes)).decks).map((d) => d.name)).toEqual(expect.arrayContaining(['Biology::Week', 'Biology::Other']));
  });

  it('leaves out a file whose notes drop to zero, and takes it back when they return', async () => {
    const base = await first(BASE);
    const emptied = { ...BASE, 'm/steps.md': '# Steps\n\nJust prose now.\n' };
    const second = await next(base, emptied, T2);
    expect(second.messages).toEqual([{ file: 'm/steps.md', message: expect.stringMatching(/left out of the course deck/), ruleId: 'anki-empty', severity: 'info' }]);
    expect(Object.values((await readApkg(second.bytes)).decks).map((d) => d.name)).not.toContain('Biology::Steps');
    const third = await next(second, BASE, T3);
    expect(third.messages).toEqual([]);
  });

  it('writes nothing when every file is empty, on both paths', async () => {
    const base = await first(BASE);
    const empty = Object.fromEntries(Object.keys(BASE).map((f) => [f, '# Nothing\n\nProse.\n']));
    expect((await next(base, empty, T2, { expectPatch: false })).fallback).toBe('no notes left');
  });

  it('follows several steps in a row, with a new timestamp each time and an empty file that stays empty', async () => {
    let built = await first({ ...BASE, 'e/empty.md': '# Empty\n\nNo cards.\n' });
    const course = { ...built.course };
    for (const [i, file] of ['photosynthese.md', 'a/week.md', 'jingji.md', 'z/last.md'].entries()) {
      course[file] = `${course[file]}\nQ: Extra ${i}?\nA: Answer ${i}.\n`;
      built = await next(built, { ...course }, T2 + i * 100);
    }
    expect(built.messages).toEqual([expect.objectContaining({ file: 'e/empty.md' })]);
  });

  it('restyles note types from --templates on the patch path too', async () => {
    const custom = pathIn('tpl');
    await mkdir(join(custom, 'anki'), { recursive: true });
    const css = join(custom, 'anki', 'style.css');
    await writeFile(css, '.card { color: navy; }\n');
    const mtime = BUILT_IN_TEMPLATES_VERSION.mod + 500;
    await utimes(css, mtime, mtime);
    const base = await first(BASE, T1, { templatesDir: custom });
    await writeFile(css, '.card { color: teal; }\n');
    await utimes(css, mtime, mtime);
    const second = await next(base, BASE, T2, { templatesDir: custom });
    for (const m of Object.values((await readApkg(second.bytes)).models)) expect(m.mod).toBe(mtime + 1);
  });

  it('builds from scratch when a new id would collide, and keeps doing so while an id is moved', async () => {
    // These two questions of c/collide.md hash to the same note id (found by a birthday search over
    // "Question <n>?"); the full build moves the second one up by one.
    const one = '# Collide\n\nQ: Question 595137?\nA: One.\n';
    const both = `${one}\nQ: Question 1261130?\nA: Two.\n`;
    const base = await first({ ...BASE, 'c/collide.md': one });
    const second = await next(base, { ...BASE, 'c/collide.md': both }, T2, { expectPatch: false });
    expect(second.fallback).toMatch(/the id of note .* is taken/);
    expect(second.state).toMatchObject({ shifted: true });
    const ids = (await readApkg(second.bytes)).notes.filter((n) => n.fields[3].startsWith('c/collide.md')).map((n) => n.id);
    expect(ids[1] - ids[0]).toBe(1);
    const edited = { ...BASE, 'c/collide.md': both, 'z/last.md': BASE['z/last.md'].replace('Yes', 'Yes!') };
    expect((await next(second, edited, T3, { expectPatch: false })).fallback).toMatch(/moved/);
    // Once the collision is gone the deck is patched again.
    const third = await next(second, { ...BASE, 'c/collide.md': one }, T3, { expectPatch: false });
    expect(third.state).toMatchObject({ shifted: false });
    await next(third, { ...BASE, 'c/collide.md': one, 'z/last.md': edited['z/last.md'] }, T3 + 1);
  });

  it('builds from scratch when most files changed (quicker than patching), with the same bytes', async () => {
    const many: Course = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f/${String(i).padStart(2, '0')}.md`, `# File ${i}\n\nQ: Question ${i}?\nA: Answer ${i}.\n`]));
    const base = await first(many);
    const mostly = Object.fromEntries(Object.entries(many).map(([f, text], i) => [f, i < 20 ? text.replace('Answer', 'New answer') : text]));
    expect((await next(base, mostly, T2, { expectPatch: false })).fallback).toMatch(/most files changed/);
    const some = Object.fromEntries(Object.entries(many).map(([f, text], i) => [f, i < 15 ? text.replace('Answer', 'New answer') : text]));
    await next(base, some, T2);
  });

  it('builds from scratch, still identical, when the previous output is not the one the state describes', async () => {
    const base = await first(BASE);
    const edited = { ...BASE, 'z/last.md': BASE['z/last.md'].replace('A: Yes.', 'A: No.') };
    // Replaced by another valid deck (an older build of the same course).
    const older = await first(BASE, T1 - 3600);
    const replaced: Built = { ...base, bytes: older.bytes };
    expect((await next(replaced, edited, T2, { expectPatch: false })).fallback).toMatch(/not the one the last join wrote/);
    // Tampered with: one byte changed.
    const tampered = Buffer.from(base.bytes);
    tampered[tampered.length - 30] ^= 1;
    const out = pathIn('tampered.apkg');
    await writeFile(out, tampered);
    const before = courseJoinStats.full;
    const { result } = await joinParts(edited, { out, timestamp: T2, previous: base });
    expect(courseJoinStats.lastFallback).toMatch(/not the one the last join wrote/);
    expect(courseJoinStats.full).toBe(before + 1);
    // The tampered file is not a readable deck either, so both paths start afresh: compare with that.
    await writeFile(out, tampered);
    const { result: fresh } = await joinParts(edited, { out, timestamp: T2, previous: null });
    expect(Buffer.from(result.output as Uint8Array).equals(Buffer.from(fresh.output as Uint8Array))).toBe(true);
  });

  it('builds from scratch when the state is missing, foreign or says ids moved, or the file list does not add up', async () => {
    const base = await first(BASE);
    const out = pathIn('prev.apkg');
    const tryWith = async (state: unknown, course: Course = BASE, removed?: string[]) => {
      await writeFile(out, base.bytes);
      const ctx = courseContext({ outputPath: out, timestamp: T2 });
      await ankiRenderer.joinCourse!(partsOf(course, BASE), { ...ctx, previous: { state, removed: removed ?? [] } });
      return courseJoinStats.lastFallback;
    };
    expect(await tryWith(undefined)).toMatch(/no state/);
    expect(await tryWith({ format: 'something else' })).toMatch(/no state/);
    expect(await tryWith({ ...(base.state as object), shifted: true })).toMatch(/moved/);
    expect(await tryWith({ ...(base.state as object), course: 'Chemistry' })).toMatch(/another name/);
    const { 'z/last.md': _z, ...without } = BASE;
    expect(await tryWith(base.state, without, [])).toMatch(/neither in the course nor removed/);
    expect(await tryWith(base.state, BASE, ['nowhere.md'])).toMatch(/removed file nowhere\.md/);
    // And the patch path when all is in order (so the checks above are not vacuous).
    expect(await tryWith(base.state)).toBeNull();
  });

  const tool = join(repoRoot, '..', 'shared', 'tools', 'check_apkg.py');
  it.skipIf(spawnSync('python3', ['--version']).error !== undefined || !existsSync(tool))('passes ../shared/tools/check_apkg.py after patching', async () => {
    const base = await first(BASE);
    const second = await next(base, { ...BASE, 'a/week.md': `${BASE['a/week.md']}\nQ: Extra?\nA: Yes.\n` }, T2);
    const file = pathIn('checked.apkg');
    await writeFile(file, second.bytes);
    const r = spawnSync('python3', [tool, file], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
  });
});

