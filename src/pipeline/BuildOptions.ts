import type { IgnoreFilter } from '../config/loadIgnoreFile.js';
import type { Renderer } from '../render/Renderer.js';
import type { FileReport } from './BuildReport.js';
import type { RendererSpec } from './RendererSpec.js';

/** A file's time budget when none is given: far above what a 16 MiB file of real notes takes. */
export const DEFAULT_FILE_TIMEOUT_MS = 300_000;

/** Renderers to run, and for each how a worker thread can load it (null: only in this thread). */
export interface LoadedRenderers {
  renderers: Renderer[];
  specs?: (RendererSpec | null)[];
}

export interface BuildOptions {
  paths: string[];
  outDir: string;
  /** The renderers to run. Or give `loadRenderers`, so they are imported only when something must be built. */
  renderers?: Renderer[];
  loadRenderers?: () => Promise<LoadedRenderers>;
  /** Names the lazily loaded renderer set in the cache key (their names and the configured plugins). */
  renderersKey?: string;
  cwd?: string;
  language?: string;
  keepBoilerplate?: boolean;
  templatesDir?: string | null;
  maxFileBytes?: number;
  rendererOptions?: Record<string, Record<string, unknown>>;
  /** Bytes of standard input when a path is `-`. */
  readStdin?: () => Promise<Uint8Array>;
  /** Called once with the number of notes files found, before any is built. */
  onStart?: (total: number) => void;
  /** Called once per file as soon as it is done (or found unchanged), for progress output. */
  onFile?: (report: FileReport) => void;
  /** Paths left out of folder walks (`.reviseignore`). */
  ignore?: IgnoreFilter;
  /** Rebuild every file, ignoring what the cache says. */
  force?: boolean;
  /** False: keep no cache in the output folder and rebuild everything. */
  cache?: boolean;
  /** Worker threads; 1 builds in this thread. Default: one per core when there is enough work. */
  jobs?: number;
  /** Time budget per file in milliseconds (0: none); a file over it fails and the others go on. */
  timeoutMs?: number;
  /** Name of course-level outputs; defaults to the name of each folder built. */
  courseName?: string;
  /** File name of the index of outputs (`.html` or `.md`), or false for none. Written for folder builds. */
  index?: string | false;
}
