import { createHash } from 'node:crypto';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Folds text so cosmetic edits (case, spacing, punctuation, width) keep the same key. */
export function normaliseKey(text: string): string {
  // Printable ASCII folds the same way without Unicode tables: NFKC leaves it as it is.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  // The same text is folded for its duplicate check, its id and its repeat check: remembered.
  const known = folded.get(text);
  if (known !== undefined) return known;
  const key = foldUnicode(text);
  if (folded.size >= 4096) folded.clear();
  folded.set(text, key);
  return key;
}

const folded = new Map<string, string>();

function foldUnicode(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/**
 * A content-derived id: kind + normalised key + section path. Positions are left out on purpose so
 * that an edit elsewhere in the file does not renumber every card or question.
 */
export function makeItemId(kind: string, key: string, section: readonly string[], fold: (text: string) => string = normaliseKey): string {
  const material = [kind, normaliseKey(key), ...section.map(fold)].join('\u0000');
  return `${kind}-${createHash('sha256').update(material).digest('hex').slice(0, 12)}`;
}

/** Keeps ids unique inside one document: the second item with the same key gets `-2`, and so on. */
export class IdAllocator {
  private readonly seen = new Map<string, number>();
  /** Section names repeat on every item of their section: folded once. */
  private readonly folded = new Map<string, string>();
  private readonly fold = (text: string): string => {
    let f = this.folded.get(text);
    if (f === undefined) {
      f = normaliseKey(text);
      this.folded.set(text, f);
    }
    return f;
  };

  allocate(kind: string, key: string, section: readonly string[]): string {
    const base = makeItemId(kind, key, section, this.fold);
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}
