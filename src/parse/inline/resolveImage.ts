import { posix } from 'node:path';

/** File types an image reference may name; anything else is never read. */
export const IMAGE_EXTENSIONS = /\.(?:png|jpe?g|gif|svg|webp)$/i;

/**
 * Where an image reference points, relative to the build root (forward slashes), from `file`, the
 * notes file relative to that root. Null when the image is not to be read from disk: a web or data
 * address, an absolute path, a path that leads out of the build root, or a file that is not an
 * image. Only lexical here; the pipeline checks again on disk (symbolic links) before reading.
 */
export function resolveImage(src: string, file: string): string | null {
  const clean = src.split(/[?#]/)[0].trim();
  if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('/') || clean.startsWith('\\') || clean.includes('\0')) return null;
  let decoded = clean;
  try {
    decoded = decodeURI(clean);
  } catch {
    // A stray `%` is part of the name.
  }
  if (!IMAGE_EXTENSIONS.test(decoded)) return null;
  const joined = posix.normalize(posix.join(posix.dirname(file), decoded.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return null;
  return joined;
}
