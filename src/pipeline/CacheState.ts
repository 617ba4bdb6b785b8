import type { Diagnostic } from '../model/Diagnostic.js';

// The build cache's state file, `<out>/.revise-cache/state.json`, and its records.

/** Bumped whenever the shape of the state file changes: an old cache is then simply ignored. */
export const CACHE_FORMAT = 3;

export interface CacheState {
  format: number;
  optionsKey: string;
  /** By file: its path relative to the folder built, or its name when named directly. */
  files: Record<string, CachedFile>;
  /** Course outputs and the index, by name. */
  parts: Record<string, CachedPart>;
}

/** What an output was when written: a later build calls it unchanged only if it still is. */
export interface OutputCheck {
  size: number;
  mtimeMs: number;
  /** SHA-256 of its bytes, compared when the size is right but the date moved (a copy, a checkout). */
  sha: string;
}

export interface CachedFile {
  key: string;
  /** The date the outputs were built with, kept while the content stays the same. */
  timestamp: number;
  /** Outputs relative to the output folder, forward slashes. */
  outputs: string[];
  /** One per output, in the same order. */
  checks: OutputCheck[];
  items: number;
  /** What renderers counted (cards, questions), for the index. */
  counts?: Record<string, number>;
  messages: Diagnostic[];
  title: string;
  language: string;
  /** Name of the folder built the file was found in (null for a file named directly). */
  root: string | null;
  /** Image files the build read (relative to the build root) → sha256, '' when missing: a change rebuilds the file. */
  media?: Record<string, string>;
  /** Files kept for this file inside the cache folder (its document, its course parts), relative to it, with their size. */
  stored: { file: string; size: number }[];
}

/** What a course output's last join was made from, so the next one can update it in place. */
export interface CachedJoin {
  /** Notes file relative to the course folder → its cache key when it was joined. */
  members: Record<string, string>;
  state: unknown;
}

export interface CachedPart {
  key: string;
  outputs: string[];
  checks: OutputCheck[];
  /** Renderer name → its last successful course join (course outputs only). */
  joins?: Record<string, CachedJoin>;
}

