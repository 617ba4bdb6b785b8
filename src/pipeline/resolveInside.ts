import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * `path` (relative to `dir`, or absolute) resolved, when it lies strictly inside `dir`; null when it
 * would land on `dir` itself or outside it. Every path revise writes or removes goes through here.
 */
export function resolveInside(dir: string, path: string): string | null {
  const target = resolve(dir, path);
  const rel = relative(dir, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return target;
}
