import { readFile, stat } from 'node:fs/promises';
import { NotesError } from '../model/NotesError.js';

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;
const MiB = 1048576;

/** Reads one notes file's bytes, turning every way it can fail into a NotesError naming it. */
export async function readNotesFile(absolutePath: string, displayPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(absolutePath);
  } catch (error) {
    throw fsError(error, displayPath);
  }
  if (info.isDirectory()) throw new NotesError('is-directory', displayPath, 'is a folder, not a notes file');
  if (!info.isFile()) throw new NotesError('not-a-file', displayPath, 'is not a regular file');
  if (info.size > maxBytes) throw new NotesError('too-large', displayPath, tooLargeMessage(info.size, maxBytes));
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    throw fsError(error, displayPath);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) throw new NotesError('too-large', displayPath, tooLargeMessage(bytes.length, maxBytes));
  return bytes;
}

/**
 * "is 1.03 MiB, over the 1 MiB limit": the size gets as many decimals as it takes to differ from the
 * limit (bytes when even four are not enough), so it never reads "1.0 MiB, over the 1 MiB limit".
 * `size` is null for a stream stopped at the limit.
 */
export function tooLargeMessage(size: number | null, limit: number): string {
  const limitText = `${Number((limit / MiB).toFixed(3))} MiB`;
  const raise = '(raise it with --max-size)';
  if (size === null) return `is over the ${limitText} limit; reading stopped there ${raise}`;
  for (let decimals = 1; decimals <= 4; decimals++) {
    const shown = (size / MiB).toFixed(decimals);
    if (Number(shown) > limit / MiB) return `is ${shown} MiB, over the ${limitText} limit ${raise}`;
  }
  return `is ${size.toLocaleString('en-US')} bytes, over the ${limitText} limit of ${limit.toLocaleString('en-US')} bytes ${raise}`;
}

function fsError(error: unknown, file: string): NotesError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new NotesError('not-found', file, 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new NotesError('unreadable', file, 'cannot be read (permission denied)');
  if (code === 'ELOOP') return new NotesError('symlink-loop', file, 'is a symbolic link loop');
  if (code === 'EISDIR') return new NotesError('is-directory', file, 'is a folder, not a notes file');
  if (code === 'ENOTDIR') return new NotesError('not-found', file, 'no such file (a folder on its path is a file)');
  return new NotesError('io', file, `cannot be read (${code ?? (error as Error).message})`);
}
