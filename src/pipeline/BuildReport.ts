import type { Diagnostic } from '../model/Diagnostic.js';

export interface FileReport {
  file: string;
  /** `skipped`: unchanged since the last build, outputs and messages taken from the cache. */
  status: 'built' | 'skipped' | 'failed';
  outputs: string[];
  items: number;
  /** What the build counted, shown in the index: the notes' `words` and those `covered` by an item (coverage), `cards` and `questions`. */
  counts?: Record<string, number>;
  messages: Diagnostic[];
}

export interface CourseReport {
  name: string;
  /** The folder the course was built from, as given. */
  folder: string;
  status: 'built' | 'skipped' | 'failed';
  files: number;
  outputs: string[];
}

export interface BuildReport {
  files: FileReport[];
  /** Problems that belong to no single notes file (a folder that could not be read, a course output). */
  messages: Diagnostic[];
  courses: CourseReport[];
  /** Path of the index written (or kept), null when there is none. */
  index: string | null;
  outDir: string;
  /** Outputs removed because their notes file is no longer in the folder built. */
  removed: string[];
}
