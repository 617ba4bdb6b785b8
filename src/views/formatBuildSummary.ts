import { relative } from 'node:path';
import type { BuildReport } from '../pipeline/BuildReport.js';
import { describeDropped, readQualitySummary } from '../render/quality/QualityLog.js';
import { count } from './count.js';
import { terminalText } from './terminalText.js';
import type { BuildTotals } from './toJsonReport.js';

/**
 * The lines a build ends with on stdout, from the same totals as the --json report so the two always
 * agree: files built and unchanged, items, outputs, warnings, failed files and errors; then one
 * line per course, what the quality gate left out, removed outputs and the index. Paths are relative to `cwd`, like the ones typed.
 */
export function formatBuildSummary(report: BuildReport, totals: BuildTotals, cwd: string, out: string, verbose = false): string {
  const counts = totals.skipped ? `built ${totals.built}, unchanged ${totals.skipped} of` : `built ${totals.built} of`;
  const extra = [count(totals.items, 'item'), count(totals.outputs, 'output'), count(totals.warnings, 'warning')];
  if (totals.failed) extra.push(`${totals.failed} failed`);
  if (totals.errors) extra.push(count(totals.errors, 'error'));
  const lines = [`revise: ${counts} ${count(totals.files, 'file')} (${extra.join(', ')}) into ${out}`];
  for (const c of report.courses) {
    if (c.outputs.length === 0 && c.status !== 'failed') continue;
    const state = c.status === 'skipped' ? ' (unchanged)' : c.status === 'failed' ? ' (failed)' : '';
    lines.push(`revise: course "${c.name}" from ${c.folder}: ${count(c.files, 'file')}, ${count(c.outputs.length, 'output')}${state}`);
  }
  const dropped = describeDropped(report.files.flatMap((f) => f.messages.map(readQualitySummary).filter((q) => q !== null)));
  if (dropped) lines.push(`revise: quality gate left out ${dropped}${verbose ? '' : ' (--verbose lists them)'}`);
  if (report.removed.length > 0) lines.push(`revise: removed ${count(report.removed.length, 'output')} of notes files no longer in the folder`);
  if (report.index) lines.push(`revise: index ${relative(cwd, report.index) || report.index}`);
  return `${lines.map((l) => terminalText(l, { oneLine: true })).join('\n')}\n`;
}
