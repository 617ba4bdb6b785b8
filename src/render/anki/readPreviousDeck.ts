import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { loadSqlJs } from './loadSqlJs.js';

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
    const zip = await JSZip.loadAsync(bytes);
    const entry = zip.file('collection.anki2');
    if (!entry) return null;
    const SQL = await loadSqlJs();
    const db = new SQL.Database(await entry.async('uint8array'));
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
      const noteTypes = new Map<number, PreviousNoteType>();
      const [row] = db.exec('select models from col');
      const models = JSON.parse(String(row?.values[0]?.[0] ?? '{}')) as Record<string, { id: number; mod: number; css: string; flds: { name: string }[]; tmpls: { name: string; qfmt: string; afmt: string }[] }>;
      for (const m of Object.values(models)) {
        noteTypes.set(Number(m.id), { mod: Number(m.mod), fingerprint: noteTypeFingerprint(m.flds.map((f) => f.name), m.tmpls, m.css) });
      }
      return { notes, noteTypes };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
