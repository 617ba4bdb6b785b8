/**
 * Caches a pure text function. Distractor selection looks at every sibling for every question, so
 * the same option is folded and measured thousands of times in a large document; the cache is
 * emptied when it grows past `limit` entries to bound memory.
 */
export function memoizeText<T>(fn: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      if (cache.size >= limit) cache.clear();
      value = fn(text);
      cache.set(text, value);
    }
    return value as T;
  };
}
