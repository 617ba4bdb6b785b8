import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { BuildCommand, RunIO, RunResult } from '../run.js';
import { CACHE_DIR } from './BuildCache.js';

/** Changes closer together than this are built once. */
const SETTLE_MS = 150;

/**
 * `revise build --watch`: one build, then one more each time a notes file, template or config under the
 * watched folders changes. The cache makes each rebuild touch only what changed. Ends when
 * `options.signal` aborts (the CLI aborts it on Ctrl-C) and returns the last build's result.
 */
export async function watchBuild(options: BuildCommand, io: RunIO, build: (options: BuildCommand) => Promise<RunResult>): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const once = { ...options, watch: false };
  let last = await build(once);
  if (last.code === 2 || options.signal?.aborted) return last;
  const outDir = last.build?.outDir ?? resolve(cwd, options.out ?? 'output');
  const folders = new Set<string>();
  for (const p of options.paths) {
    if (p === '-') continue;
    const absolute = resolve(cwd, p);
    folders.add((await stat(absolute).then((s) => s.isDirectory(), () => false)) ? absolute : dirname(absolute));
  }
  if (!options.quiet && !options.json) io.stderr(`revise: watching ${[...folders].join(', ')} (Ctrl-C to stop)\n`);

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
        last = await build(once);
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
    watcher.on('error', (error) => io.stderr(`revise: watching ${folder} failed: ${error.message}\n`));
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
