import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { IgnoreFilter } from '../config/loadIgnoreFile.js';
import type { Diagnostic } from '../model/Diagnostic.js';
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
  /** Links leading out of a folder given, skipped on purpose. */
  warnings: Diagnostic[];
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
  const warnings: Diagnostic[] = [];
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
    const realRoot = await realpath(absolute).catch(() => absolute);
    await walk({ root: absolute, realRoot, displayRoot: given, visited, isExcluded, ignored, files, problems, warnings }, absolute);
  }
  // The same file reached twice (`revise build course course/a.md`) is built once, where first met.
  const seen = new Set<string>();
  const unique = files.filter((f) => f.absolute === null || (!seen.has(f.absolute) && seen.add(f.absolute)));
  return { files: unique, problems, warnings };
}

interface Walk {
  root: string;
  /** The folder given, symbolic links resolved: links may point anywhere inside it, not out of it. */
  realRoot: string;
  displayRoot: string;
  visited: Set<string>;
  isExcluded: (p: string) => boolean;
  ignored: IgnoreFilter;
  files: InputFile[];
  problems: NotesError[];
  warnings: Diagnostic[];
}

/**
 * Symbolic links are followed inside the folder given; one that leads out of it is skipped with a
 * warning, so a folder of notes (a student's, a download) cannot pull another file of this machine
 * into the outputs. A file outside can still be built by naming it on the command line.
 */
async function walk(w: Walk, dir: string): Promise<void> {
  const display = (p: string) => join(w.displayRoot, relative(w.root, p));
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    w.problems.push(new NotesError('unreadable', display(dir), `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
    return;
  }
  if (w.visited.has(real)) {
    w.problems.push(new NotesError('symlink-loop', display(dir), 'is a symbolic link back into a folder already read; skipped'));
    return;
  }
  w.visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    w.problems.push(new NotesError('unreadable', display(dir), `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const isNotes = (name: string) => NOTES_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (w.isExcluded(path) || entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
        const info = await stat(target);
        isDir = info.isDirectory();
        isFile = info.isFile();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (isNotes(entry.name) || code === 'ELOOP') {
          w.problems.push(new NotesError(code === 'ELOOP' ? 'symlink-loop' : 'broken-link', display(path), code === 'ELOOP' ? 'is a symbolic link loop; skipped' : 'is a broken symbolic link; skipped'));
        }
        continue;
      }
      if (!(isDir || isNotes(entry.name))) continue;
      if (target !== w.realRoot && !target.startsWith(w.realRoot.endsWith(sep) ? w.realRoot : w.realRoot + sep)) {
        const message = `is a symbolic link to ${target}, outside the folder being built; skipped (name it on the command line to build it)`;
        w.warnings.push({ file: display(path), severity: 'warning', message, ruleId: 'link-outside' });
        continue;
      }
    }
    if (w.ignored(path, isDir)) continue;
    if (isDir) await walk(w, path);
    else if (isFile && isNotes(entry.name)) {
      w.files.push({ absolute: path, relative: relative(w.root, path).split(sep).join('/'), display: display(path), root: w.root });
    }
  }
}
