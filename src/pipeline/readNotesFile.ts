import { readFile, stat } from 'node:fs/promises';
import { NotesError } from '../model/NotesError.js';

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

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
  if (info.size > maxBytes) {
    throw new NotesError(
      'too-large',
      displayPath,
      `is ${(info.size / 1048576).toFixed(1)} MiB, over the ${(maxBytes / 1048576).toFixed(0)} MiB limit (raise it with --max-size)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    throw fsError(error, displayPath);
  }
  return bytes;
}

function fsError(error: unknown, file: string): NotesError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new NotesError('not-found', file, 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new NotesError('unreadable', file, 'cannot be read (permission denied)');
  if (code === 'ELOOP') return new NotesError('symlink-loop', file, 'is a symbolic link loop');
  if (code === 'EISDIR') return new NotesError('is-directory', file, 'is a folder, not a notes file');
  return new NotesError('io', file, `cannot be read (${code ?? (error as Error).message})`);
}
