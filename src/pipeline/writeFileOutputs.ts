import { relative, sep } from 'node:path';
import type { Renderer } from '../render/Renderer.js';
import type { BuildContext } from './BuildContext.js';
import type { FileReport } from './BuildReport.js';
import type { FileResult } from './buildOneFile.js';
import { finishFile, notePartsMade, type FileState } from './FileState.js';
import { outputStem } from './outputStem.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * Step 4, write outputs: one built file's outputs go to disk (atomically), its collisions become
 * errors, and a clean build is remembered in the cache with its course parts. A file that failed is
 * forgotten by the cache, so the next build tries it again.
 */
export async function writeFileOutputs(state: FileState, result: FileResult, context: BuildContext, renderers: readonly Renderer[], keepDocument: boolean): Promise<void> {
  const { outDir, cache, useCache } = context;
  if (state.inCourse === undefined) notePartsMade(state, result, keepDocument);
  const file = state.input.display;
  const report: FileReport = { file, status: result.failed ? 'failed' : 'built', outputs: [], items: result.items, messages: [...result.messages] };
  const stem = outputStem(outDir, state.input);
  for (const output of result.outputs) {
    const renderer = renderers.find((r) => r.name === output.renderer)!;
    const target = stem + renderer.extension;
    try {
      await writeFileAtomic(target, output.data);
      report.outputs.push(target);
    } catch (error) {
      report.status = 'failed';
      report.messages.push({ file, severity: 'error', message: `cannot write ${target}: ${(error as Error).message}`, ruleId: 'write-failed' });
    }
  }
  for (const [name, owner] of state.blocked) {
    const renderer = renderers.find((r) => r.name === name)!;
    report.status = 'failed';
    report.messages.push({
      file,
      severity: 'error',
      message: `${name} output ${stem + renderer.extension} is already written by ${owner}; rename one of the files`,
      ruleId: 'output-collision',
    });
  }
  let cached = false;
  if (useCache && state.input.absolute) {
    if (report.status === 'built' && state.key && result.document) {
      try {
        const record = {
          key: state.key,
          timestamp: state.timestamp,
          outputs: report.outputs.map((o) => relative(outDir, o).split(sep).join('/')),
          items: result.items,
          messages: report.messages,
          title: result.document.title,
          language: result.document.language,
        };
        await cache.remember(state.input.absolute, record, { document: keepDocument ? result.document : undefined, parts: result.parts });
        cached = true;
      } catch (error) {
        cache.forget(state.input.absolute);
        report.messages.push({ file, severity: 'warning', message: `cannot write the build cache: ${(error as Error).message}; this file will be built again next time`, ruleId: 'cache-write-failed' });
      }
    } else cache.forget(state.input.absolute);
  }
  // Once cached, a course join reads the parts back from disk rather than keeping every file's in memory.
  if (cached) state.parts = undefined;
  finishFile(state, report, context.options.onFile);
}
