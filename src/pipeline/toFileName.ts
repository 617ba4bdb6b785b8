/** Characters no file name may hold on some system revise's outputs travel to (Windows, macOS, Linux). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/g;
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;
/** Longest name kept, in characters: file systems allow 255 bytes, and extensions come on top. */
const MAX_LENGTH = 120;

/**
 * A name (a deck name from --deck-name or the configuration, a folder's name) as one safe file name:
 * separators and characters file systems refuse become `_`, leading dots and spaces go (no hidden
 * file, no `..`), an empty or reserved name gets `fallback` or a `_` in front. It can only ever name
 * a file directly inside the output folder.
 */
export function toFileName(name: string, fallback = 'course'): string {
  let safe = name.normalize('NFC').replace(UNSAFE, '_');
  safe = safe.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if ([...safe].length > MAX_LENGTH) safe = [...safe].slice(0, MAX_LENGTH).join('').trimEnd();
  if (safe === '' || /^_+$/.test(safe)) return fallback;
  return RESERVED.test(safe) ? `_${safe}` : safe;
}
