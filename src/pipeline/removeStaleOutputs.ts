import { rm } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { BuildContext } from './BuildContext.js';
import type { FileState } from './FileState.js';

/**
 * Step 6, remove stale outputs: the outputs of notes files that were in a folder last time and are
 * gone now (deleted, renamed, newly ignored), so the output folder mirrors the course. Only outputs
 * revise itself recorded are touched, only inside the output folder, and only for folders built this
 * time. Returns the paths removed.
 */
export async function removeStaleOutputs(roots: readonly string[], states: readonly FileState[], context: BuildContext): Promise<string[]> {
  const { cache, outDir } = context;
  const current = new Set(states.map((s) => s.input.absolute));
  const removed: string[] = [];
  for (const id of cache.ids()) {
    if (current.has(id) || !roots.some((root) => id.startsWith(root + sep))) continue;
    for (const output of cache.previous(id)?.outputs ?? []) {
      const target = resolve(outDir, output);
      if (!target.startsWith(outDir + sep)) continue;
      await rm(target, { force: true });
      removed.push(target);
    }
    cache.forget(id);
  }
  return removed;
}
