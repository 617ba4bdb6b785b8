import { availableParallelism } from 'node:os';
import type { Renderer } from '../render/Renderer.js';
import type { BuildContext } from './BuildContext.js';
import type { FileResult, FileTask } from './buildOneFile.js';
import type { WorkerPool } from './createWorkerPool.js';
import { notePartsMade, type FileState } from './FileState.js';
import { outputStem } from './outputStem.js';
import { DEFAULT_MAX_FILE_BYTES } from './readNotesFile.js';
import { readProcessStdin } from './readProcessStdin.js';
import { wantsDocuments } from './wantsDocuments.js';
import { writeFileOutputs } from './writeFileOutputs.js';

export interface FileWork {
  /** Settles when every stale file is built and written. */
  done: Promise<void>;
  /** The files are built on worker threads (whose memory is only freed once they stop). */
  pooled: boolean;
}

/**
 * Step 3, build files: every file not found unchanged is read, parsed and rendered, on a pool of
 * worker threads when there is enough work, else in this thread; each is written (step 4) as soon
 * as it is done. Returns at once with the work under way, so course outputs can start as soon as
 * every file's parts are made.
 */
export async function buildStaleFiles(states: readonly FileState[], context: BuildContext): Promise<FileWork> {
  const stale = states.filter((s) => !s.cached);
  if (stale.length === 0) return { done: Promise.resolve(), pooled: false };
  const { options } = context;
  const { renderers, specs } = await context.renderers();
  const keepDocuments = renderers.some(wantsDocuments);
  const write = (state: FileState, result: FileResult) => writeFileOutputs(state, result, context, renderers, keepDocuments);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const taskFor = async (state: FileState): Promise<FileTask> => ({
    absolute: state.input.absolute,
    relative: state.input.relative,
    display: state.input.display,
    stdin: state.input.absolute ? undefined : await (options.readStdin ?? readProcessStdin)(),
    language: options.language,
    keepBoilerplate: options.keepBoilerplate,
    maxFileBytes,
    templatesDir: options.templatesDir ?? null,
    outputStem: outputStem(context.outDir, state.input),
    timestamp: state.timestamp,
    rendererOptions: options.rendererOptions ?? {},
    courseParts: state.input.root !== undefined,
  });
  const allowed = (state: FileState) => renderers.filter((r) => !state.blocked.has(r.name));
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const fromDisk = stale.filter((s) => s.input.absolute);
  // Starting threads costs more than it saves on a few files, unless the caller asked for them.
  const pooled = jobs > 1 && specs?.length === renderers.length && specs.every(Boolean) && fromDisk.length >= (options.jobs ? 2 : 8);
  const done = (async () => {
    let pool: WorkerPool | null = null;
    try {
      if (pooled) {
        const { createWorkerPool } = await import('./createWorkerPool.js');
        pool = createWorkerPool(Math.min(jobs, fromDisk.length));
        const specByName = new Map(renderers.map((r, i) => [r.name, specs![i]!]));
        await Promise.all(
          fromDisk.map(async (state) => {
            const task = { ...(await taskFor(state)), renderers: allowed(state).map((r) => specByName.get(r.name)!) };
            await write(state, await pool!.run(task).catch((error: unknown) => crashed(state, error)));
          }),
        );
      }
      const { buildOneFile } = await import('./buildOneFile.js');
      for (const state of pooled ? stale.filter((s) => !s.input.absolute) : stale) {
        const onParts = (result: FileResult) => notePartsMade(state, result, keepDocuments);
        await write(state, await buildOneFile(await taskFor(state), allowed(state), onParts).catch((error: unknown) => crashed(state, error)));
      }
    } finally {
      await (pool as WorkerPool | null)?.destroy();
    }
  })();
  return { done, pooled };
}

/** A bug (not bad notes) while building one file: reported on that file, the others go on. */
function crashed(state: FileState, error: unknown): FileResult {
  const message = `internal error while building this file: ${(error as Error)?.message ?? String(error)} (this is a bug in revise or a renderer; please report it)`;
  return { document: null, items: 0, failed: true, outputs: [], parts: [], inCourse: false, messages: [{ file: state.input.display, severity: 'error', message, ruleId: 'internal-error' }] };
}
