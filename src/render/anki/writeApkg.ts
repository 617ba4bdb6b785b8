import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Database } from 'sql.js';
import type { AnkiNote, NoteTypeKey } from './AnkiNote.js';
import type { NoteTypeTemplates } from './loadCardTemplates.js';
import { loadSqlJs } from './loadSqlJs.js';
import { writeZip } from './zip.js';

const require = createRequire(import.meta.url);
// The inner modules only: the package root loads sql.js 0.5.0 (see src/types/anki-apkg-export.d.ts).
const { default: Exporter } = require('anki-apkg-export/dist/exporter.js') as typeof import('anki-apkg-export/dist/exporter.js');
const { default: createTemplate } = require('anki-apkg-export/dist/template.js') as typeof import('anki-apkg-export/dist/template.js');

export interface PackageNote extends AnkiNote {
  /** Seconds. */
  mod: number;
}

export interface PackageNoteType extends NoteTypeTemplates {
  /** Seconds; may be newer than the templates' own date when a previous deck had other templates. */
  mod: number;
}

export interface PackageInput {
  notes: readonly PackageNote[];
  /** Every note type a note uses. */
  noteTypes: ReadonlyMap<NoteTypeKey, PackageNoteType>;
  /** Seconds, for the collection, deck and zip dates. */
  timestamp: number;
}

export interface WrittenPackage {
  bytes: Uint8Array;
  /**
   * True when some note, card or deck id is not its own hash because an earlier one took it (see
   * stableId): ids then depend on the order of the whole deck, so the deck cannot be patched.
   */
  shifted: boolean;
}

/**
 * Note, card and deck ids are hashed into 2001-09-09 … 2019-06-05 (ms): stable across rebuilds
 * (Mnemosyne matches cards by id) and never "in the future", which Anki's importer rejects.
 */
const ID_BASE = 1_000_000_000_000;
const ID_SPAN = 560_000_000_000;

/** The id a deck, note or card gets when no other took it first. */
export function hashedId(seed: string): number {
  const digest = createHash('sha256').update(seed).digest();
  return ID_BASE + (digest.readUIntBE(0, 6) % ID_SPAN);
}

export const deckSeed = (name: string): string => `deck\u0000${name}`;
export const noteSeed = (guid: string): string => `note\u0000${guid}`;
export const cardSeed = (guid: string, ord: number): string => `card\u0000${guid}\u0000${ord}`;

/** One id space for decks, notes and cards; a taken id moves on by one (and marks the deck `shifted`). */
function stableId(seed: string, used: Set<number>, moved: { shifted: boolean }): number {
  let id = hashedId(seed);
  while (used.has(id)) {
    id += 1;
    moved.shifted = true;
  }
  used.add(id);
  return id;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** What Anki sorts and checksums a note by: the first field without markup. */
function stripHtml(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<!--[\s\S]*?-->/gi, '')
    .replace(/<[\s\S]*?>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
      if (body[0] === '#') return String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1)));
      return ENTITIES[body.toLowerCase()] ?? whole;
    })
    .trim();
}

function checksum(text: string): number {
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

/** Every deck the notes' decks need, parents included (`A`, `A::B`), sorted. */
export function allDeckNames(decks: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const deck of decks) {
    const parts = deck.split('::');
    for (let i = 1; i <= parts.length; i++) names.add(parts.slice(0, i).join('::'));
  }
  return [...names].sort();
}

/** `notes.tags`: space-padded, as Anki stores them. */
export function tagsColumn(tags: readonly string[]): string {
  return tags.length ? ` ${tags.join(' ')} ` : '';
}

export const INSERT_NOTE = 'insert into notes values (?,?,?,?,?,?,?,?,?,?,?)';
export const INSERT_CARD = 'insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)';

/**
 * `notes.flds`: the fields joined by U+001F, Anki's separator. A separator inside a field would give
 * the note one field too many and make the deck unreadable, so whatever reaches here without going
 * through escapeField loses it too.
 */
export function fieldsColumn(fields: readonly string[]): string {
  return fields.map((f) => (f.includes('\x1f') ? f.replaceAll('\x1f', ' ') : f)).join('\x1f');
}

export function noteRow(note: PackageNote, noteTypeId: number, noteId: number): (string | number)[] {
  const sortField = stripHtml(note.fields[0]);
  return [noteId, note.guid, noteTypeId, note.mod, -1, tagsColumn(note.tags), fieldsColumn(note.fields), sortField, checksum(sortField), 0, ''];
}

/**
 * A new card. `due` orders new cards: the note's place in its notes file, from 1, so in the file's
 * own deck and in its course sub-deck alike. Anki gathers new cards sub-deck by sub-deck (its default
 * gather order), so chapters are studied in turn and in the order of the notes; and one file's edit
 * never renumbers the cards of the others.
 */
export function cardRow(cardId: number, noteId: number, deckId: number, ord: number, mod: number, due: number): (string | number)[] {
  return [cardId, noteId, deckId, ord, mod, -1, 0, 0, due, 0, 0, 0, 0, 0, 0, 0, 0, ''];
}

function noteTypeJson(t: PackageNoteType, deckId: number): Record<string, unknown> {
  const { spec } = t;
  return {
    id: spec.id,
    name: spec.name,
    type: spec.kind,
    mod: t.mod,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: t.templates.map((tpl, ord) => ({ name: tpl.name, ord, qfmt: tpl.qfmt, afmt: tpl.afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 })),
    flds: spec.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: t.css,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // Legacy "which fields must be filled for card n"; Anki recomputes it, older importers read it.
    req: spec.kind === 0 ? t.templates.map((_, ord) => [ord, 'any', [ord === 0 ? 0 : 1]]) : [],
    tags: [],
    vers: [],
  };
}

function deckJson(template: Record<string, unknown>, id: number, name: string, mod: number): Record<string, unknown> {
  return {
    ...template,
    id,
    name,
    desc: '',
    usn: -1,
    mod,
    collapsed: false,
    browserCollapsed: false,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
    dyn: 0,
    conf: 1,
  };
}

interface TemplateCollection {
  defaultDeck: Record<string, unknown>;
  conf: Record<string, unknown>;
}

let templateCollection: TemplateCollection | null = null;

/** The default deck and collection settings of anki-apkg-export's empty collection (read once). */
async function emptyCollection(): Promise<TemplateCollection> {
  if (templateCollection) return templateCollection;
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.run(createTemplate());
    const [row] = db.exec('select decks, conf from col');
    const decks = JSON.parse(String(row.values[0][0])) as Record<string, Record<string, unknown>>;
    templateCollection = { defaultDeck: decks['1'], conf: JSON.parse(String(row.values[0][1])) as Record<string, unknown> };
    return templateCollection;
  } finally {
    db.close();
  }
}

export interface CollectionInput {
  /** Every deck name (allDeckNames), sorted, with its id. */
  deckIds: ReadonlyMap<string, number>;
  noteTypes: ReadonlyMap<NoteTypeKey, PackageNoteType>;
  timestamp: number;
  /** The newest note `mod` in the deck. */
  newestNote: number;
}

/** Writes the `col` row: decks, note types, settings and dates, all from the deck's contents. */
export async function writeCollectionRow(db: Database, input: CollectionInput): Promise<void> {
  const { defaultDeck, conf } = await emptyCollection();
  const deckNames = [...input.deckIds.keys()];
  const noteTypes = [...input.noteTypes.values()].sort((a, b) => a.spec.id - b.spec.id);
  const decks: Record<string, unknown> = { '1': defaultDeck };
  for (const [name, id] of input.deckIds) decks[String(id)] = deckJson(defaultDeck, id, name, input.timestamp);
  const firstDeck = input.deckIds.get(deckNames[deckNames.length - 1]) ?? 1;
  const models: Record<string, unknown> = {};
  for (const t of noteTypes) models[String(t.spec.id)] = noteTypeJson(t, firstDeck);
  const newest = Math.max(input.timestamp, input.newestNote, ...noteTypes.map((t) => t.mod));
  const colConf = { ...conf, curModel: String(noteTypes[0]?.spec.id ?? ''), activeDecks: [1], curDeck: 1 };
  // Bound parameters: the JSON holds user CSS and templates, which may contain quotes.
  db.run('update col set crt = ?, mod = ?, scm = ?, conf = ?, models = ?, decks = ? where id = 1', [
    input.timestamp - (input.timestamp % 86_400),
    newest * 1000,
    newest * 1000,
    JSON.stringify(colConf),
    JSON.stringify(models),
    JSON.stringify(decks),
  ]);
}

/**
 * Connection settings only (nothing here is stored in the file): a page cache that holds the whole
 * collection, and the rollback journal and VACUUM's temporary copy in memory, not in sql.js's
 * in-memory file system.
 */
export function tuneConnection(db: Database): void {
  db.run('PRAGMA cache_size = -262144; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY');
}

export function runAll(db: Database, sql: string, rows: Iterable<(string | number)[]>): void {
  const stmt = db.prepare(sql);
  try {
    for (const row of rows) stmt.run(row);
  } finally {
    stmt.free();
  }
}

/**
 * SQLite keeps a little history in the database header: the file change counter (offset 24) and
 * the "version-valid-for" number (92) count write transactions, and the schema cookie (40) goes up
 * by one at every VACUUM. A deck built from scratch and one patched from the previous build have
 * different histories, so these would differ while every page after them is the same (VACUUM makes
 * the layout a function of the contents). sql.js 1.16's export() copies the database into a new
 * file with the backup API, which already writes 1 in all three; earlier sql.js versions returned
 * the connection's own file. Pinning them to 1 keeps both paths identical whichever it is: 24 and
 * 92 stay equal (so the in-header page count stays valid) and the schema cookie only has to change
 * when a connection that has the file open sees the schema change, which never happens to a file
 * we have just written.
 */
function pinHeader(collection: Uint8Array): void {
  const view = new DataView(collection.buffer, collection.byteOffset, collection.byteLength);
  for (const offset of [24, 40, 92]) view.setUint32(offset, 1);
}

/** Every image of the notes once, by name (content-hashed, so equal pictures share one entry). */
export function deckMedia(notes: readonly { media?: ReadonlyMap<string, Uint8Array> }[]): Map<string, Uint8Array> {
  const all = new Map<string, Uint8Array>();
  for (const n of notes) for (const [name, bytes] of n.media ?? []) all.set(name, bytes);
  return all;
}

/**
 * VACUUM (the layout then depends on the contents only), export and zip with the media list: the
 * images as zip entries `0`, `1`, … in name order, and `media` mapping each number to its name.
 */
export function packCollection(db: Database, timestamp: number, media: ReadonlyMap<string, Uint8Array> = new Map()): Promise<Uint8Array> {
  db.run('VACUUM');
  const collection = db.export();
  pinHeader(collection);
  const names = [...media.keys()].sort();
  const map = Object.fromEntries(names.map((name, i) => [String(i), name]));
  return writeZip(
    [{ name: 'collection.anki2', data: collection }, { name: 'media', data: Buffer.from(JSON.stringify(map)) }, ...names.map((name, i) => ({ name: String(i), data: media.get(name)! }))],
    timestamp,
  );
}

/**
 * A schema-11 .apkg. anki-apkg-export's Exporter supplies the empty collection; its addCard/save
 * are not used because they take ids and dates from the clock and write ms `mod`s.
 */
export async function writeApkg(input: PackageInput): Promise<WrittenPackage> {
  const SQL = await loadSqlJs();
  const deckNames = allDeckNames(input.notes.map((n) => n.deck));
  const exporter = new Exporter(deckNames[0] ?? 'revise', { template: createTemplate(), sql: SQL });
  const { db } = exporter;
  try {
    tuneConnection(db);
    const usedIds = new Set<number>();
    const moved = { shifted: false };
    const deckIds = new Map(deckNames.map((name) => [name, stableId(deckSeed(name), usedIds, moved)]));
    db.run('BEGIN');
    await writeCollectionRow(db, { deckIds, noteTypes: input.noteTypes, timestamp: input.timestamp, newestNote: input.notes.reduce((m, n) => Math.max(m, n.mod), -Infinity) });
    const noteRows: (string | number)[][] = [];
    const cardRows: (string | number)[][] = [];
    const placed = new Map<string, number>();
    for (const note of input.notes) {
      const type = input.noteTypes.get(note.type);
      if (!type) throw new Error(`note type ${note.type} missing from the package`);
      const noteId = stableId(noteSeed(note.guid), usedIds, moved);
      noteRows.push(noteRow(note, type.spec.id, noteId));
      const did = deckIds.get(note.deck)!;
      const place = (placed.get(note.deck) ?? 0) + 1;
      placed.set(note.deck, place);
      for (const ord of note.cardOrds) {
        cardRows.push(cardRow(stableId(cardSeed(note.guid, ord), usedIds, moved), noteId, did, ord, note.mod, place));
      }
    }
    runAll(db, INSERT_NOTE, noteRows);
    runAll(db, INSERT_CARD, cardRows);
    db.run('COMMIT');
    return { bytes: await packCollection(db, input.timestamp, deckMedia(input.notes)), shifted: moved.shifted };
  } finally {
    db.close();
  }
}
