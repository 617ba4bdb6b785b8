import type { AnkiNote, NoteTypeKey } from './AnkiNote.js';
import { loadCardTemplates } from './loadCardTemplates.js';
import { noteTypeFingerprint, readPreviousDeck, type PreviousNote, type PreviousNoteType } from './readPreviousDeck.js';
import { fieldsColumn, tagsColumn, writeApkg, type PackageNote, type PackageNoteType, type WrittenPackage } from './writeApkg.js';

export interface DeckPackageOptions {
  templatesDir: string | null;
  /** Seconds (SOURCE_DATE_EPOCH or the notes file's mtime): the date of anything new or changed. */
  timestamp: number;
  /** The .apkg this build replaces, if one may exist: read for the dates of unchanged notes. */
  previousPath?: string | null;
}

/**
 * Anki only updates a note it already has when the incoming `mod` is newer, and a reproducible build
 * must not touch dates of what did not change. So a note (or note type) identical to the one in the
 * previous .apkg keeps its `mod`; a changed one gets the build timestamp, or one second past the
 * previous `mod` if the timestamp is not newer (SOURCE_DATE_EPOCH pinned, clock skew).
 */
function resolveMod(previous: { mod: number } | undefined, unchanged: boolean, fresh: number): number {
  if (!previous) return fresh;
  if (unchanged) return previous.mod;
  return Math.max(fresh, previous.mod + 1);
}

/** The note types `used` needs, with templates loaded and `mod` carried over from the previous deck's. */
export async function resolveNoteTypes(
  used: ReadonlySet<NoteTypeKey>,
  templatesDir: string | null,
  previous: ReadonlyMap<number, PreviousNoteType> | null,
): Promise<Map<NoteTypeKey, PackageNoteType>> {
  const all = await loadCardTemplates(templatesDir);
  const types = new Map<NoteTypeKey, PackageNoteType>();
  for (const key of Object.keys(all) as NoteTypeKey[]) {
    if (!used.has(key)) continue;
    const t = all[key];
    const before = previous?.get(t.spec.id);
    const same = before?.fingerprint === noteTypeFingerprint(t.spec.fields, t.templates, t.css);
    types.set(key, { ...t, mod: resolveMod(before, same, t.mod) });
  }
  return types;
}

/** Each note with its `mod`: kept when the previous deck has it unchanged (looked up by GUID). */
export function withNoteMods(
  notes: readonly AnkiNote[],
  types: ReadonlyMap<NoteTypeKey, PackageNoteType>,
  previous: (guid: string) => PreviousNote | undefined,
  timestamp: number,
): PackageNote[] {
  return notes.map((note) => {
    const before = previous(note.guid);
    const same = before !== undefined && before.mid === types.get(note.type)!.spec.id && before.flds === fieldsColumn(note.fields) && before.tags === tagsColumn(note.tags);
    return { ...note, mod: resolveMod(before, same, timestamp) };
  });
}

/** Notes → .apkg, with the notes as written (dates included) and whether any id had to move. */
export async function packageDeck(notes: readonly AnkiNote[], options: DeckPackageOptions): Promise<WrittenPackage & { notes: PackageNote[] }> {
  const previous = options.previousPath ? await readPreviousDeck(options.previousPath) : null;
  const types = await resolveNoteTypes(new Set(notes.map((n) => n.type)), options.templatesDir, previous?.noteTypes ?? null);
  const dated = withNoteMods(notes, types, (guid) => previous?.notes.get(guid), options.timestamp);
  return { ...(await writeApkg({ notes: dated, noteTypes: types, timestamp: options.timestamp })), notes: dated };
}

/** Notes → .apkg bytes, with templates loaded and dates carried over from the previous build. */
export async function buildDeckPackage(notes: readonly AnkiNote[], options: DeckPackageOptions): Promise<Uint8Array> {
  return (await packageDeck(notes, options)).bytes;
}
