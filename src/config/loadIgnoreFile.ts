import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';

export const IGNORE_FILE = '.reviseignore';

/** Says whether a path is ignored; `isDir` matters for patterns ending in `/`. */
export type IgnoreFilter = (absolute: string, isDir: boolean) => boolean;

/**
 * The nearest `.reviseignore` walking up from `from`, in .gitignore syntax (via the `ignore` package,
 * the matcher eslint and prettier use), patterns relative to the folder holding it. Null when none.
 */
export async function loadIgnoreFile(from: string): Promise<{ file: string; filter: IgnoreFilter } | null> {
  let dir = resolve(from);
  for (;;) {
    const file = join(dir, IGNORE_FILE);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) {
      const matcher = ignore().add(text);
      const base = dir;
      const filter: IgnoreFilter = (absolute, isDir) => {
        const rel = relative(base, absolute);
        if (!rel || rel.startsWith('..')) return false;
        const posix = rel.split(sep).join('/');
        return matcher.ignores(isDir ? `${posix}/` : posix);
      };
      return { file, filter };
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
