import { readFile } from 'node:fs/promises';
import type { Database } from 'sql.js';
import { loadSqlJs } from './loadSqlJs.js';
import { readZipEntry } from './zip.js';

export interface PreviousNote {
  mid: number;
  mod: number;
  flds: string;
  tags: string;
}

export interface PreviousNoteType {
  mod: number;
  /** What decides whether the note type changed: field names, templates and CSS. */
  fingerprint: string;
}

export interface PreviousDeck {
  notes: Map<string, PreviousNote>;
  noteTypes: Map<number, PreviousNoteType>;
}

export function noteTypeFingerprint(fields: readonly string[], templates: readonly { name: string; qfmt: string; afmt: string }[], css: string): string {
  return JSON.stringify([fields, templates.map((t) => [t.name, t.qfmt, t.afmt]), css]);
}

/** The note types in a collection's `col.models`, by id. */
export function readNoteTypes(db: Database): Map<number, PreviousNoteType> {
  const noteTypes = new Map<number, PreviousNoteType>();
  const [row] = db.exec('select models from col');
  const models = JSON.parse(String(row?.values[0]?.[0] ?? '{}')) as Record<string, { id: number; mod: number; css: string; flds: { name: string }[]; tmpls: { name: string; qfmt: string; afmt: string }[] }>;
  for (const m of Object.values(models)) {
    noteTypes.set(Number(m.id), { mod: Number(m.mod), fingerprint: noteTypeFingerprint(m.flds.map((f) => f.name), m.tmpls, m.css) });
  }
  return noteTypes;
}

/** collection.anki2 of an .apkg; throws when `bytes` is not a zip holding one. */
export function collectionOf(bytes: Uint8Array): Uint8Array {
  const collection = readZipEntry(bytes, 'collection.anki2');
  if (!collection) throw new Error('no collection.anki2 in the package');
  return collection;
}

/**
 * The .apkg this build is about to replace, so unchanged notes keep their `mod` and changed ones get
 * a newer one. Returns null when there is none or it cannot be read (the build then starts afresh).
 */
export async function readPreviousDeck(path: string): Promise<PreviousDeck | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return null;
  }
  try {
    const SQL = await loadSqlJs();
    const db = new SQL.Database(collectionOf(bytes));
    try {
      const notes = new Map<string, PreviousNote>();
      const stmt = db.prepare('select guid, mid, mod, flds, tags from notes');
      try {
        while (stmt.step()) {
          const [guid, mid, mod, flds, tags] = stmt.get() as [string, number, number, string, string];
          notes.set(guid, { mid: Number(mid), mod: Number(mod), flds, tags });
        }
      } finally {
        stmt.free();
      }
      return { notes, noteTypes: readNoteTypes(db) };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
