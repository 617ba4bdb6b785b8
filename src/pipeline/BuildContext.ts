import type { BuildCache } from './BuildCache.js';
import type { BuildOptions, LoadedRenderers } from './BuildOptions.js';
import type { BuildReport } from './BuildReport.js';

/**
 * What every step of one build shares, passed from step to step (unified-engine's file-set
 * context): the options, where outputs go, the cache, and which output paths are taken.
 */
export interface BuildContext {
  options: BuildOptions;
  cwd: string;
  /** Absolute output folder; every path written or removed lies inside it. */
  outDir: string;
  /** Hash of everything besides a file's own path and bytes that decides its outputs. */
  optionsKey: string;
  cache: BuildCache;
  useCache: boolean;
  /**
   * Output path → who writes it in this build. Handed out in input order, then to course outputs
   * in renderer order, then to the index, so a collision always fails the same one.
   */
  claimed: Map<string, string>;
  /** The renderers, loaded on first use: a build where nothing changed never imports them. */
  renderers(): Promise<LoadedRenderers>;
  report: BuildReport;
}
