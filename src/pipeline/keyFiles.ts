import { readFile } from 'node:fs/promises';
import { hashOf } from './BuildCache.js';
import type { BuildContext } from './BuildContext.js';
import type { InputFile } from './collectInputs.js';
import { createFileState, type FileState } from './FileState.js';
import { mapLimit } from './mapLimit.js';
import { sourceTimestamp } from './sourceTimestamp.js';

/**
 * Step 2, key and cache: each file's key (its path, its bytes and the options key) and, when the
 * cache holds a valid record for that key with its outputs still there, that record, so the file
 * is skipped. A file keeps the date it was first built with while its key stays the same.
 */
export async function keyFiles(inputs: readonly InputFile[], context: BuildContext): Promise<FileState[]> {
  const { cache, useCache, optionsKey, options } = context;
  return mapLimit(inputs, 32, async (input) => {
    const state = createFileState(input);
    const bytes = input.absolute && useCache ? await readFile(input.absolute).catch(() => null) : null;
    if (input.absolute && bytes) {
      state.key = hashOf(optionsKey, input.relative, bytes);
      const previous = cache.previous(input.absolute);
      if (previous?.key === state.key) {
        state.timestamp = previous.timestamp;
        if (!options.force) state.cached = await cache.fresh(input.absolute, state.key);
        return state;
      }
    }
    state.timestamp = await sourceTimestamp(input);
    return state;
  });
}
