import type { BuildContext } from './BuildContext.js';
import type { FileState } from './FileState.js';
import { outputStem } from './outputStem.js';

/**
 * Hands out output paths in input order, so when two notes files would write the same output (`x.md`
 * and `x.txt`), the later one always fails, whatever order files finish in. A file blocked this way
 * is never taken from the cache.
 */
export async function claimFileOutputs(states: readonly FileState[], context: BuildContext): Promise<void> {
  if (states.every((s) => s.cached)) return;
  const { renderers } = await context.renderers();
  for (const state of states) {
    const stem = outputStem(context.outDir, state.input);
    for (const renderer of renderers) {
      const target = stem + renderer.extension;
      const owner = context.claimed.get(target);
      if (owner !== undefined && owner !== state.input.display) state.blocked.set(renderer.name, owner);
      else context.claimed.set(target, state.input.display);
    }
    if (state.blocked.size > 0) state.cached = null;
  }
}
