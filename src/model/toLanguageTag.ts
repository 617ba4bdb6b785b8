/** The shape the model's `language` takes (schema/study-document.schema.json), lower case. */
const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

let names: Intl.DisplayNames | null = null;

/**
 * A language as notes, options and configurations give it (`fr`, `EN`, `zh-Hant`) as the model's
 * tag, or null when it is not a language tag or names no language ICU knows (`xx`, `5`,
 * `../secret`). Nothing that fails here ever reaches a renderer, a file name or an output.
 */
export function toLanguageTag(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().toLowerCase().replace(/_/g, '-');
  if (tag.length > 35 || !TAG.test(tag)) return null;
  names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  try {
    return names.of(tag.split('-')[0]) === undefined ? null : tag;
  } catch {
    return null;
  }
}
