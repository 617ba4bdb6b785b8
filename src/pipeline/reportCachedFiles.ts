import { join } from 'node:path';
import type { BuildContext } from './BuildContext.js';
import { finishFile, type FileState } from './FileState.js';

/** Files found unchanged are done at once: their outputs, items and messages come from the cache. */
export function reportCachedFiles(states: readonly FileState[], context: BuildContext): void {
  for (const state of states) {
    const c = state.cached;
    if (!c) continue;
    state.title = c.title;
    state.language = c.language;
    state.inCourse = true;
    state.markPartsReady();
    const outputs = c.outputs.map((o) => join(context.outDir, o));
    finishFile(state, { file: state.input.display, status: 'skipped', outputs, items: c.items, counts: c.counts, messages: c.messages }, context.options.onFile);
  }
}
