import { rm, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../model/Diagnostic.js';
import type { StudyDocument } from '../model/StudyDocument.js';
import { joinsParts } from '../render/joinsParts.js';
import type { CoursePart, CourseRenderContext, Renderer, RenderOutput } from '../render/Renderer.js';
import { hashOf } from './BuildCache.js';
import type { CachedJoin, OutputCheck } from './CacheState.js';
import type { BuildContext } from './BuildContext.js';
import type { CourseReport } from './BuildReport.js';
import { describeFsError } from './describeFsError.js';
import type { FileState } from './FileState.js';
import { resolveInside } from './resolveInside.js';
import { shaOf } from './shaOf.js';
import { toFileName } from './toFileName.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * Step 5, join course outputs: one output per renderer with a course output, for the folder `root`.
 * Renderers with `joinCourse` get every file's cached part and what their previous join left, so one
 * changed file costs one part, not a whole course; the others get every document. Null when no
 * file of the folder made it into the course.
 */
export async function joinCourseOutputs(root: string, members: readonly FileState[], context: BuildContext): Promise<CourseReport | null> {
  const { options, outDir, cache, useCache, claimed } = context;
  const parts = members.filter((s) => s.inCourse).sort((a, b) => (a.input.relative < b.input.relative ? -1 : a.input.relative > b.input.relative ? 1 : 0));
  if (parts.length === 0) return null;
  // The name is what decks and banks are called; the file name is made from it, one safe name
  // directly inside the output folder whatever the name holds (`../x`, `a/b`, nothing at all).
  const fileName = toFileName(options.courseName ?? basename(root), toFileName(basename(root)));
  const name = (options.courseName ?? basename(root)).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim() || fileName;
  const folder = relative(context.cwd, root) || '.';
  const key = hashOf(context.optionsKey, 'course', name, fileName, ...parts.map((s) => `${s.input.relative}:${s.key ?? 'none'}`));
  // By the folder's name, not its path: a moved project keeps its course outputs.
  const partName = `course:${basename(root)}`;
  const record = useCache ? cache.part(partName) : undefined;
  if (useCache && !options.force && parts.every((s) => s.key) && (await cache.freshPart(partName, key))) {
    const outputs = (record?.outputs ?? []).map((o) => join(outDir, o));
    for (const o of outputs) claimed.set(o, `course ${name}`);
    return { name, folder, status: 'skipped', files: parts.length, outputs };
  }
  const { renderers } = await context.renderers();
  const courseRenderers = renderers.filter((r) => joinsParts(r) || typeof r.renderCourse === 'function');
  const course: CourseReport = { name, folder, status: 'built', files: parts.length, outputs: [] };
  let documents: Promise<StudyDocument[]> | null = null;
  const loadDocuments = async () => {
    const loaded: StudyDocument[] = [];
    for (const s of parts) {
      const document = s.document ?? (s.key ? await cache.document(s.key).catch(() => null) : null);
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
    const target = resolveInside(outDir, fileName + renderer.extension);
    if (!target) {
      fail(i, `course ${renderer.name} output ${fileName + renderer.extension} would lie outside the output folder; not written`, 'outside-output-folder');
      return null;
    }
    const owner = claimed.get(target);
    if (owner !== undefined) {
      fail(i, `course ${renderer.name} output ${target} is already written by ${owner}; set "deckName" in the configuration (or --deck-name) to another name`, 'output-collision');
      return null;
    }
    claimed.set(target, `course ${name}`);
    return target;
  });
  /** A part still in memory (not cached yet, or no cache) as text, else the cached bytes. */
  const partOf = async (s: FileState, renderer: Renderer): Promise<string | Buffer> => {
    const inMemory = s.parts?.get(renderer.name);
    if (inMemory !== undefined) return inMemory;
    if (!s.key) throw new Error(`no ${renderer.name} course part for ${s.input.display}`);
    return cache.coursePart(s.key, renderer.name);
  };
  const checks = new Map<string, OutputCheck>();
  // One course output's join is mostly reading parts and compressing, another's is CPU: run them together.
  const written = await Promise.all(
    courseRenderers.map(async (renderer, i): Promise<string | null> => {
      const target = targets[i];
      if (target === null) return null;
      const renderContext: CourseRenderContext = {
        courseName: name,
        templatesDir: options.templatesDir ?? null,
        outputPath: target,
        timestamp: Math.max(...parts.map((s) => s.timestamp)),
        options: options.rendererOptions?.[renderer.name] ?? {},
        report: (m) => messages[i].push({ severity: 'warning', ...m }),
      };
      // Forgotten until this join succeeds: a failed or interrupted join never passes for the output on disk.
      delete joins[renderer.name];
      try {
        let output: RenderOutput;
        if (joinsParts(renderer)) {
          // A file whose own output of this format could not be made (it collided with another
          // file's) has no share of it either: the course output is joined without it, and says so.
          const joining: FileState[] = [];
          for (const s of parts) {
            if (s.parts?.has(renderer.name) || (s.key && (await cache.hasCoursePart(s.key, renderer.name)))) joining.push(s);
            else messages[i].push({ file: s.input.display, severity: 'warning', message: `not in the course ${renderer.name} output: its own ${renderer.name} output was not made`, ruleId: 'course-part-missing' });
          }
          const last = record?.joins?.[renderer.name];
          const usable = last && !options.force && (await stat(target).then((st) => st.isFile(), () => false));
          const current = new Set(joining.map((s) => s.input.relative));
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
          let joined;
          try {
            joined = await renderer.joinCourse!(joining.map(coursePart), { ...renderContext, previous });
          } catch (error) {
            if (!previous) throw error;
            // What the last join left may be damaged: a join from scratch needs nothing of it.
            joined = await renderer.joinCourse!(joining.map((p) => ({ ...coursePart(p), changed: true })), { ...renderContext, previous: null });
          }
          output = joined.output;
          if (output !== null && joining.every((s) => s.key)) {
            joins[renderer.name] = { members: Object.fromEntries(joining.map((s) => [s.input.relative, s.key!])), state: joined.state ?? null };
          }
        } else {
          output = await renderer.renderCourse!(await (documents ??= loadDocuments()), renderContext);
        }
        if (output === null) {
          claimed.delete(target);
          return null;
        }
        await writeFileAtomic(target, output);
        const st = await stat(target);
        checks.set(target, { size: st.size, mtimeMs: st.mtimeMs, sha: shaOf(output) });
        return target;
      } catch (error) {
        delete joins[renderer.name];
        claimed.delete(target);
        const reason = describeFsError(error);
        if (reason) fail(i, `cannot write course ${renderer.name} output ${target}: ${reason}`, 'write-failed');
        else fail(i, `course ${renderer.name} output failed: ${(error as Error)?.message ?? String(error)}`, `render-${renderer.name}`);
        return null;
      }
    }),
  );
  course.outputs = written.filter((t): t is string => t !== null);
  context.report.messages.push(...messages.flat());
  if (course.status === 'built') {
    // Course outputs under an old name (--deck-name changed) or of a format no longer built go away.
    const kept = new Set(course.outputs);
    for (const old of record?.outputs ?? []) {
      const stale = resolveInside(outDir, old);
      if (stale && !kept.has(stale) && !claimed.has(stale)) await rm(stale, { force: true }).catch(() => {});
    }
  }
  if (useCache) {
    cache.rememberPart(partName, {
      // A failed course is tried again next time, from scratch for the renderers that failed.
      key: course.status === 'built' ? key : '',
      outputs: course.outputs.map((o) => relative(outDir, o).split(sep).join('/')),
      checks: course.outputs.map((o) => checks.get(o)!),
      joins,
    });
  }
  return course;
}
