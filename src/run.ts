import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toModelJson } from './model/toModelJson.js';
import type { StudyDocument } from './model/StudyDocument.js';
import { NotesError } from './parse/NotesError.js';
import { parseNotes } from './parse/parseNotes.js';
import { buildFiles, toDiagnostic, type BuildReport } from './pipeline/buildFiles.js';
import { formatDiagnostic, type Diagnostic } from './pipeline/Diagnostic.js';
import { decodeBytes, DEFAULT_MAX_FILE_BYTES, readNotesFile } from './pipeline/readNotesFile.js';
import { formatOutline } from './cli/formatOutline.js';
import { createDefaultRegistry, RendererRegistry, UnknownFormatError } from './render/registry.js';

/** Documented exit codes (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** At least one notes file could not be read, parsed or rendered; the others were still built. */
  failed: 1,
  /** Bad command line: unknown option or format, wrong kind of path. Nothing was built. */
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
}

export interface RunResult {
  code: number;
  build?: BuildReport;
  document?: StudyDocument;
}

export const processIO: RunIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

/** The whole CLI behaviour behind commander: tests call this directly instead of spawning. */
export async function run(options: RunOptions, io: RunIO = processIO, registry: RendererRegistry = createDefaultRegistry()): Promise<RunResult> {
  return options.command === 'build' ? runBuild(options, io, registry) : runInspect(options, io);
}

function maxBytes(options: CommonOptions): number {
  return options.maxSize && options.maxSize > 0 ? Math.round(options.maxSize * 1048576) : DEFAULT_MAX_FILE_BYTES;
}

async function runInspect(options: InspectCommand, io: RunIO): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const display = options.file;
  try {
    let text: string;
    if (options.file === '-') {
      text = decodeBytes(await (io.readStdin ?? defaultStdin)(), '<stdin>');
    } else {
      const absolute = resolve(cwd, options.file);
      const info = await stat(absolute).catch(() => null);
      if (info?.isDirectory()) {
        io.stderr(`revise: ${display}: is a folder; inspect reads one notes file (use \`revise build ${display}\` for a folder)\n`);
        return { code: EXIT.usage };
      }
      text = await readNotesFile(absolute, display, maxBytes(options));
    }
    const name = options.file === '-' ? 'stdin.md' : options.file.split(/[\\/]/).pop() ?? options.file;
    const { document, messages } = parseNotes(text, { file: name, language: options.lang, keepBoilerplate: options.keepBoilerplate });
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

async function runBuild(options: BuildCommand, io: RunIO, registry: RendererRegistry): Promise<RunResult> {
  let renderers;
  try {
    renderers = registry.select(options.formats);
  } catch (error) {
    if (error instanceof UnknownFormatError) {
      io.stderr(`revise: ${error.message}\n`);
      return { code: EXIT.usage };
    }
    throw error;
  }
  if (options.paths.length === 0) {
    io.stderr('revise: build needs at least one file or folder (or - for standard input)\n');
    return { code: EXIT.usage };
  }
  const cwd = options.cwd ?? process.cwd();
  const print = (d: Diagnostic) => io.stderr(`${formatDiagnostic(d)}\n`);
  const report = await buildFiles({
    paths: options.paths,
    outDir: options.out ?? 'output',
    renderers,
    cwd,
    language: options.lang,
    keepBoilerplate: options.keepBoilerplate,
    templatesDir: options.templates ? resolve(cwd, options.templates) : null,
    maxFileBytes: maxBytes(options),
    readStdin: io.readStdin,
    onFile: (file) => {
      if (file.status === 'failed') file.messages.filter((m) => m.severity === 'error').forEach(print);
      if (!options.quiet) {
        for (const m of file.messages) if (m.severity !== 'error' && (options.verbose || m.severity === 'warning')) print(m);
        if (options.verbose) for (const o of file.outputs) io.stdout(`wrote ${o}\n`);
      }
    },
  });
  report.messages.forEach(print);
  const failed = report.files.filter((f) => f.status === 'failed').length + report.messages.filter((m) => m.severity === 'error').length;
  const built = report.files.length - report.files.filter((f) => f.status === 'failed').length;
  if (report.files.length === 0 && report.messages.length === 0) {
    io.stderr(`revise: no notes files (${['.md', '.markdown', '.txt'].join(', ')}) found in ${options.paths.join(', ')}\n`);
    return { code: EXIT.failed, build: report };
  }
  if (!options.quiet) {
    const items = report.files.reduce((n, f) => n + f.items, 0);
    const outputs = report.files.reduce((n, f) => n + f.outputs.length, 0);
    const warnings = report.files.reduce((n, f) => n + f.messages.filter((m) => m.severity === 'warning').length, 0);
    io.stdout(`revise: built ${built} of ${report.files.length} file${report.files.length === 1 ? '' : 's'} (${items} items, ${outputs} outputs, ${warnings} warnings${failed ? `, ${failed} failed` : ''}) into ${options.out ?? 'output'}\n`);
  }
  return { code: failed ? EXIT.failed : EXIT.ok, build: report };
}

async function defaultStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
