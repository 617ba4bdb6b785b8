import { NotesError } from '../../model/NotesError.js';
import { decodeNotes } from '../decodeNotes.js';

/** Bytes of a text format to text; empty notes are an error, since nothing could come of them. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const { text } = decodeNotes(bytes, file);
  if (text.trim() === '') throw new NotesError('empty', file, 'is empty: there are no notes to read');
  return text;
}
