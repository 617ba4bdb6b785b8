const NBSP = '\u00a0';
const NNBSP = '\u202f';

/**
 * French typography: a non-breaking space before `: ; ? !` and `»`, after `«`, so the mark never
 * starts a line. Existing spaces are turned into non-breaking ones; a missing one is added before
 * `; ? ! »` and after `«` only, because a bare colon is also used in times, ratios and URLs (10:30).
 * `;` `?` `!` take the narrow space (fine typography), `:` and the guillemets the normal one.
 */
export function applyFrenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+([;?!])/g, `${NNBSP}$1`)
    .replace(/[ \u00a0\u202f]+:/g, `${NBSP}:`)
    .replace(/([\p{L}\p{N})\]*’'"])([;?!]+)(?=\s|$|[)\]»])/gu, `$1${NNBSP}$2`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`);
}
