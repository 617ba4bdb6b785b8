import type { StudyDocument } from '../model/StudyDocument.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import type { MediaTable } from '../model/MediaFile.js';

/** What a renderer knows about the build besides the document itself. */
export interface RenderContext {
  /** Path of the notes file relative to the build root (forward slashes), as in `document.file`. */
  sourcePath: string;
  /** Absolute path of the notes file, or null for standard input. */
  sourceAbsolutePath: string | null;
  /** Directory holding user templates that override the built-in ones, if any. */
  templatesDir: string | null;
  /** Seconds since the epoch used for every date written into an output, for byte-identical builds. */
  timestamp: number;
  /** Renderer-specific options from the CLI or configuration. */
  options: Readonly<Record<string, unknown>>;
  /** Where the output will be written; a renderer may read the previous build there (anki does). */
  outputPath?: string;
  /** Tells the build how many study units this output holds (`cards`, `questions`), for the index page. */
  count?(what: string, n: number): void;
  /**
   * The images the notes refer to, read by the pipeline from inside the build root (by model
   * `path`). Renderers never read files: an image missing here is shown by its alt text (the
   * pipeline has already warned about it).
   */
  media?: MediaTable;
  /** Reports a problem tied to this file without failing it. */
  report(message: Omit<Diagnostic, 'file' | 'severity'> & { severity?: Diagnostic['severity'] }): void;
}

export type RenderOutput = string | Uint8Array | null;

/** Context for a course-level output built from every document of a folder build. */
export interface CourseRenderContext {
  /** Name of the course (the folder's name, or the configured deck name). */
  courseName: string;
  templatesDir: string | null;
  /** The newest timestamp of the course's files (or SOURCE_DATE_EPOCH). */
  timestamp: number;
  options: Readonly<Record<string, unknown>>;
  /** Where the course output will be written, as in RenderContext. */
  outputPath?: string;
  report(message: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }): void;
}

/** One file's share of a course output, as handed to `joinCourse`. Parts come sorted by `file`. */
export interface CoursePart {
  /** Path of the notes file relative to the course folder, forward slashes (as `document.file`). */
  file: string;
  title: string;
  language: string;
  /**
   * True when this part is new or differs from the one the previous course output was joined from.
   * When `CourseJoinContext.previous` is null there is nothing to compare with: every part is changed.
   */
  changed: boolean;
  /** The part as `coursePart` returned it, read back from the build cache. */
  read(): Promise<string>;
  /** The same as UTF-8 bytes, for joins that only splice parts together (no decoding, no copy). */
  readBytes(): Promise<Uint8Array>;
}

export interface CourseJoinContext extends CourseRenderContext {
  /**
   * The previous join of this course output, when its output file is still where `outputPath` says
   * and the build cache remembers it: the `state` that join returned and the files no longer in the
   * course. Null means build from every part. A renderer that updates its previous output in place
   * must give bytes identical to a join from scratch.
   */
  previous: { state: unknown; removed: readonly string[] } | null;
}

export interface CourseJoinResult {
  output: RenderOutput;
  /** Small JSON-safe state kept in the build cache and handed back to the next join. */
  state?: unknown;
}

/**
 * One output format. `render` returns the whole file (string for text, bytes for binary), or null
 * when there is nothing worth writing (it should then report why).
 */
export interface Renderer {
  name: string;
  /** Appended to the notes file's name without its extension: `.pdf`, `.apkg`, `.mcq.json`. */
  extension: string;
  binary: boolean;
  description: string;
  /** Built only when named in `--format` (or `formats`), not by default: the teacher exports. */
  optional?: boolean;
  render(document: StudyDocument, context: RenderContext): RenderOutput | Promise<RenderOutput>;
  /**
   * Optional course-level output for a folder build (one deck with a sub-deck per file, one question
   * bank). Documents come sorted by `file`; `document.file` is relative to the course folder.
   */
  renderCourse?(documents: readonly StudyDocument[], context: CourseRenderContext): RenderOutput | Promise<RenderOutput>;
  /**
   * Incremental course outputs, preferred to `renderCourse` when both are given: `coursePart` runs
   * when a file is built (in a worker thread) and its text is cached with the file, so after one
   * change `joinCourse` only reassembles parts instead of rendering every document again.
   */
  coursePart?(document: StudyDocument, context: RenderContext): string | Promise<string>;
  joinCourse?(parts: readonly CoursePart[], context: CourseJoinContext): CourseJoinResult | Promise<CourseJoinResult>;
}
