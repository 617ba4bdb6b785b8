import { NotesError } from '../model/NotesError.js';
import { DEFAULT_MAX_FILE_BYTES, tooLargeMessage } from './readNotesFile.js';

/** How notes read from standard input are named in messages. */
export const STDIN_DISPLAY = '<stdin>';

/**
 * Notes piped on standard input, at most `maxBytes` of them: reading stops at the limit, so a
 * 20 MB pipe costs 16 MiB of memory at most, never the whole stream. `read` replaces the process's
 * own standard input (tests, library callers); its bytes get the same limit.
 */
export async function readStandardInput(maxBytes = DEFAULT_MAX_FILE_BYTES, read?: () => Promise<Uint8Array>): Promise<Uint8Array> {
  if (read) {
    const bytes = await read();
    if (bytes.length > maxBytes) throw new NotesError('too-large', STDIN_DISPLAY, tooLargeMessage(bytes.length, maxBytes));
    return bytes;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early (the throw) destroys the stream, so nothing more is read.
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new NotesError('too-large', STDIN_DISPLAY, tooLargeMessage(null, maxBytes));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
