import { stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import type { Renderer } from '../render/Renderer.js';
import type { OutputCheck } from './CacheState.js';
import type { BuildContext } from './BuildContext.js';
import type { FileReport } from './BuildReport.js';
import type { FileResult } from './buildOneFile.js';
import { describeFsError } from './describeFsError.js';
import { finishFile, notePartsMade, type FileState } from './FileState.js';
import { outputStem } from './outputStem.js';
import { resolveInside } from './resolveInside.js';
import { shaOf } from './shaOf.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * Step 4, write outputs: one built file's outputs go to disk (atomically, and only inside the output
 * folder), its collisions become errors, and a clean build is remembered in the cache with what its
 * outputs were when written and its course parts. A file that failed is forgotten by the cache, so
 * the next build tries it again.
 */
export async function writeFileOutputs(state: FileState, result: FileResult, context: BuildContext, renderers: readonly Renderer[], keepDocument: boolean): Promise<void> {
  const { outDir, cache, useCache } = context;
  if (state.inCourse === undefined) notePartsMade(state, result, keepDocument);
  const file = state.input.display;
  const report: FileReport = { file, status: result.failed ? 'failed' : 'built', outputs: [], items: result.items, counts: result.counts, messages: [...result.messages] };
  const error = (message: string, ruleId: string) => {
    report.status = 'failed';
    report.messages.push({ file, severity: 'error', message, ruleId });
  };
  const stem = outputStem(outDir, state.input);
  const checks: OutputCheck[] = [];
  for (const output of result.outputs) {
    const renderer = renderers.find((r) => r.name === output.renderer)!;
    const target = resolveInside(outDir, stem + renderer.extension);
    if (!target) {
      error(`${renderer.name} output ${stem + renderer.extension} would lie outside the output folder; not written`, 'outside-output-folder');
      continue;
    }
    try {
      await writeFileAtomic(target, output.data);
      const written = await stat(target);
      checks.push({ size: written.size, mtimeMs: written.mtimeMs, sha: output.sha ?? shaOf(output.data) });
      report.outputs.push(target);
    } catch (e) {
      error(`cannot write ${target}: ${describeFsError(e) ?? (e as Error).message}`, 'write-failed');
    }
  }
  for (const [name, owner] of state.blocked) {
    const renderer = renderers.find((r) => r.name === name)!;
    error(`${name} output ${stem + renderer.extension} is already written by ${owner}; rename one of the files`, 'output-collision');
  }
  let cached = false;
  if (useCache && state.id) {
    if (report.status === 'built' && state.key && result.document) {
      const record = {
        key: state.key,
        timestamp: state.timestamp,
        outputs: report.outputs.map((o) => relative(outDir, o).split(sep).join('/')),
        checks,
        items: result.items,
        counts: result.counts,
        messages: report.messages,
        title: result.document.title,
        language: result.document.language,
        root: state.input.root === undefined ? null : basename(state.input.root),
        ...(result.media ? { media: result.media } : {}),
      };
      // A cache that cannot be written is said once for the whole build (BuildCache.failure).
      cached = await cache.remember(state.id, record, { document: keepDocument ? result.document : undefined, parts: result.parts }).then(
        () => true,
        () => false,
      );
      if (!cached) cache.forget(state.id);
    } else if (state.blocked.size === 0) cache.forget(state.id);
  }
  // Once cached, a course join reads the parts back from disk rather than keeping every file's in memory.
  if (cached) state.parts = undefined;
  finishFile(state, report, context.options.onFile);
}
