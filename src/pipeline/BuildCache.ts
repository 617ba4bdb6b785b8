import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StudyDocument } from '../model/StudyDocument.js';
import type { Diagnostic } from './Diagnostic.js';
import { onInterrupt, writeFileAtomic } from './writeFileAtomic.js';

/** Bumped whenever the shape of the state file changes: an old cache is then simply ignored. */
const CACHE_FORMAT = 1;
export const CACHE_DIR = '.revise-cache';

export interface CachedFile {
  key: string;
  /** The date the outputs were built with, kept while the content stays the same. */
  timestamp: number;
  /** Outputs relative to the output folder, forward slashes. */
  outputs: string[];
  items: number;
  messages: Diagnostic[];
  title: string;
  language: string;
}

export interface CachedPart {
  key: string;
  outputs: string[];
}

interface CacheState {
  format: number;
  optionsKey: string;
  files: Record<string, CachedFile>;
  /** Course outputs and the index, by name. */
  parts: Record<string, CachedPart>;
}

export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) {
    hash.update(p);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * What the previous builds into one output folder produced, kept inside that folder (nothing is written
 * outside --out). A file is fresh when its key (content, path, options, templates, revise version)
 * matches and its outputs are still on disk; its date is not part of the key, so a fresh checkout
 * or a `touch` neither rebuilds it nor changes the dates written into its outputs. Documents are kept too, so course outputs can be
 * rebuilt after one change without parsing the unchanged files again.
 */
export class BuildCache {
  private state: CacheState;
  private dirty = false;
  private stopSavingOnInterrupt: (() => void) | null = null;

  private constructor(
    readonly outDir: string,
    optionsKey: string,
    state: CacheState | null,
  ) {
    this.state = state && state.format === CACHE_FORMAT && state.optionsKey === optionsKey ? state : { format: CACHE_FORMAT, optionsKey, files: {}, parts: {} };
    if (this.state !== state) this.dirty = true;
  }

  static async open(outDir: string, optionsKey: string, { reuse = true } = {}): Promise<BuildCache> {
    let state: CacheState | null = null;
    if (reuse) {
      try {
        state = JSON.parse(await readFile(join(outDir, CACHE_DIR, 'state.json'), 'utf8')) as CacheState;
      } catch {
        state = null;
      }
    }
    return new BuildCache(outDir, optionsKey, state);
  }

  get optionsKey(): string {
    return this.state.optionsKey;
  }

  /** The record of the last successful build of a file, whether or not it is still valid. */
  previous(id: string): CachedFile | undefined {
    return this.state.files[id];
  }

  /** Every file (by absolute path) the cache has a record of. */
  ids(): string[] {
    return Object.keys(this.state.files);
  }

  /** The cached record of a file when it is still valid for `key` and its outputs all exist. */
  async fresh(id: string, key: string): Promise<CachedFile | null> {
    const entry = this.state.files[id];
    if (!entry || entry.key !== key) return null;
    const paths = [...entry.outputs.map((o) => join(this.outDir, o)), this.documentPath(key)];
    const present = await Promise.all(paths.map((p) => stat(p).then(() => true, () => false)));
    return present.every(Boolean) ? entry : null;
  }

  async freshPart(name: string, key: string): Promise<boolean> {
    const part = this.state.parts[name];
    if (!part || part.key !== key) return false;
    const present = await Promise.all(part.outputs.map((o) => stat(join(this.outDir, o)).then(() => true, () => false)));
    return present.every(Boolean);
  }

  async remember(id: string, entry: CachedFile, document: StudyDocument): Promise<void> {
    await writeFileAtomic(this.documentPath(entry.key), JSON.stringify(document));
    this.state.files[id] = entry;
    this.dirty = true;
    // Ctrl-C keeps what was finished: the next build resumes instead of starting over.
    this.stopSavingOnInterrupt ??= onInterrupt(() => this.saveNow());
  }

  part(name: string): CachedPart | undefined {
    return this.state.parts[name];
  }

  rememberPart(name: string, part: CachedPart): void {
    this.state.parts[name] = part;
    this.dirty = true;
  }

  /** A failed file is never cached, so the next build tries it again. */
  forget(id: string): void {
    if (!this.state.files[id]) return;
    delete this.state.files[id];
    this.dirty = true;
  }

  async document(key: string): Promise<StudyDocument> {
    return JSON.parse(await readFile(this.documentPath(key), 'utf8')) as StudyDocument;
  }

  async save(): Promise<void> {
    this.stopSavingOnInterrupt?.();
    this.stopSavingOnInterrupt = null;
    if (!this.dirty) return;
    await writeFileAtomic(join(this.outDir, CACHE_DIR, 'state.json'), JSON.stringify(this.state));
    const kept = new Set(Object.values(this.state.files).map((f) => `${f.key}.json`));
    const docs = join(this.outDir, CACHE_DIR, 'docs');
    const names = await readdir(docs).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => !kept.has(n) && n.endsWith('.json')).map((n) => rm(join(docs, n), { force: true })));
    this.dirty = false;
  }

  /** Synchronous, for the interrupt handler; same temp-then-rename as writeFileAtomic. */
  private saveNow(): void {
    const file = join(this.outDir, CACHE_DIR, 'state.json');
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(this.state));
    renameSync(`${file}.${process.pid}.tmp`, file);
  }

  private documentPath(key: string): string {
    return join(this.outDir, CACHE_DIR, 'docs', `${key}.json`);
  }
}
