import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BuildContext } from './BuildContext.js';
import { describeFsError } from './describeFsError.js';
import type { FileState } from './FileState.js';
import { resolveInside } from './resolveInside.js';

/**
 * Step 6, remove stale outputs: the outputs of notes files that were in a folder last time and are
 * gone now (deleted, renamed, newly ignored), so the output folder mirrors the course. Only outputs
 * revise itself recorded are touched, only inside the output folder, and only for folders built this
 * time. Returns the paths removed; one that cannot be removed is a warning.
 */
export async function removeStaleOutputs(roots: readonly string[], states: readonly FileState[], context: BuildContext): Promise<string[]> {
  const { cache, outDir } = context;
  const current = new Set(states.map((s) => s.id));
  const built = new Set(roots.map((r) => basename(r)));
  const removed: string[] = [];
  for (const id of cache.ids()) {
    const record = cache.previous(id);
    if (current.has(id) || !record || record.root === null || !built.has(record.root)) continue;
    for (const output of record.outputs) {
      const target = resolveInside(outDir, output);
      if (!target) continue;
      try {
        await rm(target, { force: true });
        removed.push(target);
      } catch (error) {
        context.report.messages.push({ file: target, severity: 'warning', message: `cannot remove this output of a notes file no longer in the folder: ${describeFsError(error) ?? (error as Error).message}`, ruleId: 'remove-failed' });
      }
    }
    cache.forget(id);
  }
  return removed;
}
