import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { IgnoreFilter } from '../config/loadIgnoreFile.js';
import type { StudyDocument } from '../model/StudyDocument.js';
import { joinsParts } from '../render/joinsParts.js';
import type { CoursePart, CourseRenderContext, Renderer, RenderOutput } from '../render/Renderer.js';
import { BuildCache, hashOf, type CachedFile, type CachedJoin } from './BuildCache.js';
import type { FileResult, FileTask } from './buildOneFile.js';
import { collectInputs, type InputFile } from './collectInputs.js';
import type { WorkerPool } from './createWorkerPool.js';
import { toDiagnostic, type Diagnostic } from '../model/Diagnostic.js';
import { DEFAULT_MAX_FILE_BYTES } from './readNotesFile.js';
import type { RendererSpec } from './RendererSpec.js';
import { renderIndex, type IndexEntry } from './renderIndex.js';
import { buildRoot, mediaUnchanged } from './readMedia.js';
import { describeDropped, readQualitySummary } from '../render/quality/QualityLog.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export { toDiagnostic };

const REVISE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Renderers to run, and for each how a worker thread can load it (null: only in this thread). */
export interface LoadedRenderers {
  renderers: Renderer[];
  specs?: (RendererSpec | null)[];
}

export interface BuildOptions {
  paths: string[];
  outDir: string;
  /** The renderers to run. Or give `loadRenderers`, so they are imported only when something must be built. */
  renderers?: Renderer[];
  loadRenderers?: () => Promise<LoadedRenderers>;
  /** Names the lazily loaded renderer set in the cache key (their names and the configured plugins). */
  renderersKey?: string;
  cwd?: string;
  language?: string;
  keepBoilerplate?: boolean;
  templatesDir?: string | null;
  maxFileBytes?: number;
  rendererOptions?: Record<string, Record<string, unknown>>;
  /** Bytes of standard input when a path is `-`. */
  readStdin?: () => Promise<Uint8Array>;
  /** Called once with the number of notes files found, before any is built. */
  onStart?: (total: number) => void;
  /** Called once per file as soon as it is done (or found unchanged), for progress output. */
  onFile?: (report: FileReport) => void;
  /** Paths left out of folder walks (`.reviseignore`). */
  ignore?: IgnoreFilter;
  /** Rebuild every file, ignoring what the cache says. */
  force?: boolean;
  /** False: keep no cache in the output folder and rebuild everything. */
  cache?: boolean;
  /** Worker threads; 1 builds in this thread. Default: one per core when there is enough work. */
  jobs?: number;
  /** Name of course-level outputs; defaults to the name of each folder built. */
  courseName?: string;
  /** File name of the index of outputs (`.html` or `.md`), or false for none. Written for folder builds. */
  index?: string | false;
}

export interface FileReport {
  file: string;
  /** `skipped`: unchanged since the last build, outputs and messages taken from the cache. */
  status: 'built' | 'skipped' | 'failed';
  outputs: string[];
  items: number;
  /** What renderers counted (cards, questions), shown in the index. */
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

/** Where one input stands: its cache key and, once known, what building it gave. */
interface FileState {
  input: InputFile;
  timestamp: number;
  key: string | null;
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
  partsReady: Promise<void>;
  markPartsReady: () => void;
}

/**
 * read → parse → render → write for every notes file, skipping the unchanged ones; then the course
 * outputs and the index for folder builds. One failing file never stops the others, and the bytes
 * written never depend on the order in which files finish.
 */
export async function buildFiles(options: BuildOptions): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  const { files, problems } = await collectInputs(options.paths, cwd, [outDir], options.ignore);
  const report: BuildReport = { files: [], messages: problems.map((p) => toDiagnostic(p)), courses: [], index: null, outDir, removed: [] };
  options.onStart?.(files.length);

  let loaded: LoadedRenderers | null = options.renderers ? { renderers: options.renderers } : null;
  const getRenderers = async (): Promise<LoadedRenderers> => {
    if (!loaded) {
      if (!options.loadRenderers) throw new Error('buildFiles needs `renderers` or `loadRenderers`');
      loaded = await options.loadRenderers();
    }
    return loaded;
  };
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const templatesDir = options.templatesDir ?? null;
  const optionsKey = hashOf(
    REVISE_VERSION,
    options.renderers ? options.renderers.map((r) => `${r.name}${r.extension}`).join(',') : options.renderersKey ?? '',
    options.language ?? '',
    String(Boolean(options.keepBoilerplate)),
    String(maxFileBytes),
    JSON.stringify(options.rendererOptions ?? {}),
    await hashTemplates(templatesDir),
    process.env.SOURCE_DATE_EPOCH ?? '',
  );
  const useCache = options.cache !== false;
  const cache = await BuildCache.open(outDir, optionsKey, { reuse: useCache && !options.force });

  const states: FileState[] = await mapLimit(files, 32, async (input) => {
    let markPartsReady = () => {};
    const partsReady = new Promise<void>((resolve) => (markPartsReady = resolve));
    const state: FileState = { input, timestamp: 0, key: null, cached: null, blocked: new Map(), partsReady, markPartsReady };
    const bytes = input.absolute && useCache ? await readFile(input.absolute).catch(() => null) : null;
    if (input.absolute && bytes) {
      state.key = hashOf(optionsKey, input.relative, bytes);
      const previous = cache.previous(input.absolute);
      if (previous?.key === state.key) {
        state.timestamp = previous.timestamp;
        if (!options.force) state.cached = await cache.fresh(input.absolute, state.key);
        // Images are not in the key: the notes may be unchanged while a picture they show is not.
        if (state.cached?.media && !(await mediaUnchanged(buildRoot(input), state.cached.media))) state.cached = null;
        return state;
      }
    }
    state.timestamp = await sourceTimestamp(input);
    return state;
  });

  /** Output path without the renderer's extension: the notes file's path under `--out`, minus its own. */
  const outputStem = (state: FileState) => join(outDir, state.input.relative.replace(/\.[^./]+$/, ''));
  const outputPath = (state: FileState, renderer: Renderer) => outputStem(state) + renderer.extension;
  const claimed = new Map<string, string>();
  if (states.some((s) => !s.cached)) {
    // Output paths are handed out in input order, so a collision always fails the same file.
    const { renderers } = await getRenderers();
    for (const state of states) {
      for (const renderer of renderers) {
        const target = outputPath(state, renderer);
        const owner = claimed.get(target);
        if (owner !== undefined && owner !== state.input.display) state.blocked.set(renderer.name, owner);
        else claimed.set(target, state.input.display);
      }
      if (state.blocked.size > 0) state.cached = null;
    }
  }

  const finish = (state: FileState, fileReport: FileReport) => {
    state.report = fileReport;
    options.onFile?.(fileReport);
  };
  for (const state of states) {
    const c = state.cached;
    if (!c) continue;
    state.title = c.title;
    state.language = c.language;
    state.inCourse = true;
    state.markPartsReady();
    finish(state, { file: state.input.display, status: 'skipped', outputs: c.outputs.map((o) => join(outDir, o)), items: c.items, counts: c.counts, messages: c.messages });
  }

  const stale = states.filter((s) => !s.cached);
  let fileWork: Promise<void> = Promise.resolve();
  let filePool = false;
  if (stale.length > 0) {
    const { renderers, specs } = await getRenderers();
    const keepDocuments = renderers.some(wantsDocuments);
    /** What the course outputs need of a file, known before its last outputs are rendered. */
    const partsMade = (state: FileState, result: FileResult) => {
      state.title = result.document?.title ?? state.input.relative;
      state.language = result.document?.language ?? 'und';
      state.document = keepDocuments ? result.document : null;
      state.inCourse = result.inCourse;
      if (result.parts.length > 0) state.parts = new Map(result.parts.map((p) => [p.renderer, p.data]));
      state.markPartsReady();
    };
    const write = async (state: FileState, result: FileResult) => {
      if (state.inCourse === undefined) partsMade(state, result);
      const fileReport: FileReport = { file: state.input.display, status: result.failed ? 'failed' : 'built', outputs: [], items: result.items, counts: result.counts, messages: [...result.messages] };
      for (const output of result.outputs) {
        const renderer = renderers.find((r) => r.name === output.renderer)!;
        const target = outputPath(state, renderer);
        try {
          await writeFileAtomic(target, output.data);
          fileReport.outputs.push(target);
        } catch (error) {
          fileReport.status = 'failed';
          fileReport.messages.push({ file: state.input.display, severity: 'error', message: `cannot write ${target}: ${(error as Error).message}`, ruleId: 'write-failed' });
        }
      }
      for (const [name, owner] of state.blocked) {
        const renderer = renderers.find((r) => r.name === name)!;
        fileReport.status = 'failed';
        fileReport.messages.push({
          file: state.input.display,
          severity: 'error',
          message: `${name} output ${outputPath(state, renderer)} is already written by ${owner}; rename one of the files`,
          ruleId: 'output-collision',
        });
      }
      let cached = false;
      if (useCache && state.input.absolute) {
        if (fileReport.status === 'built' && state.key && result.document) {
          try {
            const record = {
              key: state.key,
              timestamp: state.timestamp,
              outputs: fileReport.outputs.map((o) => relative(outDir, o).split(sep).join('/')),
              items: result.items,
              counts: result.counts,
              messages: fileReport.messages,
              title: result.document.title,
              language: result.document.language,
              ...(result.media ? { media: result.media } : {}),
            };
            await cache.remember(state.input.absolute, record, { document: keepDocuments ? result.document : undefined, parts: result.parts });
            cached = true;
          } catch (error) {
            cache.forget(state.input.absolute);
            fileReport.messages.push({ file: state.input.display, severity: 'warning', message: `cannot write the build cache: ${(error as Error).message}; this file will be built again next time`, ruleId: 'cache-write-failed' });
          }
        } else cache.forget(state.input.absolute);
      }
      // Once cached, a course join reads the parts back from disk rather than keeping every file's in memory.
      if (cached) state.parts = undefined;
      finish(state, fileReport);
    };
    const taskFor = async (state: FileState): Promise<FileTask> => ({
      absolute: state.input.absolute,
      relative: state.input.relative,
      display: state.input.display,
      stdin: state.input.absolute ? undefined : await (options.readStdin ?? readProcessStdin)(),
      language: options.language,
      keepBoilerplate: options.keepBoilerplate,
      maxFileBytes,
      templatesDir,
      outputStem: outputStem(state),
      timestamp: state.timestamp,
      rendererOptions: options.rendererOptions ?? {},
      courseParts: state.input.root !== undefined,
    });
    const allowed = (state: FileState) => renderers.filter((r) => !state.blocked.has(r.name));
    const jobs = Math.max(1, options.jobs ?? availableParallelism());
    const fromDisk = stale.filter((s) => s.input.absolute);
    // Starting threads costs more than it saves on a few files, unless the caller asked for them.
    const useWorkers = jobs > 1 && specs?.length === renderers.length && specs.every(Boolean) && fromDisk.length >= (options.jobs ? 2 : 8);
    let pool: WorkerPool | null = null;
    fileWork = (async () => {
      try {
        if (useWorkers) {
          filePool = true;
          const { createWorkerPool } = await import('./createWorkerPool.js');
          pool = createWorkerPool(Math.min(jobs, fromDisk.length));
          const specByName = new Map(renderers.map((r, i) => [r.name, specs![i]!]));
          await Promise.all(
            fromDisk.map(async (state) => {
              const task = { ...(await taskFor(state)), renderers: allowed(state).map((r) => specByName.get(r.name)!) };
              await write(state, await pool!.run(task).catch((error: unknown) => crashed(state, error)));
            }),
          );
        }
        const { buildOneFile } = await import('./buildOneFile.js');
        for (const state of useWorkers ? stale.filter((s) => !s.input.absolute) : stale) {
          await write(state, await buildOneFile(await taskFor(state), allowed(state), (r) => partsMade(state, r)).catch((error: unknown) => crashed(state, error)));
        }
      } finally {
        await pool?.destroy();
      }
    })();
  }
  // Course outputs start as soon as every file's parts are known: after one change, the deck and the
  // bank are joined while that file's PDF is still being drawn.
  const allParts = Promise.all(states.map((s) => s.partsReady));
  await Promise.race([allParts, fileWork.then(() => allParts)]);
  // Worker threads keep their memory until the pool stops: a big build joins only after that.
  if (filePool) await fileWork;
  // Outputs kept from the cache count as taken too: a course output or the index must never replace one.
  for (const s of states) for (const o of s.cached?.outputs ?? []) if (!claimed.has(join(outDir, o))) claimed.set(join(outDir, o), s.input.display);

  const roots = [...new Set(states.map((s) => s.input.root).filter((r): r is string => r !== undefined))];
  const courseWork = (async () => {
    if (useCache) report.removed = await removeOrphanOutputs(cache, roots, states, outDir);
    for (const root of roots) {
      const course = await buildCourse(root, states.filter((s) => s.input.root === root), { options, outDir, cwd, cache, useCache, claimed, optionsKey, getRenderers, messages: report.messages });
      if (course) report.courses.push(course);
    }
  })();
  await Promise.all([fileWork, courseWork]);
  report.files = states.map((s) => s.report!);
  if (roots.length > 0 && options.index !== false) {
    report.index = await writeIndex(options.index ?? 'index.html', states, report, { outDir, cache, useCache, claimed });
  }
  if (useCache) await cache.save();
  return report;
}

/**
 * Outputs of notes files that were in a folder last time and are gone now (deleted, renamed, newly
 * ignored) are removed, so the output folder mirrors the course. Only outputs revise itself recorded
 * are touched, only inside the output folder, and only for folders built this time.
 */
async function removeOrphanOutputs(cache: BuildCache, roots: readonly string[], states: readonly FileState[], outDir: string): Promise<string[]> {
  const current = new Set(states.map((s) => s.input.absolute));
  const removed: string[] = [];
  for (const id of cache.ids()) {
    if (current.has(id) || !roots.some((root) => id.startsWith(root + sep))) continue;
    for (const output of cache.previous(id)?.outputs ?? []) {
      const target = resolve(outDir, output);
      if (!target.startsWith(outDir + sep)) continue;
      await rm(target, { force: true });
      removed.push(target);
    }
    cache.forget(id);
  }
  return removed;
}

interface CourseEnv {
  options: BuildOptions;
  outDir: string;
  cwd: string;
  cache: BuildCache;
  useCache: boolean;
  claimed: Map<string, string>;
  optionsKey: string;
  getRenderers: () => Promise<LoadedRenderers>;
  messages: Diagnostic[];
}

/** A renderer that builds its course output from whole documents rather than from cached parts. */
function wantsDocuments(renderer: Renderer): boolean {
  return typeof renderer.renderCourse === 'function' && !joinsParts(renderer);
}

/**
 * One output per renderer with a course output. Renderers with `joinCourse` get every file's cached
 * part and what their previous join left, so one changed file costs one part, not a whole course;
 * the others get every document.
 */
async function buildCourse(root: string, members: FileState[], env: CourseEnv): Promise<CourseReport | null> {
  const parts = members.filter((s) => s.inCourse).sort((a, b) => (a.input.relative < b.input.relative ? -1 : a.input.relative > b.input.relative ? 1 : 0));
  if (parts.length === 0) return null;
  const name = env.options.courseName ?? basename(root);
  const folder = relative(env.cwd, root) || '.';
  const key = hashOf(env.optionsKey, 'course', name, ...parts.map((s) => `${s.input.relative}:${s.key ?? 'none'}`));
  const partName = `course:${root}`;
  const record = env.useCache ? env.cache.part(partName) : undefined;
  if (env.useCache && !env.options.force && parts.every((s) => s.key) && (await env.cache.freshPart(partName, key))) {
    const outputs = (record?.outputs ?? []).map((o) => join(env.outDir, o));
    for (const o of outputs) env.claimed.set(o, `course ${name}`);
    return { name, folder, status: 'skipped', files: parts.length, outputs };
  }
  const { renderers } = await env.getRenderers();
  const courseRenderers = renderers.filter((r) => joinsParts(r) || typeof r.renderCourse === 'function');
  const course: CourseReport = { name, folder, status: 'built', files: parts.length, outputs: [] };
  let documents: Promise<StudyDocument[]> | null = null;
  const loadDocuments = async () => {
    const loaded: StudyDocument[] = [];
    for (const s of parts) {
      const document = s.document ?? (s.key ? await env.cache.document(s.key).catch(() => null) : null);
      if (document) loaded.push(document);
    }
    return loaded;
  };
  const joins: Record<string, CachedJoin> = { ...(record?.joins ?? {}) };
  /** Messages per renderer, added in renderer order whatever order the outputs finish in. */
  const messages = courseRenderers.map((): Diagnostic[] => []);
  const fail = (i: number, message: string, ruleId: string) => {
    course.status = 'failed';
    messages[i].push({ file: folder, severity: 'error', message, ruleId });
  };
  // Targets are claimed in renderer order first, so a collision always fails the same output.
  const targets = courseRenderers.map((renderer, i) => {
    const target = join(env.outDir, name + renderer.extension);
    const owner = env.claimed.get(target);
    if (owner !== undefined) {
      fail(i, `course ${renderer.name} output ${target} is already written by ${owner}; set "deckName" in the configuration (or --deck-name) to another name`, 'output-collision');
      return null;
    }
    env.claimed.set(target, `course ${name}`);
    return target;
  });
  /** A part still in memory (not cached yet, or no cache) as text, else the cached bytes. */
  const partOf = async (s: FileState, renderer: Renderer): Promise<string | Buffer> => {
    const inMemory = s.parts?.get(renderer.name);
    if (inMemory !== undefined) return inMemory;
    if (!s.key) throw new Error(`no ${renderer.name} course part for ${s.input.display}`);
    return env.cache.coursePart(s.key, renderer.name);
  };
  // One course output's join is mostly reading parts and compressing, another's is CPU: run them together.
  const written = await Promise.all(
    courseRenderers.map(async (renderer, i): Promise<string | null> => {
      const target = targets[i];
      if (target === null) return null;
      const context: CourseRenderContext = {
        courseName: name,
        templatesDir: env.options.templatesDir ?? null,
        outputPath: target,
        timestamp: Math.max(...parts.map((s) => s.timestamp)),
        options: env.options.rendererOptions?.[renderer.name] ?? {},
        report: (m) => messages[i].push({ severity: 'warning', ...m }),
      };
      // Forgotten until this join succeeds: a failed or interrupted join never passes for the output on disk.
      delete joins[renderer.name];
      try {
        let output: RenderOutput;
        if (joinsParts(renderer)) {
          const last = record?.joins?.[renderer.name];
          const usable = last && !env.options.force && (await stat(target).then((st) => st.isFile(), () => false));
          const current = new Set(parts.map((s) => s.input.relative));
          const previous = usable ? { state: last.state, removed: Object.keys(last.members).filter((f) => !current.has(f)) } : null;
          const coursePart = (s: FileState): CoursePart => ({
            file: s.input.relative,
            title: s.title ?? s.input.relative,
            language: s.language ?? 'und',
            changed: !previous || !s.key || last!.members[s.input.relative] !== s.key,
            read: async () => (await partOf(s, renderer)).toString(),
            readBytes: async () => {
              const part = await partOf(s, renderer);
              return typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
            },
          });
          const joined = await renderer.joinCourse!(parts.map(coursePart), { ...context, previous });
          output = joined.output;
          if (output !== null && parts.every((s) => s.key)) {
            joins[renderer.name] = { members: Object.fromEntries(parts.map((s) => [s.input.relative, s.key!])), state: joined.state ?? null };
          }
        } else {
          output = await renderer.renderCourse!(await (documents ??= loadDocuments()), context);
        }
        if (output === null) {
          env.claimed.delete(target);
          return null;
        }
        await writeFileAtomic(target, output);
        return target;
      } catch (error) {
        delete joins[renderer.name];
        env.claimed.delete(target);
        fail(i, `course ${renderer.name} output failed: ${(error as Error)?.message ?? String(error)}`, `render-${renderer.name}`);
        return null;
      }
    }),
  );
  course.outputs = written.filter((t): t is string => t !== null);
  env.messages.push(...messages.flat());
  if (course.status === 'built') {
    // Course outputs under an old name (--deck-name changed) or of a format no longer built go away.
    const kept = new Set(course.outputs);
    for (const old of record?.outputs ?? []) {
      const stale = resolve(env.outDir, old);
      if (!kept.has(stale) && stale.startsWith(env.outDir + sep) && !env.claimed.has(stale)) await rm(stale, { force: true });
    }
  }
  if (env.useCache) {
    env.cache.rememberPart(partName, {
      // A failed course is tried again next time, from scratch for the renderers that failed.
      key: course.status === 'built' ? key : '',
      outputs: course.outputs.map((o) => relative(env.outDir, o).split(sep).join('/')),
      joins,
    });
  }
  return course;
}

async function writeIndex(
  fileName: string,
  states: FileState[],
  report: BuildReport,
  env: Pick<CourseEnv, 'outDir' | 'cache' | 'useCache' | 'claimed'>,
): Promise<string | null> {
  const target = join(env.outDir, fileName);
  const rel = (p: string) => relative(env.outDir, p).split(sep).join('/');
  const entries: IndexEntry[] = [];
  for (const s of states) {
    if (!s.report || s.report.outputs.length === 0) continue;
    entries.push({
      source: s.input.root ? join(basename(s.input.root), s.input.relative).split(sep).join('/') : s.input.relative,
      title: s.title ?? s.input.relative,
      language: s.language ?? 'und',
      items: s.report.items,
      cards: s.report.counts?.cards,
      questions: s.report.counts?.questions,
      outputs: s.report.outputs.map(rel),
      dropped: describeDropped(s.report.messages.map(readQualitySummary).filter((q) => q !== null)),
    });
  }
  const courses = report.courses.filter((c) => c.outputs.length > 0).map((c) => ({ name: c.name, outputs: c.outputs.map(rel) }));
  const owner = env.claimed.get(target);
  if (owner !== undefined) {
    report.messages.push({ file: fileName, severity: 'error', message: `the index ${target} would replace an output of ${owner}; set "index" in the configuration to another name`, ruleId: 'output-collision' });
    return null;
  }
  const text = renderIndex(/\.md$/i.test(fileName) ? 'md' : 'html', courses, entries);
  const key = hashOf(text);
  if (!(env.useCache && (await env.cache.freshPart('index', key)))) {
    await writeFileAtomic(target, text);
    if (env.useCache) env.cache.rememberPart('index', { key, outputs: [fileName] });
  }
  return target;
}

/** A bug (not bad notes) while building one file: reported on that file, the others go on. */
function crashed(state: FileState, error: unknown): FileResult {
  const message = `internal error while building this file: ${(error as Error)?.message ?? String(error)} (this is a bug in revise or a renderer; please report it)`;
  return { document: null, items: 0, failed: true, outputs: [], parts: [], inCourse: false, messages: [{ file: state.input.display, severity: 'error', message, ruleId: 'internal-error' }] };
}

/** Every template file's path and bytes: editing a template invalidates the cached outputs. */
async function hashTemplates(dir: string | null): Promise<string> {
  if (!dir) return '';
  const parts: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else parts.push(relative(dir, p), hashOf(await readFile(p).catch(() => Buffer.alloc(0))));
    }
  };
  await walk(dir);
  return hashOf(...parts);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * Every date written into an output comes from here: SOURCE_DATE_EPOCH when set (reproducible
 * builds convention), else the notes file's modification time. Once built, a file keeps that date for
 * as long as its content does not change (see BuildCache).
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

export async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
