import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CourseJoinContext, CourseJoinResult, CoursePart, CourseRenderContext } from '../Renderer.js';
import type { AnkiNote, NoteTypeKey } from './AnkiNote.js';
import { packageDeck, resolveNoteTypes, withNoteMods } from './buildDeckPackage.js';
import { chapterDecks, deckPart, EMPTY, LEFT_OUT } from './chapterDecks.js';
import { loadSqlJs } from './loadSqlJs.js';
import { NOTE_TYPE_SPECS } from './noteTypeSpecs.js';
import { collectionOf, readNoteTypes, type PreviousNote } from './readPreviousDeck.js';
import {
  allDeckNames, cardRow, deckMedia, cardSeed, deckSeed, hashedId, INSERT_CARD, INSERT_NOTE, noteRow, noteSeed, packCollection, tuneConnection, writeCollectionRow,
  type PackageNote,
} from './writeApkg.js';

/*
 * A course deck is one .apkg with a sub-deck per notes file. `coursePart` turns one file into its
 * notes (cached by the pipeline with the file); `joinCourseDeck` puts every part into the deck.
 *
 * From scratch, the join is what renderCourse does. When the previous join's state says the .apkg
 * at outputPath is the one it wrote, the join opens that .apkg and rewrites only the notes and cards
 * of the files that changed, came, went or got another chapter name, and rewrites the `col` row. Everything that couples files is recomputed the way the full
 * build computes it, so the bytes are the same (tests/anki/courseIncremental.test.ts):
 *   - card `due` = place of the note in its own file, so the other files' cards keep theirs;
 *   - ids are hashes, moved by one on a collision in the order of the whole deck: a deck where any
 *     id moved, or where a new id would collide, is always built from scratch (`shifted`);
 *   - deck ids from deck names, `col.decks`, `col.models` (note types the deck uses, `mod` carried
 *     over from the previous deck's), `col.mod` (newest of timestamp, note and note-type mods),
 *     `col.crt`: all written by writeCollectionRow from the new deck names, types and dates;
 *   - note `mod`: a rewritten note is compared with the previous deck's note of the same GUID, found
 *     by id (the id is the GUID's hash when nothing moved), as readPreviousDeck would find it;
 *   - the SQLite file: VACUUM lays it out from the contents alone, and packCollection pins the three
 *     header fields that record history.
 * Any doubt (no state, another format, the file changed since, a count that does not match, an
 * unexpected error) takes the full path.
 */

const PART_FORMAT = 'revise-anki-part/1';
const STATE_FORMAT = 'revise-anki-course/2';
const TYPE_BITS: Record<NoteTypeKey, number> = { basic: 1, definition: 2, cloze: 4 };
const MOST_FILES_SHARE = 0.6;
const MOST_FILES_MIN = 16;

/** [GUID, note type, fields, tags, card ordinals]: an AnkiNote without its deck. */
type PartNote = [string, NoteTypeKey, string[], string[], number[]];

/**
 * One file's notes as compact JSON; the deck is decided at join time (chapter names depend on every
 * file). Images go along as base64 (`media`, name → bytes) with, per note, the names it shows.
 */
export function encodePart(notes: readonly AnkiNote[]): string {
  const media = deckMedia(notes);
  const part: Record<string, unknown> = { format: PART_FORMAT, notes: notes.map((n): PartNote => [n.guid, n.type, n.fields, n.tags, n.cardOrds]) };
  if (media.size) {
    part.media = Object.fromEntries([...media].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]));
    part.noteMedia = notes.map((n) => [...(n.media?.keys() ?? [])]);
  }
  return JSON.stringify(part);
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

export function decodePart(text: string, file: string, deck: string): AnkiNote[] {
  let parsed: { format?: unknown; notes?: unknown; media?: unknown; noteMedia?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = {};
  }
  if (parsed?.format !== PART_FORMAT || !Array.isArray(parsed.notes)) throw new Error(`${file}: the cached Anki course part is not in format ${PART_FORMAT}; rebuild with --force`);
  const media = new Map<string, Uint8Array>();
  if (parsed.media && typeof parsed.media === 'object') for (const [name, data] of Object.entries(parsed.media)) if (typeof data === 'string') media.set(name, Buffer.from(data, 'base64'));
  const noteMedia = Array.isArray(parsed.noteMedia) ? (parsed.noteMedia as unknown[]) : [];
  return parsed.notes.map((n: unknown, index: number): AnkiNote => {
    const [guid, type, fields, tags, cardOrds] = (Array.isArray(n) ? n : []) as unknown[];
    const spec = typeof type === 'string' ? NOTE_TYPE_SPECS[type as NoteTypeKey] : undefined;
    if (typeof guid !== 'string' || !spec || !isStrings(fields) || fields.length !== spec.fields.length || !isStrings(tags) || !Array.isArray(cardOrds) || !cardOrds.every(Number.isInteger)) {
      throw new Error(`${file}: the cached Anki course part holds a malformed note; rebuild with --force`);
    }
    const names = noteMedia[index];
    const own = isStrings(names) ? new Map(names.filter((name) => media.has(name)).map((name) => [name, media.get(name)!])) : null;
    return own?.size ? { guid, type: type as NoteTypeKey, fields, tags, deck, cardOrds: cardOrds as number[], media: own } : { guid, type: type as NoteTypeKey, fields, tags, deck, cardOrds: cardOrds as number[] };
  });
}

/** What the next join needs to know about one file: [file, deck, notes, note types (bits), newest note mod]. */
type FileEntry = [string, string, number, number, number];

interface CourseDeckState {
  format: typeof STATE_FORMAT;
  /** sha256 (hex) of the .apkg returned: the next join patches only that file. */
  sha256: string;
  course: string;
  /** Some id is not its own hash (see WrittenPackage.shifted): never patch. */
  shifted: boolean;
  files: FileEntry[];
  /** The deck holds images: it is built from scratch (patching would have to carry every file's media over). */
  media?: boolean;
}

function fileEntry(file: string, deck: string, notes: readonly PackageNote[]): FileEntry {
  let types = 0;
  let newest = 0;
  for (const n of notes) {
    types |= TYPE_BITS[n.type];
    newest = Math.max(newest, n.mod);
  }
  return [file, deck, notes.length, types, newest];
}

function isState(x: unknown): x is CourseDeckState {
  const s = x as CourseDeckState | null;
  return (
    typeof s === 'object' && s !== null && s.format === STATE_FORMAT && typeof s.sha256 === 'string' && typeof s.course === 'string' && typeof s.shifted === 'boolean' &&
    Array.isArray(s.files) && s.files.every((f) => Array.isArray(f) && f.length === 5 && typeof f[0] === 'string' && typeof f[1] === 'string' && [f[2], f[3], f[4]].every(Number.isSafeInteger))
  );
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** How course joins went in this process: tests and benchmarks read it to see which path ran. */
export const courseJoinStats = { full: 0, incremental: 0, lastFallback: null as string | null };

interface CourseFile {
  file: string;
  deck: string;
  notes: AnkiNote[];
}

function reportLeftOut(entries: readonly { file: string; count: number }[], context: CourseRenderContext): void {
  for (const e of entries) if (e.count === 0) context.report({ file: e.file, message: LEFT_OUT, ruleId: 'anki-empty', severity: 'info' });
}

/** The whole deck from every file's notes (renderCourse, and joinCourse's full path). */
export async function buildCourseDeck(files: readonly CourseFile[], course: string, context: CourseRenderContext): Promise<CourseJoinResult> {
  reportLeftOut(files.map((f) => ({ file: f.file, count: f.notes.length })), context);
  const notes = files.flatMap((f) => f.notes);
  if (notes.length === 0) {
    context.report({ file: course, message: EMPTY, ruleId: 'anki-empty' });
    return { output: null };
  }
  const written = await packageDeck(notes, { templatesDir: context.templatesDir, timestamp: context.timestamp, previousPath: context.outputPath ?? null });
  const entries: FileEntry[] = [];
  let at = 0;
  for (const f of files) {
    entries.push(fileEntry(f.file, f.deck, written.notes.slice(at, at + f.notes.length)));
    at += f.notes.length;
  }
  const state: CourseDeckState = { format: STATE_FORMAT, sha256: sha256(written.bytes), course, shifted: written.shifted, files: entries };
  if (notes.some((n) => n.media?.size)) state.media = true;
  return { output: written.bytes, state };
}

class Fallback extends Error {}

function fallback(reason: string): never {
  throw new Fallback(reason);
}

function unique(names: readonly string[]): boolean {
  return new Set(names).size === names.length;
}

async function readParts(parts: readonly CoursePart[]): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < parts.length; i += 32) texts.push(...(await Promise.all(parts.slice(i, i + 32).map((p) => p.read()))));
  return texts;
}

/** The previous .apkg patched: see the comment at the top. Throws Fallback when it cannot be. */
async function patchCourseDeck(parts: readonly CoursePart[], decks: readonly string[], course: string, context: CourseJoinContext): Promise<CourseJoinResult & { left: { file: string; count: number }[] }> {
  const previous = context.previous!;
  const state = previous.state;
  if (!isState(state)) fallback('no state from a previous join in this format');
  if (state.shifted) fallback('the previous deck has ids moved by a collision');
  if (state.media) fallback('the previous deck holds images');
  if (state.course !== course) fallback('the course deck has another name');
  if (!context.outputPath) fallback('no output path');
  const bytes = await readFile(context.outputPath).catch(() => fallback('no previous deck'));
  if (sha256(bytes) !== state.sha256) fallback('the previous deck is not the one the last join wrote');

  const before = new Map(state.files.map((f) => [f[0], f]));
  const present = new Set(parts.map((p) => p.file));
  const removed = new Set(previous.removed);
  for (const file of removed) if (!before.has(file) || present.has(file)) fallback(`removed file ${file} does not match the previous deck`);
  for (const file of before.keys()) if (!present.has(file) && !removed.has(file)) fallback(`${file} is neither in the course nor removed`);
  if (!unique(state.files.filter((f) => f[2] > 0).map((f) => f[1]))) fallback('two files of the previous deck share a sub-deck');

  // Files whose rows are rewritten: changed, new, or with another sub-deck name.
  const rewrite: { index: number; notes: AnkiNote[] }[] = [];
  const kept: (FileEntry | null)[] = parts.map((part, i) => {
    const old = before.get(part.file);
    if (!part.changed && !old) fallback(`${part.file} is unchanged but not in the previous deck`);
    if (!part.changed && old![1] === decks[i]) return old!;
    rewrite.push({ index: i, notes: [] });
    return null;
  });
  // Rewriting rows costs more per note than inserting them afresh (about 2.2 s against 1.8 s when
  // all 500 files of the benchmark course change); past this share the full build is quicker.
  if (rewrite.length > Math.max(MOST_FILES_MIN, parts.length * MOST_FILES_SHARE)) fallback('most files changed: building from scratch is quicker');
  const texts = await readParts(rewrite.map((r) => parts[r.index]));
  rewrite.forEach((r, k) => (r.notes = decodePart(texts[k], parts[r.index].file, decks[r.index])));
  if (rewrite.some((r) => r.notes.some((n) => n.media?.size))) fallback('a changed file has images');
  const counts = kept.map((k) => k?.[2] ?? 0);
  for (const r of rewrite) counts[r.index] = r.notes.length;
  if (counts.every((c) => c === 0)) fallback('no notes left');
  if (!unique(decks.filter((_, i) => counts[i] > 0))) fallback('two files share a sub-deck');

  const SQL = await loadSqlJs();
  const db = new SQL.Database(collectionOf(bytes));
  try {
    tuneConnection(db);
    let used = 0;
    for (const k of kept) used |= k?.[3] ?? 0;
    for (const r of rewrite) for (const n of r.notes) used |= TYPE_BITS[n.type];
    const types = await resolveNoteTypes(new Set((Object.keys(TYPE_BITS) as NoteTypeKey[]).filter((k) => used & TYPE_BITS[k])), context.templatesDir, readNoteTypes(db));

    // Dates of the rewritten notes, from the previous deck's note with the same GUID.
    const find = db.prepare('select guid, mid, mod, flds, tags from notes where id = ?');
    const entries: FileEntry[] = kept.map((k) => k!);
    const dated = new Map<number, PackageNote[]>();
    try {
      const previousNote = (guid: string): PreviousNote | undefined => {
        const row = find.get([hashedId(noteSeed(guid))]);
        find.reset();
        if (row.length === 0 || row[0] !== guid) return undefined;
        return { mid: Number(row[1]), mod: Number(row[2]), flds: String(row[3]), tags: String(row[4]) };
      };
      for (const r of rewrite) {
        const notes = withNoteMods(r.notes, types, previousNote, context.timestamp);
        dated.set(r.index, notes);
        entries[r.index] = fileEntry(parts[r.index].file, decks[r.index], notes);
      }
    } finally {
      find.free();
    }

    db.run('BEGIN');
    // Out with the rows of rewritten and removed files (a file's cards are exactly its sub-deck's).
    const index = new Map(parts.map((p, i) => [p.file, i]));
    for (const old of state.files) {
      const i = index.get(old[0]);
      if (old[2] === 0 || (i !== undefined && kept[i] !== null)) continue;
      const did = hashedId(deckSeed(old[1]));
      db.run('delete from notes where id in (select nid from cards where did = ?)', [did]);
      if (db.getRowsModified() !== old[2]) fallback(`the previous deck does not hold ${old[2]} notes for ${old[0]}`);
      db.run('delete from cards where did = ?', [did]);
    }

    // In with the rewritten files, at the ids the full build gives when nothing collides.
    const deckNames = allDeckNames(decks.filter((_, i) => counts[i] > 0));
    const deckIds = new Map(deckNames.map((name) => [name, hashedId(deckSeed(name))]));
    const deckIdSet = new Set(deckIds.values());
    if (deckIdSet.size !== deckNames.length) fallback('two deck ids collide');
    const taken = db.prepare('select (select count(*) from notes where id = ?1) + (select count(*) from cards where id = ?1)');
    const insertNote = db.prepare(INSERT_NOTE);
    const insertCard = db.prepare(INSERT_CARD);
    try {
      const isTaken = (id: number): boolean => {
        const hit = deckIdSet.has(id) || Number(taken.get([id])[0]) > 0;
        taken.reset();
        return hit;
      };
      const oldDecks = new Set(allDeckNames(state.files.filter((f) => f[2] > 0).map((f) => f[1])));
      for (const [name, id] of deckIds) {
        if (oldDecks.has(name)) continue;
        const hit = Number(taken.get([id])[0]) > 0;
        taken.reset();
        if (hit) fallback(`the id of deck ${name} is taken`);
      }
      for (const r of rewrite) {
        const did = deckIds.get(decks[r.index]);
        dated.get(r.index)!.forEach((note, j) => {
          const type = types.get(note.type)!;
          const noteId = hashedId(noteSeed(note.guid));
          if (isTaken(noteId)) fallback(`the id of note ${note.guid} is taken`);
          insertNote.run(noteRow(note, type.spec.id, noteId));
          for (const ord of note.cardOrds) {
            const cardId = hashedId(cardSeed(note.guid, ord));
            if (isTaken(cardId)) fallback(`the id of card ${ord} of note ${note.guid} is taken`);
            insertCard.run(cardRow(cardId, noteId, did!, ord, note.mod, j + 1));
          }
        });
      }
    } finally {
      taken.free();
      insertNote.free();
      insertCard.free();
    }
    await writeCollectionRow(db, { deckIds, noteTypes: types, timestamp: context.timestamp, newestNote: Math.max(...entries.map((e) => e[4])) });
    db.run('COMMIT');
    const output = await packCollection(db, context.timestamp);
    const next: CourseDeckState = { format: STATE_FORMAT, sha256: sha256(output), course, shifted: false, files: entries };
    return { output, state: next, left: parts.map((p, i) => ({ file: p.file, count: counts[i] })) };
  } finally {
    db.close();
  }
}

/** joinCourse: patch the previous deck when it can be, else build from every part. */
export async function joinCourseDeck(parts: readonly CoursePart[], context: CourseJoinContext): Promise<CourseJoinResult> {
  const sorted = [...parts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const course = deckPart(context.courseName, 'Course');
  const decks = chapterDecks(course, sorted);
  if (context.previous) {
    try {
      const { left, ...result } = await patchCourseDeck(sorted, decks, course, context);
      reportLeftOut(left, context);
      courseJoinStats.incremental++;
      courseJoinStats.lastFallback = null;
      return result;
    } catch (error) {
      courseJoinStats.lastFallback = error instanceof Fallback ? error.message : `error: ${(error as Error)?.message ?? String(error)}`;
    }
  } else {
    courseJoinStats.lastFallback = 'no previous join';
  }
  courseJoinStats.full++;
  const texts = await readParts(sorted);
  return buildCourseDeck(sorted.map((p, i) => ({ file: p.file, deck: decks[i], notes: decodePart(texts[i], p.file, decks[i]) })), course, context);
}
