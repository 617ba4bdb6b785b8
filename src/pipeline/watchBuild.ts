import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { CACHE_DIR } from './BuildCache.js';

/** Changes closer together than this are built once. */
const SETTLE_MS = 150;

export interface WatchOptions {
  /** What is built: files, folders, or `-` (never watched). */
  paths: readonly string[];
  cwd?: string;
  /** The output folder as given, when the first build could not say where it wrote. */
  out?: string;
  /** Print nothing but errors. */
  quiet?: boolean;
  /** Ends watching (the CLI aborts it on Ctrl-C). */
  signal?: AbortSignal;
}

/** What watching needs to know of one build. */
export interface WatchedBuild {
  code: number;
  build?: { outDir: string };
}

/**
 * `revise build --watch`: one build, then one more each time a notes file, template or config under
 * the watched folders changes. The cache makes each rebuild touch only what changed. Ends when
 * `options.signal` aborts and returns the last build's result.
 */
export async function watchBuild<R extends WatchedBuild>(options: WatchOptions, log: (text: string) => void, build: () => Promise<R>): Promise<R> {
  const cwd = options.cwd ?? process.cwd();
  let last = await build();
  if (last.code === 2 || options.signal?.aborted) return last;
  const outDir = last.build?.outDir ?? resolve(cwd, options.out ?? 'output');
  const folders = new Set<string>();
  for (const p of options.paths) {
    if (p === '-') continue;
    const absolute = resolve(cwd, p);
    folders.add((await stat(absolute).then((s) => s.isDirectory(), () => false)) ? absolute : dirname(absolute));
  }
  if (!options.quiet) log(`revise: watching ${[...folders].join(', ')} (Ctrl-C to stop)\n`);

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        last = await build();
      } while (again && !options.signal?.aborted);
      running = null;
    })();
  };
  const relevant = (path: string) => {
    // Our own writes (outputs, cache, temp files) must not trigger another build.
    if (path === outDir || path.startsWith(outDir + sep) || path.includes(`${sep}${CACHE_DIR}${sep}`)) return false;
    return !path.endsWith('.tmp');
  };
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    const watcher = watch(folder, { recursive: true }, (_event, name) => {
      const path = name ? join(folder, name.toString()) : folder;
      if (!relevant(path)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(rebuild, SETTLE_MS);
    });
    watcher.on('error', (error) => log(`revise: watching ${folder} failed: ${error.message}\n`));
    watchers.push(watcher);
  }
  await new Promise<void>((resolveStop) => {
    if (!options.signal) return; // without a signal, only the end of the process stops watching
    if (options.signal.aborted) resolveStop();
    options.signal.addEventListener('abort', () => resolveStop(), { once: true });
  });
  for (const w of watchers) w.close();
  if (timer) clearTimeout(timer);
  await running;
  return last;
}
