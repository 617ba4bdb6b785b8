/** The note types revise writes; each has a fixed id, field list and template list (noteTypeSpecs). */
export type NoteTypeKey = 'basic' | 'definition' | 'cloze';

/** One Anki note, ready to be written: every field is already safe HTML. */
export interface AnkiNote {
  guid: string;
  type: NoteTypeKey;
  /** HTML, in the order of the note type's fields. */
  fields: string[];
  /** Anki tags, without spaces. */
  tags: string[];
  /** Full deck name (`Course::Chapter` in a course deck). */
  deck: string;
  /** Ordinals of the cards this note gives (template index, or cloze number minus one). */
  cardOrds: number[];
  /** Images its fields show: deck media name → bytes. */
  media?: Map<string, Uint8Array>;
}
