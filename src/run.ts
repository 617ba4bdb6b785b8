import type { RendererRegistry } from './render/registry.js';
import { runBuild } from './run/runBuild.js';
import { runCheck } from './run/runCheck.js';
import { runInspect } from './run/runInspect.js';
import type { BuildCommand, RunIO, RunOptions, RunResult } from './run/RunOptions.js';

export { EXIT, UsageError, type BuildCommand, type CheckCommand, type CommonOptions, type InspectCommand, type RunIO, type RunOptions, type RunResult } from './run/RunOptions.js';

export const processIO: RunIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTTY: process.stderr.isTTY,
  env: process.env,
};

/**
 * The whole CLI behaviour behind commander: tests call this directly instead of spawning. Without a
 * registry, the built-in renderers are imported only when some file actually needs building, so a
 * build where nothing changed stays fast.
 */
export async function run(options: RunOptions, io: RunIO = processIO, registry?: RendererRegistry): Promise<RunResult> {
  if (options.command === 'inspect') return runInspect(options, io);
  if (options.command === 'check') return runCheck(options, io);
  if (!options.watch) return runBuild(options, io, registry);
  const { watchBuild } = await import('./pipeline/watchBuild.js');
  const once: BuildCommand = { ...options, watch: false };
  return watchBuild({ ...options, quiet: options.quiet || options.json }, io.stderr, () => runBuild(once, io, registry));
}
