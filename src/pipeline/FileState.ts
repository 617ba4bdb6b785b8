import type { StudyDocument } from '../model/StudyDocument.js';
import type { CachedFile } from './CacheState.js';
import type { FileReport } from './BuildReport.js';
import type { InputFile } from './collectInputs.js';

/** Where one input stands in a build: its cache key and, once known, what building it gave. */
export interface FileState {
  input: InputFile;
  /** The file's name in the cache: its path relative to the folder built; null when another input has it too. */
  id: string | null;
  timestamp: number;
  key: string | null;
  /** The cache record that lets this file be skipped; null when it must be built. */
  cached: CachedFile | null;
  /** Renderer name → the file whose output already takes this file's target path. */
  blocked: Map<string, string>;
  report?: FileReport;
  /** Known once built or found unchanged. */
  title?: string;
  language?: string;
  /** Kept in memory only for renderers that want whole documents for their course output. */
  document?: StudyDocument | null;
  /** Shares of course outputs kept in memory until cached (or when they cannot be), by renderer. */
  parts?: Map<string, string>;
  /** Known once the file's course parts are made (or it failed before): it goes into the course outputs. */
  inCourse?: boolean;
  /** Settles once `inCourse` is known. */
  partsReady: Promise<void>;
  markPartsReady: () => void;
}

export function createFileState(input: InputFile): FileState {
  let markPartsReady = () => {};
  const partsReady = new Promise<void>((resolve) => (markPartsReady = resolve));
  return { input, id: null, timestamp: 0, key: null, cached: null, blocked: new Map(), partsReady, markPartsReady };
}

/** The file is done (built, failed or found unchanged): its report is final and progress hears of it. */
export function finishFile(state: FileState, report: FileReport, onFile?: (report: FileReport) => void): void {
  state.report = report;
  onFile?.(report);
}

/** What the course outputs need of a built file, known before its last outputs are rendered. */
export function notePartsMade(
  state: FileState,
  result: { document: StudyDocument | null; inCourse: boolean; parts: readonly { renderer: string; data: string }[] },
  keepDocument: boolean,
): void {
  state.title = result.document?.title ?? state.input.relative;
  state.language = result.document?.language ?? 'und';
  state.document = keepDocument ? result.document : null;
  state.inCourse = result.inCourse;
  if (result.parts.length > 0) state.parts = new Map(result.parts.map((p) => [p.renderer, p.data]));
  state.markPartsReady();
}
