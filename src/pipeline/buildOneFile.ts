import { countItems, type StudyDocument } from '../model/StudyDocument.js';
import { NotesError } from '../model/NotesError.js';
import { readNotes } from '../parse/readNotes.js';
import { joinsParts } from '../render/joinsParts.js';
import type { Renderer, RenderContext } from '../render/Renderer.js';
import { toDiagnostic, type Diagnostic } from '../model/Diagnostic.js';
import { shaOf } from './shaOf.js';
import { readNotesFile, tooLargeMessage } from './readNotesFile.js';
import { buildRoot, readMedia } from './readMedia.js';
import type { MediaTable } from '../model/MediaFile.js';

/** Everything needed to build one notes file, plain data so it can be sent to a worker thread. */
export interface FileTask {
  /** Absolute path, or null when `stdin` holds the bytes. */
  absolute: string | null;
  relative: string;
  display: string;
  stdin?: Uint8Array;
  language?: string;
  keepBoilerplate?: boolean;
  maxFileBytes: number;
  templatesDir: string | null;
  /** Absolute output path without the renderer's extension; renderers may read their previous output. */
  outputStem: string;
  timestamp: number;
  rendererOptions: Record<string, Record<string, unknown>>;
  /** The file belongs to a folder build: also compute its share of each course output. */
  courseParts?: boolean;
  /** Date.now() after which the file is given up, checked between steps. */
  deadline?: number;
}

export interface RenderedOutput {
  renderer: string;
  data: string | Uint8Array;
  /** SHA-256 of `data`, made where it was rendered (a worker thread) for the cache's output checks. */
  sha?: string;
}

/** What building one file produced, in memory: the caller decides where and whether to write it. */
export interface FileResult {
  document: StudyDocument | null;
  items: number;
  messages: Diagnostic[];
  failed: boolean;
  outputs: RenderedOutput[];
  /** The file's share of each course output (renderers with `coursePart` and `joinCourse`). */
  parts: { renderer: string; data: string }[];
  /** Read, parsed and every course part made: the file goes into the course outputs. */
  inCourse: boolean;
  /** What the build counted: the notes' `words` and those `covered` by an item, and what renderers counted (`cards`, `questions`). */
  counts?: Record<string, number>;
  /** Images read for the renderers (model path → sha256): a change to one makes the file stale. */
  media?: Record<string, string>;
}


/**
 * read → parse → render one file; every problem becomes a message on this file, never a throw.
 * Renderers with course parts go first and `onParts` hears as soon as they are done, so course
 * outputs can be joined while the file's other outputs (a PDF) are still being rendered.
 */
export async function buildOneFile(task: FileTask, renderers: readonly Renderer[], onParts?: (result: FileResult) => void): Promise<FileResult> {
  const result: FileResult = { document: null, items: 0, messages: [], failed: false, outputs: [], parts: [], inCourse: false };
  let document: StudyDocument;
  try {
    const bytes = task.absolute ? await readNotesFile(task.absolute, task.display, task.maxFileBytes) : (task.stdin ?? new Uint8Array());
    if (bytes.length > task.maxFileBytes) throw new NotesError('too-large', task.display, tooLargeMessage(bytes.length, task.maxFileBytes));
    const parsed = await readNotes(bytes, { file: task.relative, display: task.display, language: task.language, keepBoilerplate: task.keepBoilerplate });
    document = parsed.document;
    result.messages.push(...parsed.messages.map((m) => ({ ...m, file: task.display })));
  } catch (error) {
    if (!(error instanceof NotesError)) throw error;
    result.failed = true;
    result.messages.push(toDiagnostic(error));
    onParts?.(result);
    return result;
  }
  result.document = document;
  result.items = countItems(document);
  // How much of the notes reached an item: shown per file in the index and the report.
  if (document.coverage) result.counts = { words: document.coverage.words, covered: document.coverage.covered };
  const read = await readMedia(document, buildRoot(task), task.display);
  result.messages.push(...read.messages);
  const media: MediaTable = read.media;
  if (Object.keys(read.looked).length) result.media = read.looked;
  // The same order in a worker and in this thread, so messages come out in the same order either way.
  const order = [...renderers.filter(joinsParts), ...renderers.filter((r) => !joinsParts(r))];
  let announced = false;
  const partsDone = () => {
    if (announced) return;
    announced = true;
    result.inCourse = !result.failed;
    onParts?.(result);
  };
  for (const renderer of order) {
    if (!joinsParts(renderer)) partsDone();
    if (task.deadline !== undefined && Date.now() > task.deadline) {
      result.failed = true;
      result.messages.push({ file: task.display, severity: 'error', message: `took too long to build; stopped before its ${renderer.name} output (raise the limit with --timeout)`, ruleId: 'timeout' });
      break;
    }
    const context: RenderContext = {
      sourcePath: task.relative,
      sourceAbsolutePath: task.absolute,
      templatesDir: task.templatesDir,
      outputPath: task.outputStem + renderer.extension,
      timestamp: task.timestamp,
      options: task.rendererOptions[renderer.name] ?? {},
      media,
      report: (m) => result.messages.push({ severity: 'warning', ...m, file: task.display }),
      count: (what, n) => (result.counts = { ...result.counts, [what]: n }),
    };
    try {
      const data = await renderer.render(document, context);
      if (data !== null) result.outputs.push({ renderer: renderer.name, data, sha: shaOf(data) });
      if (task.courseParts && joinsParts(renderer)) {
        const part = await renderer.coursePart!(document, context);
        if (typeof part !== 'string') throw new Error(`coursePart must return a string, got ${typeof part}`);
        result.parts.push({ renderer: renderer.name, data: part });
      }
    } catch (error) {
      result.failed = true;
      result.messages.push({
        file: task.display,
        severity: 'error',
        message: `${renderer.name} renderer failed: ${(error as Error)?.message ?? String(error)}`,
        ruleId: `render-${renderer.name}`,
      });
    }
  }
  partsDone();
  result.outputs.sort((a, b) => renderers.findIndex((r) => r.name === a.renderer) - renderers.findIndex((r) => r.name === b.renderer));
  return result;
}
