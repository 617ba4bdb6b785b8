/** What ordinary file-system failures mean, in words (Node's own messages quote the syscall). */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENOENT: 'no such file or folder',
  EBUSY: 'the file is busy',
  EIO: 'input/output error',
};

/**
 * "permission denied (EACCES)" for an error of the environment (a read-only or full disk, a file where
 * a folder should be), or null for anything else, which is then a bug.
 */
export function describeFsError(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !(code in REASONS)) return null;
  return `${REASONS[code]} (${code})`;
}

/** The path an fs error is about, when Node says. */
export function fsErrorPath(error: unknown): string | undefined {
  const e = error as (NodeJS.ErrnoException & { dest?: string }) | null;
  return e?.dest ?? e?.path;
}
