import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeFsError } from '../pipeline/describeFsError.js';
import { UsageError } from './RunOptions.js';

/**
 * Before anything is built: the output folder must be a folder (or be creatable as one) that can be
 * written to. A file named by --out, a file on its path or a read-only disk is a usage error with a
 * message, not a crash in the middle of the build.
 */
export async function checkOutputFolder(outDir: string, shown: string): Promise<void> {
  let dir = outDir;
  for (;;) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(dir)).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError(`the output folder ${shown} cannot be used: ${describeFsError(error) ?? (error as Error).message}`);
      const parent = dirname(dir);
      if (parent === dir) return;
      dir = parent;
      continue;
    }
    if (!isDirectory) {
      throw new UsageError(
        dir === outDir ? `the output folder ${shown} is a file, not a folder; give --out a folder` : `the output folder ${shown} cannot be made: ${dir} is a file, not a folder`,
      );
    }
    try {
      await access(dir, constants.W_OK);
    } catch (error) {
      throw new UsageError(`the output folder ${shown} cannot be ${dir === outDir ? 'written to' : `made in ${dir}`}: ${describeFsError(error) ?? (error as Error).message}`);
    }
    return;
  }
}
