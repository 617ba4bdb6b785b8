import { availableParallelism } from 'node:os';
import { NotesError } from '../model/NotesError.js';
import { toDiagnostic } from '../model/Diagnostic.js';
import type { BuildContext } from './BuildContext.js';
import { DEFAULT_FILE_TIMEOUT_MS } from './BuildOptions.js';
import type { FileResult, FileTask } from './buildOneFile.js';
import type { WorkerPool } from './createWorkerPool.js';
import { notePartsMade, type FileState } from './FileState.js';
import { mapLimit } from './mapLimit.js';
import { outputStem } from './outputStem.js';
import { DEFAULT_MAX_FILE_BYTES } from './readNotesFile.js';
import { readStandardInput } from './readStandardInput.js';
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
 *
 * Each file has a time budget. On a worker thread it is a hard limit: a file over it has its thread
 * stopped, is reported failed, and the others go on. In this thread it is checked between steps
 * (after parsing, before each renderer), since running code cannot be stopped there.
 */
export async function buildStaleFiles(states: readonly FileState[], context: BuildContext): Promise<FileWork> {
  const stale = states.filter((s) => !s.cached);
  if (stale.length === 0) return { done: Promise.resolve(), pooled: false };
  const { options } = context;
  const { renderers, specs } = await context.renderers();
  const keepDocuments = renderers.some(wantsDocuments);
  const write = (state: FileState, result: FileResult) => writeFileOutputs(state, result, context, renderers, keepDocuments);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const budget = options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const taskFor = async (state: FileState): Promise<FileTask> => ({
    absolute: state.input.absolute,
    relative: state.input.relative,
    display: state.input.display,
    stdin: state.input.absolute ? undefined : await readStandardInput(maxFileBytes, options.readStdin),
    language: options.language,
    keepBoilerplate: options.keepBoilerplate,
    maxFileBytes,
    templatesDir: options.templatesDir ?? null,
    outputStem: outputStem(context.outDir, state.input),
    timestamp: state.timestamp,
    rendererOptions: options.rendererOptions ?? {},
    courseParts: state.input.root !== undefined,
    deadline: budget > 0 ? Date.now() + budget : undefined,
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
        const threads = Math.min(jobs, fromDisk.length);
        pool = createWorkerPool(threads);
        const specByName = new Map(renderers.map((r, i) => [r.name, specs![i]!]));
        const writes: Promise<void>[] = [];
        // One task per free thread, so a file's budget runs from when a thread takes it up.
        await mapLimit(fromDisk, threads, async (state) => {
          const task = { ...(await taskFor(state)), renderers: allowed(state).map((r) => specByName.get(r.name)!) };
          const signal = budget > 0 ? AbortSignal.timeout(budget) : undefined;
          const result = await pool!.run(task, signal).catch((error: unknown) => (signal?.aborted ? timedOut(state, budget) : failed(state, error)));
          writes.push(write(state, result));
        });
        await Promise.all(writes);
      }
      const { buildOneFile } = await import('./buildOneFile.js');
      for (const state of pooled ? stale.filter((s) => !s.input.absolute) : stale) {
        const onParts = (result: FileResult) => notePartsMade(state, result, keepDocuments);
        const result = await taskFor(state).then((task) => buildOneFile(task, allowed(state), onParts)).catch((error: unknown) => failed(state, error));
        await write(state, result);
      }
    } finally {
      await (pool as WorkerPool | null)?.destroy();
    }
  })();
  return { done, pooled };
}

/**
 * A file that could not be built: bad notes met before building started (standard input over
 * --max-size), or a bug, reported on that file while the others go on.
 */
function failed(state: FileState, error: unknown): FileResult {
  const result: FileResult = { document: null, items: 0, failed: true, outputs: [], parts: [], inCourse: false, messages: [] };
  if (error instanceof NotesError) result.messages.push(toDiagnostic(error));
  else {
    const message = `internal error while building this file: ${(error as Error)?.message ?? String(error)} (this is a bug in revise or a renderer; please report it)`;
    result.messages.push({ file: state.input.display, severity: 'error', message, ruleId: 'internal-error' });
  }
  return result;
}

function timedOut(state: FileState, budget: number): FileResult {
  const message = `took longer than ${budget / 1000} s to build and was stopped; the other files go on (raise the limit with --timeout)`;
  return { document: null, items: 0, failed: true, outputs: [], parts: [], inCourse: false, messages: [{ file: state.input.display, severity: 'error', message, ruleId: 'timeout' }] };
}
