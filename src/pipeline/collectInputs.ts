import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { IgnoreFilter } from '../config/loadIgnoreFile.js';
import { NotesError } from '../model/NotesError.js';
import { NOTES_EXTENSIONS } from '../parse/readers/readers.js';

export interface InputFile {
  /** Absolute path, or null for standard input. */
  absolute: string | null;
  /** Path relative to its build root, forward slashes: decides the output path and the model's `file`. */
  relative: string;
  /** What to call the file in messages: the path as the user would type it. */
  display: string;
  /** The folder given on the command line this file was found in; absent for files named directly. */
  root?: string;
}

export interface CollectResult {
  files: InputFile[];
  /** Problems met while walking folders (loops, unreadable folders); those files are skipped. */
  problems: NotesError[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Expands the paths given on the command line: files as they are, folders walked recursively for
 * notes files (sorted, so builds are reproducible), `-` for standard input. Anything under one of
 * `excludeDirs` (the output folder) is never read as input.
 */
export async function collectInputs(
  paths: readonly string[],
  cwd: string,
  excludeDirs: readonly string[] = [],
  ignored: IgnoreFilter = () => false,
): Promise<CollectResult> {
  const files: InputFile[] = [];
  const problems: NotesError[] = [];
  const excluded = excludeDirs.map((d) => resolve(cwd, d));
  const isExcluded = (p: string) => excluded.some((d) => p === d || p.startsWith(d + sep));

  for (const given of paths) {
    if (given === '-') {
      files.push({ absolute: null, relative: 'stdin.md', display: '<stdin>' });
      continue;
    }
    const absolute = resolve(cwd, given);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      // Let the reader produce the precise error (missing, permission, loop) for this path.
      files.push({ absolute, relative: basename(absolute), display: given });
      continue;
    }
    if (!info.isDirectory()) {
      files.push({ absolute, relative: basename(absolute), display: given });
      continue;
    }
    const visited = new Set<string>();
    await walk(absolute, absolute, given, visited, isExcluded, ignored, files, problems);
  }
  // The same file reached twice (`revise build course course/a.md`) is built once, where first met.
  const seen = new Set<string>();
  const unique = files.filter((f) => f.absolute === null || (!seen.has(f.absolute) && seen.add(f.absolute)));
  return { files: unique, problems };
}

async function walk(
  root: string,
  dir: string,
  displayRoot: string,
  visited: Set<string>,
  isExcluded: (p: string) => boolean,
  ignored: IgnoreFilter,
  files: InputFile[],
  problems: NotesError[],
): Promise<void> {
  const display = (p: string) => join(displayRoot, relative(root, p));
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    problems.push(new NotesError('unreadable', display(dir), `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
    return;
  }
  if (visited.has(real)) {
    problems.push(new NotesError('symlink-loop', display(dir), 'is a symbolic link back into a folder already read; skipped'));
    return;
  }
  visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(new NotesError('unreadable', display(dir), `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (isExcluded(path) || entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (NOTES_EXTENSIONS.some((e) => entry.name.toLowerCase().endsWith(e)) || code === 'ELOOP') {
          problems.push(new NotesError(code === 'ELOOP' ? 'symlink-loop' : 'broken-link', display(path), code === 'ELOOP' ? 'is a symbolic link loop; skipped' : 'is a broken symbolic link; skipped'));
        }
        continue;
      }
    }
    if (ignored(path, isDir)) continue;
    if (isDir) await walk(root, path, displayRoot, visited, isExcluded, ignored, files, problems);
    else if (isFile && NOTES_EXTENSIONS.some((e) => entry.name.toLowerCase().endsWith(e))) {
      files.push({ absolute: path, relative: relative(root, path).split(sep).join('/'), display: display(path), root });
    }
  }
}
