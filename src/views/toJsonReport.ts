import type { BuildReport } from '../pipeline/BuildReport.js';
import type { Diagnostic } from '../model/Diagnostic.js';

/** Bumped when a key of the --json report is renamed or removed. */
export const REPORT_VERSION = 1;

export interface BuildTotals {
  files: number;
  built: number;
  skipped: number;
  failed: number;
  items: number;
  outputs: number;
  warnings: number;
  errors: number;
}

export interface JsonReport {
  reportVersion: number;
  code: number;
  outDir: string;
  elapsedMs: number;
  totals: BuildTotals;
  files: BuildReport['files'];
  courses: BuildReport['courses'];
  index: string | null;
  /** Outputs removed because their notes file left the folder. */
  removed: string[];
  /** Problems tied to no single notes file: unreadable folders, symlink loops, course outputs. */
  messages: Diagnostic[];
}

export function countTotals(report: BuildReport): BuildTotals {
  const all = [...report.files.flatMap((f) => f.messages), ...report.messages];
  return {
    files: report.files.length,
    built: report.files.filter((f) => f.status === 'built').length,
    skipped: report.files.filter((f) => f.status === 'skipped').length,
    failed: report.files.filter((f) => f.status === 'failed').length,
    items: report.files.reduce((n, f) => n + f.items, 0),
    outputs: report.files.reduce((n, f) => n + f.outputs.length, 0) + report.courses.reduce((n, c) => n + c.outputs.length, 0),
    warnings: all.filter((m) => m.severity === 'warning').length,
    errors: all.filter((m) => m.severity === 'error').length,
  };
}

/** The machine-readable build report printed by `revise build --json`. */
export function toJsonReport(report: BuildReport, code: number, elapsedMs: number): JsonReport {
  return {
    reportVersion: REPORT_VERSION,
    code,
    outDir: report.outDir,
    elapsedMs,
    totals: countTotals(report),
    files: report.files,
    courses: report.courses,
    index: report.index,
    removed: report.removed,
    messages: report.messages,
  };
}
