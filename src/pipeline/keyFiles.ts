import { open } from 'node:fs/promises';
import { hashOf } from './BuildCache.js';
import type { BuildContext } from './BuildContext.js';
import type { InputFile } from './collectInputs.js';
import { createFileState, type FileState } from './FileState.js';
import { mapLimit } from './mapLimit.js';
import { DEFAULT_MAX_FILE_BYTES } from './readNotesFile.js';
import { sourceTimestamp } from './sourceTimestamp.js';
import { buildRoot, mediaUnchanged } from './readMedia.js';

/**
 * Step 2, key and cache: each file's key (its path relative to the folder built, its bytes and the
 * options key) and, when the cache holds a valid record for that key with its outputs intact, that
 * record, so the file is skipped. A file keeps the date it was first built with while its key stays
 * the same. Nothing here depends on where the project lies on disk, so a moved project is unchanged.
 */
export async function keyFiles(inputs: readonly InputFile[], context: BuildContext): Promise<FileState[]> {
  const { cache, useCache, optionsKey, options } = context;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // Two inputs with one relative path (the same name in two folders given) write the same outputs:
  // the first keeps the cache, the other is built and fails on the collision.
  const seen = new Set<string>();
  const states = inputs.map((input) => {
    const state = createFileState(input);
    if (input.absolute && !seen.has(input.relative)) {
      seen.add(input.relative);
      state.id = input.relative;
    }
    return state;
  });
  return mapLimit(states, 32, async (state) => {
    const { input } = state;
    const bytes = state.id && input.absolute && useCache ? await readWithin(input.absolute, maxFileBytes) : null;
    if (state.id && bytes) {
      state.key = hashOf(optionsKey, input.relative, bytes);
      const previous = cache.previous(state.id);
      if (previous?.key === state.key) {
        state.timestamp = previous.timestamp;
        if (!options.force) state.cached = await cache.fresh(state.id, state.key);
        // Images are not in the key: the notes may be unchanged while a picture they show is not.
        if (state.cached?.media && !(await mediaUnchanged(buildRoot(input), state.cached.media))) state.cached = null;
        return state;
      }
    }
    state.timestamp = await sourceTimestamp(input);
    return state;
  });
}

/** A file's bytes when it can be read and is not over the size limit (building it will then say why). */
async function readWithin(path: string, maxBytes: number): Promise<Buffer | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > maxBytes) return null;
    return await handle.readFile();
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => {});
  }
}
