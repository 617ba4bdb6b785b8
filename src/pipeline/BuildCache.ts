import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StudyDocument } from '../model/StudyDocument.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import { onInterrupt, writeFileAtomic } from './writeFileAtomic.js';

/** Bumped whenever the shape of the state file changes: an old cache is then simply ignored. */
const CACHE_FORMAT = 2;
export const CACHE_DIR = '.revise-cache';

export interface CachedFile {
  key: string;
  /** The date the outputs were built with, kept while the content stays the same. */
  timestamp: number;
  /** Outputs relative to the output folder, forward slashes. */
  outputs: string[];
  items: number;
  /** What renderers counted (cards, questions), for the index. */
  counts?: Record<string, number>;
  messages: Diagnostic[];
  title: string;
  language: string;
  /** Files kept for this file inside the cache folder (its document, its course parts), relative to it. */
  stored: string[];
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
  /** Renderer name → its last successful course join (course outputs only). */
  joins?: Record<string, CachedJoin>;
}

/** What to keep for a built file besides its record: its document and its share of course outputs. */
export interface StoredExtras {
  document?: StudyDocument;
  parts?: readonly { renderer: string; data: string }[];
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
 * or a `touch` neither rebuilds it nor changes the dates written into its outputs. Each file's share
 * of the course outputs is kept too (and its document when a renderer needs whole documents), so
 * course outputs are rejoined after one change without parsing or rendering the unchanged files.
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
    const paths = [...entry.outputs.map((o) => join(this.outDir, o)), ...entry.stored.map((f) => join(this.outDir, CACHE_DIR, f))];
    const present = await Promise.all(paths.map((p) => stat(p).then(() => true, () => false)));
    return present.every(Boolean) ? entry : null;
  }

  async freshPart(name: string, key: string): Promise<boolean> {
    const part = this.state.parts[name];
    if (!part || part.key !== key) return false;
    const present = await Promise.all(part.outputs.map((o) => stat(join(this.outDir, o)).then(() => true, () => false)));
    return present.every(Boolean);
  }

  async remember(id: string, record: Omit<CachedFile, 'stored'>, extras: StoredExtras = {}): Promise<void> {
    const stored: string[] = [];
    const keep = async (file: string, text: string) => {
      await writeFileAtomic(join(this.outDir, CACHE_DIR, file), text);
      stored.push(file);
    };
    if (extras.document) await keep(documentFile(record.key), JSON.stringify(extras.document));
    for (const part of extras.parts ?? []) await keep(partFile(record.key, part.renderer), part.data);
    this.state.files[id] = { ...record, stored };
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
    return JSON.parse(await readFile(join(this.outDir, CACHE_DIR, documentFile(key)), 'utf8')) as StudyDocument;
  }

  /** A file's share of a course output, as its renderer's `coursePart` gave it. */
  async coursePart(key: string, renderer: string): Promise<Buffer> {
    return readFile(join(this.outDir, CACHE_DIR, partFile(key, renderer)));
  }

  async save(): Promise<void> {
    this.stopSavingOnInterrupt?.();
    this.stopSavingOnInterrupt = null;
    if (!this.dirty) return;
    await writeFileAtomic(join(this.outDir, CACHE_DIR, 'state.json'), JSON.stringify(this.state));
    const kept = new Set(Object.values(this.state.files).flatMap((f) => f.stored));
    for (const folder of ['docs', 'parts']) {
      const names = await readdir(join(this.outDir, CACHE_DIR, folder)).catch(() => [] as string[]);
      const gone = names.filter((n) => !kept.has(`${folder}/${n}`) && !n.endsWith('.tmp'));
      await Promise.all(gone.map((n) => rm(join(this.outDir, CACHE_DIR, folder, n), { force: true })));
    }
    this.dirty = false;
  }

  /** Synchronous, for the interrupt handler; same temp-then-rename as writeFileAtomic. */
  private saveNow(): void {
    const file = join(this.outDir, CACHE_DIR, 'state.json');
    mkdirSync(join(this.outDir, CACHE_DIR), { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(this.state));
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
}

function documentFile(key: string): string {
  return `docs/${key}.json`;
}

function partFile(key: string, renderer: string): string {
  return `parts/${key}.${renderer.replace(/[^\w.-]/g, '_')}.txt`;
}
