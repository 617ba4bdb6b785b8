import { createHash } from 'node:crypto';

/** Folds text so cosmetic edits (case, spacing, punctuation, width) keep the same key. */
export function normaliseKey(text: string): string {
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
export function makeItemId(kind: string, key: string, section: readonly string[]): string {
  const material = [kind, normaliseKey(key), ...section.map(normaliseKey)].join('\u0000');
  return `${kind}-${createHash('sha256').update(material).digest('hex').slice(0, 12)}`;
}

/** Keeps ids unique inside one document: the second item with the same key gets `-2`, and so on. */
export class IdAllocator {
  private readonly seen = new Map<string, number>();

  allocate(kind: string, key: string, section: readonly string[]): string {
    const base = makeItemId(kind, key, section);
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}
