import { join, resolve } from 'node:path';
import { toDiagnostic } from '../model/Diagnostic.js';
import type { BuildOptions } from './BuildOptions.js';
import type { BuildReport } from './BuildReport.js';
import { buildStaleFiles } from './buildStaleFiles.js';
import { claimFileOutputs } from './claimFileOutputs.js';
import { collectInputs } from './collectInputs.js';
import { joinCourseOutputs } from './joinCourseOutputs.js';
import { keyFiles } from './keyFiles.js';
import { openBuild } from './openBuild.js';
import { removeStaleOutputs } from './removeStaleOutputs.js';
import { reportCachedFiles } from './reportCachedFiles.js';
import { writeIndex } from './writeIndex.js';

/**
 * read → parse → render → write for every notes file, skipping the unchanged ones; then the course
 * outputs and the index for folder builds. Each step is one module; they share a BuildContext. One
 * failing file never stops the others, and the bytes written never depend on the order in which
 * files finish.
 */
export async function buildFiles(options: BuildOptions): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  // 1. Collect inputs.
  const { files, problems, warnings } = await collectInputs(options.paths, cwd, [outDir], options.ignore);
  const report: BuildReport = { files: [], messages: [...problems.map((p) => toDiagnostic(p)), ...warnings], courses: [], index: null, outDir, removed: [] };
  options.onStart?.(files.length);
  // 2. Key and cache; output paths handed out in input order.
  const context = await openBuild(options, cwd, report);
  const states = await keyFiles(files, context);
  await claimFileOutputs(states, context);
  reportCachedFiles(states, context);
  // 3 and 4. Build the files left (pool or one thread), writing each one's outputs as it is done.
  const fileWork = await buildStaleFiles(states, context);
  // Course outputs start as soon as every file's parts are known: after one change, the deck and the
  // bank are joined while that file's PDF is still being drawn.
  const allParts = Promise.all(states.map((s) => s.partsReady));
  await Promise.race([allParts, fileWork.done.then(() => allParts)]);
  // Worker threads keep their memory until the pool stops: a big build joins only after that.
  if (fileWork.pooled) await fileWork.done;
  // Outputs kept from the cache count as taken too: a course output or the index must never replace one.
  for (const s of states) {
    for (const o of s.cached?.outputs ?? []) if (!context.claimed.has(join(outDir, o))) context.claimed.set(join(outDir, o), s.input.display);
  }
  // 5 and 6. Join course outputs, remove the outputs of files gone from the folders built.
  const roots = [...new Set(states.map((s) => s.input.root).filter((r): r is string => r !== undefined))];
  const courseWork = (async () => {
    if (context.useCache) report.removed = await removeStaleOutputs(roots, states, context);
    for (const root of roots) {
      const course = await joinCourseOutputs(root, states.filter((s) => s.input.root === root), context);
      if (course) report.courses.push(course);
    }
  })();
  await Promise.all([fileWork.done, courseWork]);
  report.files = states.map((s) => s.report!);
  // 7. Write the index.
  if (roots.length > 0 && options.index !== false) report.index = await writeIndex(options.index ?? 'index.html', states, context);
  if (context.useCache) {
    const failure = await context.cache.save();
    if (failure) report.messages.push({ file: context.outDir, severity: 'warning', message: `${failure}; every file will be built again next time`, ruleId: 'cache-write-failed' });
  }
  return report;
}
