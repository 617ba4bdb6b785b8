import type { StudyDocument } from '../model/StudyDocument.js';
import type { BuildReport } from '../pipeline/BuildReport.js';
import type { ProgressMode } from '../views/createProgressReporter.js';
import type { JsonReport } from '../views/toJsonReport.js';

/** Documented exit codes (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** At least one notes file (or output) could not be read, parsed, rendered or written; the others were still built. */
  failed: 1,
  /** Bad command line or configuration: unknown option or format, wrong kind of path, no consent for plugins. Nothing was built. */
  usage: 2,
  /** A bug in revise itself. */
  internal: 70,
} as const;

export interface CommonOptions {
  cwd?: string;
  lang?: string;
  keepBoilerplate?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  /** Largest notes file accepted, in MiB. */
  maxSize?: number;
}

export interface BuildCommand extends CommonOptions {
  command: 'build';
  paths: string[];
  out?: string;
  formats?: string[];
  templates?: string;
  /** A configuration file to use instead of searching; false to use none. */
  config?: string | false;
  /** Name of the course outputs (deck, question bank); default: the folder's name. */
  deckName?: string;
  /** Rebuild every file even when unchanged. */
  force?: boolean;
  /** Worker threads; 1 builds in the main thread. */
  jobs?: number;
  /** Time budget per file, in seconds; 0 for none. */
  timeout?: number;
  /** Load renderer plugins named by a configuration found inside the folder being built. */
  allowPlugins?: boolean;
  /** False: load no renderer plugin at all (`--no-plugins`). */
  plugins?: boolean;
  /** Print the build report as JSON on stdout instead of the summary line. */
  json?: boolean;
  /** Keep running and rebuild what changes, until `signal` aborts (Ctrl-C on the command line). */
  watch?: boolean;
  signal?: AbortSignal;
  /** Progress display; default: a bar on a terminal, a line per file otherwise. */
  progress?: ProgressMode;
}

export interface InspectCommand extends CommonOptions {
  command: 'inspect';
  file: string;
  json?: boolean;
}

/** `revise check`: the quality gates' findings on notes files, printed like a linter's. */
export interface CheckCommand extends CommonOptions {
  command: 'check';
  files: string[];
  templates?: string;
}

export type RunOptions = BuildCommand | InspectCommand | CheckCommand;

export interface RunIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin?(): Promise<Uint8Array>;
  /** Whether stderr is a terminal (for the live progress bar). */
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
}

export interface RunResult {
  code: number;
  build?: BuildReport;
  document?: StudyDocument;
  /** The --json report of the (last) build. */
  report?: JsonReport;
}

/** A problem with the command line or configuration: reported, nothing built, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
