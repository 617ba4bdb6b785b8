import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { ConfigError } from './config/ConfigError.js';
import { loadConfig } from './config/loadConfig.js';
import { loadIgnoreFile } from './config/loadIgnoreFile.js';
import { loadPlugin, resolvePlugins, type PluginSource } from './config/loadPlugin.js';
import type { LoadedConfig } from './config/ReviseConfig.js';
import { toModelJson } from './model/toModelJson.js';
import type { StudyDocument } from './model/StudyDocument.js';
import { NotesError } from './model/NotesError.js';
import { hashOf } from './pipeline/BuildCache.js';
import { buildFiles } from './pipeline/buildFiles.js';
import type { BuildOptions, LoadedRenderers } from './pipeline/BuildOptions.js';
import type { BuildReport } from './pipeline/BuildReport.js';
import { readProcessStdin } from './pipeline/readProcessStdin.js';
import { NOTES_EXTENSIONS } from './parse/readers/readers.js';
import { chooseProgressMode, createProgressReporter, type ProgressMode } from './views/createProgressReporter.js';
import { formatDiagnostic, toDiagnostic, type Diagnostic } from './model/Diagnostic.js';
import { DEFAULT_MAX_FILE_BYTES, readNotesFile } from './pipeline/readNotesFile.js';
import type { RendererSpec } from './pipeline/RendererSpec.js';
import { countTotals, toJsonReport, type JsonReport } from './views/toJsonReport.js';
import { formatOutline } from './views/formatOutline.js';
import type { Renderer } from './render/Renderer.js';
import type { RendererRegistry } from './render/registry.js';

/** Documented exit codes (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** At least one notes file could not be read, parsed or rendered; the others were still built. */
  failed: 1,
  /** Bad command line or configuration: unknown option or format, wrong kind of path. Nothing was built. */
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

export type RunOptions = BuildCommand | InspectCommand;

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
  if (!options.watch) return runBuild(options, io, registry);
  const { watchBuild } = await import('./pipeline/watchBuild.js');
  const once: BuildCommand = { ...options, watch: false };
  return watchBuild({ ...options, quiet: options.quiet || options.json }, io.stderr, () => runBuild(once, io, registry));
}

function maxBytes(maxSize: number | undefined): number {
  return maxSize && maxSize > 0 ? Math.round(maxSize * 1048576) : DEFAULT_MAX_FILE_BYTES;
}

async function runInspect(options: InspectCommand, io: RunIO): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const display = options.file;
  try {
    let bytes: Uint8Array;
    if (options.file === '-') {
      bytes = await (io.readStdin ?? readProcessStdin)();
    } else {
      const absolute = resolve(cwd, options.file);
      const info = await stat(absolute).catch(() => null);
      if (info?.isDirectory()) {
        io.stderr(`revise: ${display}: is a folder; inspect reads one notes file (use \`revise build ${display}\` for a folder)\n`);
        return { code: EXIT.usage };
      }
      bytes = await readNotesFile(absolute, display, maxBytes(options.maxSize));
    }
    const name = options.file === '-' ? 'stdin.md' : options.file.split(/[\\/]/).pop() ?? options.file;
    const { readNotes } = await import('./parse/readNotes.js');
    const { document, messages } = await readNotes(bytes, {
      file: name,
      display: options.file === '-' ? '<stdin>' : display,
      language: options.lang,
      keepBoilerplate: options.keepBoilerplate,
    });
    io.stdout(options.json ? toModelJson(document) : formatOutline(document));
    if (!options.quiet) for (const m of messages) io.stderr(`${formatDiagnostic({ ...m, file: display })}\n`);
    return { code: EXIT.ok, document };
  } catch (error) {
    if (error instanceof NotesError) {
      io.stderr(`revise: ${formatDiagnostic(toDiagnostic(error)).replace(/: error: /, ': ').replace(/ \[[^\]]+\]$/, '')}\n`);
      return { code: EXIT.failed };
    }
    throw error;
  }
}

/** A problem with the command line or configuration: reported, nothing built, exit 2. */
class UsageError extends Error {}

async function runBuild(options: BuildCommand, io: RunIO, registry: RendererRegistry | undefined): Promise<RunResult> {
  const started = Date.now();
  if (options.paths.length === 0) {
    io.stderr('revise: build needs at least one file or folder (or - for standard input)\n');
    return { code: EXIT.usage };
  }
  const cwd = options.cwd ?? process.cwd();
  let buildOptions: BuildOptions;
  try {
    buildOptions = await resolveBuildOptions(options, cwd, registry);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError || isUnknownFormat(error)) {
      io.stderr(`revise: ${(error as Error).message}\n`);
      return { code: EXIT.usage };
    }
    throw error;
  }
  const env = io.env ?? {};
  const mode: ProgressMode = options.json ? 'off' : options.progress ?? (options.quiet ? 'off' : chooseProgressMode(io.isTTY, env));
  const progress = createProgressReporter(io.stderr, { mode, verbose: options.verbose, quiet: options.quiet || options.json });
  let report: BuildReport;
  try {
    report = await buildFiles({ ...buildOptions, readStdin: io.readStdin, onStart: (n) => progress.start(n), onFile: (f) => progress.file(f) });
  } catch (error) {
    progress.end();
    // Renderers load lazily, so an unknown format or a bad plugin surfaces here, still before any write.
    if (error instanceof ConfigError || isUnknownFormat(error)) {
      io.stderr(`revise: ${(error as Error).message}\n`);
      return { code: EXIT.usage };
    }
    throw error;
  }
  progress.end();
  const print = (d: Diagnostic) => io.stderr(`${formatDiagnostic(d)}\n`);
  report.messages.filter((m) => m.severity === 'error' || !(options.quiet || options.json)).forEach(print);
  const totals = countTotals(report);
  const failed = totals.failed + report.messages.filter((m) => m.severity === 'error').length;
  const nothing = report.files.length === 0 && report.messages.length === 0;
  const code = failed || nothing ? EXIT.failed : EXIT.ok;
  const jsonReport = toJsonReport(report, code, Date.now() - started);
  if (options.json) io.stdout(`${JSON.stringify(jsonReport, null, 2)}\n`);
  if (nothing) {
    io.stderr(`revise: no notes files (${NOTES_EXTENSIONS.join(', ')}) found in ${options.paths.join(', ')}\n`);
    return { code, build: report, report: jsonReport };
  }
  if (!options.quiet && !options.json) {
    const out = options.out ?? (relative(cwd, buildOptions.outDir) || '.');
    const counts = totals.skipped ? `built ${totals.built}, unchanged ${totals.skipped} of` : `built ${totals.built} of`;
    io.stdout(
      `revise: ${counts} ${totals.files} file${totals.files === 1 ? '' : 's'} (${totals.items} items, ${totals.outputs} outputs, ${totals.warnings} warnings${failed ? `, ${failed} failed` : ''}) into ${out}\n`,
    );
    for (const c of report.courses) {
      if (c.outputs.length === 0 && c.status !== 'failed') continue;
      io.stdout(`revise: course "${c.name}" from ${c.folder}: ${c.files} files, ${c.outputs.length} outputs${c.status === 'skipped' ? ' (unchanged)' : c.status === 'failed' ? ' (failed)' : ''}\n`);
    }
    if (report.removed.length > 0) io.stdout(`revise: removed ${report.removed.length} outputs of notes files no longer in the folder\n`);
    if (report.index) io.stdout(`revise: index ${report.index}\n`);
  }
  return { code, build: report, report: jsonReport };
}

/** CLI flags over the configuration file over the defaults. */
async function resolveBuildOptions(options: BuildCommand, cwd: string, registry: RendererRegistry | undefined): Promise<BuildOptions> {
  const first = options.paths.find((p) => p !== '-');
  const from = first ? await folderOf(resolve(cwd, first)) : cwd;
  const loaded: LoadedConfig =
    options.config === false ? { config: {}, file: null, dir: cwd } : await loadConfig({ from, explicit: options.config ? resolve(cwd, options.config) : undefined });
  const config = loaded.config;
  const fromConfig = (p: string | undefined) => (p === undefined ? undefined : resolve(loaded.dir, p));
  const formats = options.formats && options.formats.length > 0 ? options.formats : config.formats;
  const templates = options.templates ? resolve(cwd, options.templates) : fromConfig(config.templates);
  if (templates && !(await stat(templates).then((s) => s.isDirectory(), () => false))) {
    throw new UsageError(`templates folder ${templates} does not exist${options.templates ? '' : ` (set by "templates" in ${loaded.file})`}`);
  }
  const plugins = config.renderers && config.renderers.length > 0 ? resolvePlugins(config.renderers, loaded.dir, loaded.file ?? 'configuration') : [];
  const rendererOptions: Record<string, Record<string, unknown>> = { ...config.options };
  const ignore = await loadIgnoreFile(from);
  const pluginStamps = await Promise.all(plugins.map(async (p) => `${p.url}|${JSON.stringify(p.options)}|${await fileStamp(new URL(p.url))}`));

  let renderersKey: string;
  if (registry) {
    // Formats may name plugins not loaded yet; without plugins, a bad format is caught here already.
    const known = plugins.length > 0 ? registry.select(undefined) : registry.select(formats);
    renderersKey = `${formats?.join(',') ?? '*'}|${known.map((r) => `${r.name}${r.extension}`).join(',')}`;
  } else {
    renderersKey = `default:${formats?.join(',') ?? '*'}|${await fileStamp(new URL('./render/registry.js', import.meta.url))}`;
  }
  renderersKey += `|${pluginStamps.join(',')}`;

  const loadRenderers = async (): Promise<LoadedRenderers> => {
    const { createDefaultRegistry, RendererRegistry } = await import('./render/registry.js');
    const builtIn = createDefaultRegistry();
    // A copy: plugins registered for this build must not stay in the caller's registry.
    const chosen = registry ? new RendererRegistry(registry.select(undefined)) : createDefaultRegistry();
    const pluginOf = new Map<Renderer, PluginSource>();
    for (const [i, source] of plugins.entries()) {
      const renderer = await loadPlugin(source, `${loaded.file}: "renderers[${i}]"`);
      if (chosen.names().includes(renderer.name)) {
        throw new ConfigError(loaded.file ?? 'configuration', [`"renderers[${i}]" is named "${renderer.name}", like a renderer already there; pick another name`]);
      }
      chosen.register(renderer);
      pluginOf.set(renderer, { ...source, options: { ...source.options, ...rendererOptions[renderer.name] } });
    }
    const renderers = chosen.select(formats);
    const specs = renderers.map((r): RendererSpec | null => {
      const plugin = pluginOf.get(r);
      if (plugin) return { name: r.name, plugin };
      return builtIn.names().includes(r.name) && builtIn.get(r.name) === r ? { name: r.name, builtin: true } : null;
    });
    // Plugin options reach the renderer both ways: as the factory's argument and as context.options.
    for (const [renderer, source] of pluginOf) rendererOptions[renderer.name] = source.options;
    return { renderers, specs };
  };

  const outDir = resolve(cwd, options.out ?? fromConfig(config.out) ?? 'output');
  for (const p of options.paths) {
    const input = resolve(cwd, p);
    if (p !== '-' && (input === outDir || input.startsWith(outDir + sep))) {
      throw new UsageError(`the output folder ${outDir} holds the notes ${p}; outputs go to a folder of their own (--out dist)`);
    }
  }

  return {
    paths: options.paths,
    outDir,
    loadRenderers,
    renderersKey,
    cwd,
    language: options.lang ?? config.language,
    keepBoilerplate: options.keepBoilerplate || config.keepBoilerplate,
    templatesDir: templates ?? null,
    maxFileBytes: maxBytes(options.maxSize ?? config.maxSize),
    rendererOptions,
    ignore: ignore?.filter,
    force: options.force,
    jobs: options.jobs ?? config.jobs,
    courseName: options.deckName ?? config.deckName,
    index: config.index,
  };
}

async function folderOf(path: string): Promise<string> {
  return (await stat(path).then((s) => s.isDirectory(), () => false)) ? path : dirname(path);
}

/** A hash of a module's text, so a changed renderer or plugin invalidates the cache (a rebuild with the same text does not). */
async function fileStamp(url: URL): Promise<string> {
  return readFile(url).then((bytes) => hashOf(bytes), () => 'missing');
}

function isUnknownFormat(error: unknown): boolean {
  return error instanceof Error && error.name === 'UnknownFormatError';
}

