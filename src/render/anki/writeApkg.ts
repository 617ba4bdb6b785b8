import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Database } from 'sql.js';
import type { AnkiNote, NoteTypeKey } from './AnkiNote.js';
import type { NoteTypeTemplates } from './loadCardTemplates.js';
import { loadSqlJs } from './loadSqlJs.js';

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

/** Zip (DOS) dates start in 1980. */
const ZIP_EPOCH = 315_532_800;
/**
 * Note, card and deck ids are hashed into 2001-09-09 … 2019-06-05 (ms): stable across rebuilds
 * (Mnemosyne matches cards by id) and never "in the future", which Anki's importer rejects.
 */
const ID_BASE = 1_000_000_000_000;
const ID_SPAN = 560_000_000_000;

function stableId(seed: string, used: Set<number>): number {
  const digest = createHash('sha256').update(seed).digest();
  let id = ID_BASE + (digest.readUIntBE(0, 6) % ID_SPAN);
  while (used.has(id)) id += 1;
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

function allDeckNames(notes: readonly PackageNote[]): string[] {
  const names = new Set<string>();
  for (const n of notes) {
    const parts = n.deck.split('::');
    for (let i = 1; i <= parts.length; i++) names.add(parts.slice(0, i).join('::'));
  }
  return [...names].sort();
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

function runAll(db: Database, sql: string, rows: Iterable<(string | number)[]>): void {
  const stmt = db.prepare(sql);
  try {
    for (const row of rows) stmt.run(row);
  } finally {
    stmt.free();
  }
}

/**
 * A schema-11 .apkg. anki-apkg-export's Exporter supplies the empty collection and the zip; its
 * addCard/save are not used because they take ids and dates from the clock and write ms `mod`s.
 */
export async function writeApkg(input: PackageInput): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const deckNames = allDeckNames(input.notes);
  const exporter = new Exporter(deckNames[0] ?? 'revise', { template: createTemplate(), sql: SQL });
  const { db } = exporter;
  try {
    const usedIds = new Set<number>();
    const deckIds = new Map(deckNames.map((name) => [name, stableId(`deck\u0000${name}`, usedIds)]));
    const noteTypes = [...input.noteTypes.values()].sort((a, b) => a.spec.id - b.spec.id);
    const [colRow] = db.exec('select decks, conf from col');
    const templateDecks = JSON.parse(String(colRow.values[0][0])) as Record<string, Record<string, unknown>>;
    const conf = JSON.parse(String(colRow.values[0][1])) as Record<string, unknown>;
    const defaultDeck = templateDecks['1'];
    const decks: Record<string, unknown> = { '1': defaultDeck };
    for (const [name, id] of deckIds) decks[String(id)] = deckJson(defaultDeck, id, name, input.timestamp);
    const firstDeck = deckIds.get(deckNames[deckNames.length - 1]) ?? 1;
    const models: Record<string, unknown> = {};
    for (const t of noteTypes) models[String(t.spec.id)] = noteTypeJson(t, firstDeck);
    const newest = Math.max(input.timestamp, ...input.notes.map((n) => n.mod), ...noteTypes.map((t) => t.mod));
    const colConf = { ...conf, curModel: String(noteTypes[0]?.spec.id ?? ''), activeDecks: [1], curDeck: 1 };

    db.run('BEGIN');
    // Bound parameters: the JSON holds user CSS and templates, which may contain quotes.
    db.run('update col set crt = ?, mod = ?, scm = ?, conf = ?, models = ?, decks = ? where id = 1', [
      input.timestamp - (input.timestamp % 86_400),
      newest * 1000,
      newest * 1000,
      JSON.stringify(colConf),
      JSON.stringify(models),
      JSON.stringify(decks),
    ]);
    const noteRows: (string | number)[][] = [];
    const cardRows: (string | number)[][] = [];
    input.notes.forEach((note, index) => {
      const type = input.noteTypes.get(note.type);
      if (!type) throw new Error(`note type ${note.type} missing from the package`);
      const noteId = stableId(`note\u0000${note.guid}`, usedIds);
      const sortField = stripHtml(note.fields[0]);
      const tags = note.tags.length ? ` ${note.tags.join(' ')} ` : '';
      noteRows.push([noteId, note.guid, type.spec.id, note.mod, -1, tags, note.fields.join('\x1f'), sortField, checksum(sortField), 0, '']);
      const did = deckIds.get(note.deck)!;
      for (const ord of note.cardOrds) {
        const cardId = stableId(`card\u0000${note.guid}\u0000${ord}`, usedIds);
        // New cards are shown in `due` order: the order of the notes file.
        cardRows.push([cardId, noteId, did, ord, note.mod, -1, 0, 0, index + 1, 0, 0, 0, 0, 0, 0, 0, 0, '']);
      }
    });
    runAll(db, 'insert into notes values (?,?,?,?,?,?,?,?,?,?,?)', noteRows);
    runAll(db, 'insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', cardRows);
    db.run('COMMIT');
    db.run('VACUUM');
    const collection = db.export();

    const date = new Date(Math.max(input.timestamp, ZIP_EPOCH) * 1000);
    const zip = exporter.zip;
    zip.file('collection.anki2', collection, { date, binary: true });
    zip.file('media', '{}', { date });
    return await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
  } finally {
    db.close();
  }
}
