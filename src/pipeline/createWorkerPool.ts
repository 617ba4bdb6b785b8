import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { FileResult } from './buildOneFile.js';
import type { WorkerTask } from './buildWorker.js';

/**
 * Worker threads always run the compiled code in dist/, also when the caller runs from the TypeScript
 * sources (tests): a worker cannot load .ts files.
 */
export function workerScriptPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'dist', 'pipeline', 'buildWorker.js');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find dist/pipeline/buildWorker.js: run `npm run build` first');
    dir = parent;
  }
}

export interface WorkerPool {
  /** Aborting `signal` stops the thread running the task (a new one takes its place). */
  run(task: WorkerTask, signal?: AbortSignal): Promise<FileResult>;
  destroy(): Promise<void>;
}

/** A tinypool of worker threads (the pool vitest itself runs on), one per core asked for. */
export function createWorkerPool(threads: number): WorkerPool {
  const pool = new Tinypool({
    filename: workerScriptPath(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // Flags meant for the main script (`node --input-type=module -e …`) make a worker fail to start.
    execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type') && a !== '-e' && a !== '--eval'),
  });
  // A worker that dies rejects its task (reported on that file); without a listener it would also crash us.
  pool.on('error', () => {});
  return {
    run: (task, signal) => pool.run(task, { signal }) as Promise<FileResult>,
    destroy: () => pool.destroy(),
  };
}
