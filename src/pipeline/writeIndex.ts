import { stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { describeDropped, readQualitySummary } from '../render/quality/QualityLog.js';
import { hashOf } from './BuildCache.js';
import type { BuildContext } from './BuildContext.js';
import { describeFsError } from './describeFsError.js';
import type { FileState } from './FileState.js';
import { renderIndex, type IndexEntry } from './renderIndex.js';
import { resolveInside } from './resolveInside.js';
import { shaOf } from './shaOf.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * Step 7, write the index: one page linking every output of the build, at the top of the output
 * folder; rewritten only when its text changes. Returns its path, or null when it could not be
 * written (the reason is in the report's messages).
 */
export async function writeIndex(fileName: string, states: readonly FileState[], context: BuildContext): Promise<string | null> {
  const { outDir, cache, useCache, claimed, report } = context;
  const target = resolveInside(outDir, fileName);
  if (!target) {
    report.messages.push({ file: fileName, severity: 'error', message: 'the index would lie outside the output folder; not written', ruleId: 'outside-output-folder' });
    return null;
  }
  const rel = (p: string) => relative(outDir, p).split(sep).join('/');
  const entries: IndexEntry[] = [];
  for (const s of states) {
    if (!s.report || s.report.outputs.length === 0) continue;
    entries.push({
      source: s.input.root ? join(basename(s.input.root), s.input.relative).split(sep).join('/') : s.input.relative,
      title: s.title ?? s.input.relative,
      language: s.language ?? 'und',
      items: s.report.items,
      coverage: s.report.counts?.words ? (s.report.counts.covered ?? 0) / s.report.counts.words : undefined,
      cards: s.report.counts?.cards,
      questions: s.report.counts?.questions,
      outputs: s.report.outputs.map(rel),
      dropped: describeDropped(s.report.messages.map(readQualitySummary).filter((q) => q !== null)),
    });
  }
  const courses = report.courses.filter((c) => c.outputs.length > 0).map((c) => ({ name: c.name, outputs: c.outputs.map(rel) }));
  const owner = claimed.get(target);
  if (owner !== undefined) {
    report.messages.push({ file: fileName, severity: 'error', message: `the index ${target} would replace an output of ${owner}; set "index" in the configuration to another name`, ruleId: 'output-collision' });
    return null;
  }
  const text = renderIndex(/\.md$/i.test(fileName) ? 'md' : 'html', courses, entries);
  const key = hashOf(text);
  if (useCache && (await cache.freshPart('index', key))) return target;
  try {
    await writeFileAtomic(target, text);
    const st = await stat(target);
    if (useCache) cache.rememberPart('index', { key, outputs: [fileName], checks: [{ size: st.size, mtimeMs: st.mtimeMs, sha: shaOf(text) }] });
  } catch (error) {
    report.messages.push({ file: fileName, severity: 'error', message: `cannot write the index ${target}: ${describeFsError(error) ?? (error as Error).message}`, ruleId: 'write-failed' });
    return null;
  }
  return target;
}
