import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StudyDocument } from '../model/StudyDocument.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import { describeFsError } from './describeFsError.js';
import { shaOf } from './shaOf.js';
import { CACHE_FORMAT, type CachedFile, type CachedPart, type CacheState, type OutputCheck } from './CacheState.js';
import { validateCacheState } from './validateCacheState.js';
import { onInterrupt, writeFileAtomic } from './writeFileAtomic.js';

export const CACHE_DIR = '.revise-cache';

/** What to keep for a built file besides its record: its document and its share of course outputs. */
export interface StoredExtras {
  document?: StudyDocument;
  parts?: readonly { renderer: string; data: string }[];
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
 * outside --out). Files are known by their path relative to the folder built (or their name, for a
 * file named directly), so a project moved elsewhere, or checked out in another folder, keeps its
 * cache. A file is fresh when its key (content, path, options, templates, revise version) matches and
 * its outputs are still on disk as they were written; its date is not part of the key, so a fresh
 * checkout or a `touch` neither rebuilds it nor changes the dates written into its outputs. Each
 * file's share of the course outputs is kept too (and its document when a renderer needs whole
 * documents), so course outputs are rejoined after one change without parsing or rendering the
 * unchanged files. Whatever is found on disk is checked before use: a bad record is a miss.
 */
export class BuildCache {
  private state: CacheState;
  private dirty = false;
  private stopSavingOnInterrupt: (() => void) | null = null;
  /** Why the cache could not be written, once it failed: later writes are not tried. */
  failure: string | null = null;

  private constructor(
    readonly outDir: string,
    optionsKey: string,
    state: CacheState | null,
  ) {
    this.state = state && state.optionsKey === optionsKey ? state : { format: CACHE_FORMAT, optionsKey, files: {}, parts: {} };
    if (this.state !== state) this.dirty = true;
  }

  static async open(outDir: string, optionsKey: string, { reuse = true } = {}): Promise<BuildCache> {
    let state: CacheState | null = null;
    if (reuse) {
      try {
        state = validateCacheState(JSON.parse(await readFile(join(outDir, CACHE_DIR, 'state.json'), 'utf8')));
      } catch {
        state = null;
      }
    }
    return new BuildCache(outDir, optionsKey, state);
  }

  /** The record of the last successful build of a file, whether or not it is still valid. */
  previous(id: string): CachedFile | undefined {
    return Object.hasOwn(this.state.files, id) ? this.state.files[id] : undefined;
  }

  /** Every file the cache has a record of. */
  ids(): string[] {
    return Object.keys(this.state.files);
  }

  /** The cached record of a file when it is still valid for `key` and its outputs and stored parts are intact. */
  async fresh(id: string, key: string): Promise<CachedFile | null> {
    const entry = this.previous(id);
    if (!entry || entry.key !== key) return null;
    const stored = await Promise.all(entry.stored.map((s) => stat(join(this.outDir, CACHE_DIR, s.file)).then((st) => st.size === s.size, () => false)));
    if (!stored.every(Boolean)) return null;
    return (await this.intact(entry.outputs, entry.checks)) ? entry : null;
  }

  async freshPart(name: string, key: string): Promise<boolean> {
    const part = this.part(name);
    return part !== undefined && part.key === key && (await this.intact(part.outputs, part.checks));
  }

  /**
   * Every output is where it was written, with its size and date; when only the date moved, with its
   * bytes (then the new date is kept, so the next check is a stat again). A truncated or edited
   * output is not intact, and its file is built again.
   */
  private async intact(outputs: readonly string[], checks: readonly OutputCheck[]): Promise<boolean> {
    if (outputs.length !== checks.length) return false;
    const results = await Promise.all(
      outputs.map(async (o, i) => {
        const path = join(this.outDir, o);
        const st = await stat(path).catch(() => null);
        const check = checks[i];
        if (!st?.isFile() || st.size !== check.size) return false;
        if (st.mtimeMs === check.mtimeMs) return true;
        const same = await readFile(path).then((bytes) => shaOf(bytes) === check.sha, () => false);
        if (same) {
          check.mtimeMs = st.mtimeMs;
          this.dirty = true;
        }
        return same;
      }),
    );
    return results.every(Boolean);
  }

  async remember(id: string, record: Omit<CachedFile, 'stored'>, extras: StoredExtras = {}): Promise<void> {
    if (this.failure) throw new Error(this.failure);
    const stored: CachedFile['stored'] = [];
    const keep = async (file: string, text: string) => {
      await writeFileAtomic(join(this.outDir, CACHE_DIR, file), text);
      stored.push({ file, size: Buffer.byteLength(text) });
    };
    try {
      if (extras.document) await keep(documentFile(record.key), JSON.stringify(extras.document));
      for (const part of extras.parts ?? []) await keep(partFile(record.key, part.renderer), part.data);
    } catch (error) {
      this.failure = `cannot write the build cache in ${join(this.outDir, CACHE_DIR)}: ${describeFsError(error) ?? (error as Error).message}`;
      throw error;
    }
    this.state.files[id] = { ...record, stored };
    this.dirty = true;
    // Ctrl-C keeps what was finished: the next build resumes instead of starting over.
    this.stopSavingOnInterrupt ??= onInterrupt(() => this.saveNow());
  }

  part(name: string): CachedPart | undefined {
    return Object.hasOwn(this.state.parts, name) ? this.state.parts[name] : undefined;
  }

  rememberPart(name: string, part: CachedPart): void {
    this.state.parts[name] = part;
    this.dirty = true;
  }

  /** A failed file is never cached, so the next build tries it again. */
  forget(id: string): void {
    if (!this.previous(id)) return;
    delete this.state.files[id];
    this.dirty = true;
  }

  async document(key: string): Promise<StudyDocument> {
    return JSON.parse(await readFile(join(this.outDir, CACHE_DIR, documentFile(key)), 'utf8')) as StudyDocument;
  }

  /** A file's share of a course output, as its renderer's `coursePart` gave it. */
  /** Whether a course part was stored for this file's key and renderer. */
  async hasCoursePart(key: string, renderer: string): Promise<boolean> {
    return stat(join(this.outDir, CACHE_DIR, partFile(key, renderer))).then(
      (st) => st.isFile(),
      () => false,
    );
  }

  async coursePart(key: string, renderer: string): Promise<Buffer> {
    return readFile(join(this.outDir, CACHE_DIR, partFile(key, renderer)));
  }

  /** Writes the state and drops stored files no record names; returns why it could not, or null. */
  async save(): Promise<string | null> {
    this.stopSavingOnInterrupt?.();
    this.stopSavingOnInterrupt = null;
    if (!this.dirty) return this.failure;
    try {
      await writeFileAtomic(join(this.outDir, CACHE_DIR, 'state.json'), JSON.stringify(this.state));
      const kept = new Set(Object.values(this.state.files).flatMap((f) => f.stored.map((s) => s.file)));
      for (const folder of ['docs', 'parts']) {
        const names = await readdir(join(this.outDir, CACHE_DIR, folder)).catch(() => [] as string[]);
        const gone = names.filter((n) => !kept.has(`${folder}/${n}`) && !n.endsWith('.tmp'));
        await Promise.all(gone.map((n) => rm(join(this.outDir, CACHE_DIR, folder, n), { force: true })));
      }
      this.dirty = false;
    } catch (error) {
      this.failure ??= `cannot write the build cache in ${join(this.outDir, CACHE_DIR)}: ${describeFsError(error) ?? (error as Error).message}`;
    }
    return this.failure;
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
