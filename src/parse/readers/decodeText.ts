import type { Diagnostic } from '../../model/Diagnostic.js';
import { NotesError } from '../../model/NotesError.js';
import { decodeNotes } from '../decodeNotes.js';
import type { ReaderText } from './Reader.js';

/** Bytes of a text format to text; empty notes are an error, since nothing could come of them. */
export function decodeText(bytes: Uint8Array, file: string): string {
  return decodeReaderText(bytes, file).text;
}

/** The same for a reader: control characters replaced while decoding are reported once, at the first. */
export function decodeReaderText(bytes: Uint8Array, file: string): ReaderText {
  const { text, replaced } = decodeNotes(bytes, file);
  if (text.trim() === '') throw new NotesError('empty', file, 'is empty: there are no notes to read');
  if (!replaced) return { text };
  return { text, messages: [controlCharactersWarning(replaced)] };
}

/** One warning for every control character replaced in a file, at the first one. */
export function controlCharactersWarning(replaced: { count: number; line: number; column: number }): Omit<Diagnostic, 'file'> {
  const message = `${replaced.count} control character${replaced.count === 1 ? '' : 's'} (such as ESC or U+001F) replaced by spaces; the first is here`;
  return { line: replaced.line, column: replaced.column, severity: 'warning', message, ruleId: 'control-characters' };
}
