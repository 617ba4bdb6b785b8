import type { AnkiNote, NoteTypeKey } from './AnkiNote.js';
import { loadCardTemplates } from './loadCardTemplates.js';
import { noteTypeFingerprint, readPreviousDeck, type PreviousDeck } from './readPreviousDeck.js';
import { writeApkg, type PackageNote, type PackageNoteType } from './writeApkg.js';

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

function withNoteMods(notes: readonly AnkiNote[], types: ReadonlyMap<NoteTypeKey, PackageNoteType>, previous: PreviousDeck | null, timestamp: number): PackageNote[] {
  return notes.map((note) => {
    const before = previous?.notes.get(note.guid);
    const tags = note.tags.length ? ` ${note.tags.join(' ')} ` : '';
    const same = before !== undefined && before.mid === types.get(note.type)!.spec.id && before.flds === note.fields.join('\x1f') && before.tags === tags;
    return { ...note, mod: resolveMod(before, same, timestamp) };
  });
}

/** Notes → .apkg bytes, with templates loaded and dates carried over from the previous build. */
export async function buildDeckPackage(notes: readonly AnkiNote[], options: DeckPackageOptions): Promise<Uint8Array> {
  const all = await loadCardTemplates(options.templatesDir);
  const previous = options.previousPath ? await readPreviousDeck(options.previousPath) : null;
  const types = new Map<NoteTypeKey, PackageNoteType>();
  for (const key of Object.keys(all) as NoteTypeKey[]) {
    if (!notes.some((n) => n.type === key)) continue;
    const t = all[key];
    const before = previous?.noteTypes.get(t.spec.id);
    const same = before?.fingerprint === noteTypeFingerprint(t.spec.fields, t.templates, t.css);
    types.set(key, { ...t, mod: resolveMod(before, same, t.mod) });
  }
  return writeApkg({ notes: withNoteMods(notes, types, previous, options.timestamp), noteTypes: types, timestamp: options.timestamp });
}
