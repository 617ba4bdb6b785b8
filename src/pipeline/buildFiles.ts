import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { countItems, type StudyDocument } from '../model/StudyDocument.js';
import { NotesError } from '../parse/NotesError.js';
import { parseNotes } from '../parse/parseNotes.js';
import type { Renderer, RenderContext } from '../render/Renderer.js';
import { collectInputs, type InputFile } from './collectInputs.js';
import type { Diagnostic } from './Diagnostic.js';
import { decodeBytes, DEFAULT_MAX_FILE_BYTES, readNotesFile } from './readNotesFile.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export interface BuildOptions {
  paths: string[];
  outDir: string;
  renderers: Renderer[];
  cwd?: string;
  language?: string;
  keepBoilerplate?: boolean;
  templatesDir?: string | null;
  maxFileBytes?: number;
  rendererOptions?: Record<string, Record<string, unknown>>;
  /** Bytes of standard input when a path is `-`. */
  readStdin?: () => Promise<Uint8Array>;
  /** Called once per file as soon as it is done, for progress output. */
  onFile?: (report: FileReport) => void;
}

export interface FileReport {
  file: string;
  status: 'built' | 'failed';
  outputs: string[];
  items: number;
  messages: Diagnostic[];
}

export interface BuildReport {
  files: FileReport[];
  /** Problems that belong to no single notes file (a folder that could not be read). */
  messages: Diagnostic[];
}

/** read → parse → render → write for every notes file; one failing file never stops the others. */
export async function buildFiles(options: BuildOptions): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  const { files, problems } = await collectInputs(options.paths, cwd, [outDir]);
  const report: BuildReport = { files: [], messages: problems.map((p) => toDiagnostic(p)) };
  const claimed = new Map<string, string>();
  for (const input of files) {
    const fileReport = await buildOne(input, outDir, options, claimed);
    report.files.push(fileReport);
    options.onFile?.(fileReport);
  }
  return report;
}

async function buildOne(input: InputFile, outDir: string, options: BuildOptions, claimed: Map<string, string>): Promise<FileReport> {
  const report: FileReport = { file: input.display, status: 'built', outputs: [], items: 0, messages: [] };
  const fail = (d: Diagnostic) => {
    report.status = 'failed';
    report.messages.push(d);
    return report;
  };
  let document: StudyDocument;
  try {
    const text = input.absolute
      ? await readNotesFile(input.absolute, input.display, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)
      : decodeBytes(await (options.readStdin ?? readProcessStdin)(), input.display);
    const parsed = parseNotes(text, { file: input.relative, language: options.language, keepBoilerplate: options.keepBoilerplate });
    document = parsed.document;
    report.messages.push(...parsed.messages.map((m) => ({ ...m, file: input.display })));
  } catch (error) {
    if (error instanceof NotesError) return fail(toDiagnostic(error));
    throw error;
  }
  report.items = countItems(document);
  const timestamp = await sourceTimestamp(input);
  const stem = input.relative.replace(/\.[^./]+$/, '');
  for (const renderer of options.renderers) {
    const target = join(outDir, stem + renderer.extension);
    const owner = claimed.get(target);
    if (owner && owner !== input.display) {
      fail({ file: input.display, severity: 'error', message: `${renderer.name} output ${target} is already written by ${owner}; rename one of the files`, ruleId: 'output-collision' });
      continue;
    }
    const context: RenderContext = {
      sourcePath: input.relative,
      sourceAbsolutePath: input.absolute,
      templatesDir: options.templatesDir ?? null,
      timestamp,
      options: options.rendererOptions?.[renderer.name] ?? {},
      outputPath: target,
      report: (m) => report.messages.push({ severity: 'warning', ...m, file: input.display }),
    };
    try {
      const output = await renderer.render(document, context);
      if (output === null) continue;
      await writeFileAtomic(target, output);
      claimed.set(target, input.display);
      report.outputs.push(target);
    } catch (error) {
      fail({ file: input.display, severity: 'error', message: `${renderer.name} renderer failed: ${(error as Error).message}`, ruleId: `render-${renderer.name}` });
    }
  }
  return report;
}

/**
 * Every date written into an output comes from here: SOURCE_DATE_EPOCH when set (reproducible
 * builds convention), else the notes file's modification time, so an unchanged file keeps its dates.
 */
export async function sourceTimestamp(input: Pick<InputFile, 'absolute'>): Promise<number> {
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  if (!input.absolute) return 0;
  try {
    return Math.floor((await stat(input.absolute)).mtimeMs / 1000);
  } catch {
    return 0;
  }
}

export function toDiagnostic(error: NotesError): Diagnostic {
  const d: Diagnostic = { file: error.file, severity: 'error', message: error.message, ruleId: error.code };
  if (error.line !== undefined) d.line = error.line;
  if (error.column !== undefined) d.column = error.column;
  return d;
}

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
