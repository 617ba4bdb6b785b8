import { relative } from 'node:path';
import { ConfigError } from '../config/ConfigError.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import { buildFiles } from '../pipeline/buildFiles.js';
import type { BuildReport } from '../pipeline/BuildReport.js';
import { describeFsError, fsErrorPath } from '../pipeline/describeFsError.js';
import { NOTES_EXTENSIONS } from '../parse/readers/readers.js';
import type { RendererRegistry } from '../render/registry.js';
import { chooseProgressMode, createProgressReporter, type ProgressMode } from '../views/createProgressReporter.js';
import { formatBuildSummary } from '../views/formatBuildSummary.js';
import { terminalDiagnostic, terminalText } from '../views/terminalText.js';
import { countTotals, toJsonReport } from '../views/toJsonReport.js';
import { resolveBuildOptions, type ResolvedBuild } from './resolveBuildOptions.js';
import { EXIT, UsageError, type BuildCommand, type RunIO, type RunResult } from './RunOptions.js';

/** `revise build`: options resolved (exit 2 on a bad one), files built, report printed. */
export async function runBuild(command: BuildCommand, io: RunIO, registry: RendererRegistry | undefined): Promise<RunResult> {
  const started = Date.now();
  if (command.paths.length === 0) {
    io.stderr('revise: build needs at least one file or folder (or - for standard input)\n');
    return { code: EXIT.usage };
  }
  const cwd = command.cwd ?? process.cwd();
  const usage = (error: unknown): RunResult => {
    io.stderr(`revise: ${terminalText((error as Error).message)}\n`);
    return { code: EXIT.usage };
  };
  let resolved: ResolvedBuild;
  try {
    resolved = await resolveBuildOptions(command, cwd, registry);
  } catch (error) {
    if (isUsageError(error)) return usage(error);
    throw error;
  }
  const env = io.env ?? {};
  const mode: ProgressMode = command.json ? 'off' : command.progress ?? (command.quiet ? 'off' : chooseProgressMode(io.isTTY, env));
  const progress = createProgressReporter(io.stderr, { mode, verbose: command.verbose, quiet: command.quiet || command.json });
  let report: BuildReport;
  try {
    report = await buildFiles({ ...resolved.options, readStdin: io.readStdin, onStart: (n) => progress.start(n), onFile: (f) => progress.file(f) });
  } catch (error) {
    progress.end();
    // Renderers load lazily, so an unknown format or a bad plugin surfaces here, still before any write.
    if (isUsageError(error)) return usage(error);
    // A disk that fills up or turns read-only under the build: said plainly, not as a bug.
    const reason = describeFsError(error);
    if (reason) {
      const path = fsErrorPath(error);
      io.stderr(`revise: the build stopped: ${path ? `${terminalText(path, { oneLine: true })}: ` : ''}${reason}\n`);
      return { code: EXIT.failed };
    }
    throw error;
  }
  progress.end();
  report.messages.unshift(...resolved.messages);
  const print = (d: Diagnostic) => io.stderr(`${terminalDiagnostic(d)}\n`);
  report.messages.filter((m) => m.severity === 'error' || !(command.quiet || command.json)).forEach(print);
  const totals = countTotals(report);
  const nothing = report.files.length === 0 && !report.messages.some((m) => m.severity === 'error');
  const code = totals.failed > 0 || report.messages.some((m) => m.severity === 'error') || nothing ? EXIT.failed : EXIT.ok;
  const jsonReport = toJsonReport(report, code, Date.now() - started);
  if (command.json) io.stdout(`${JSON.stringify(jsonReport, null, 2)}\n`);
  if (nothing) {
    io.stderr(`revise: no notes files (${NOTES_EXTENSIONS.join(', ')}) found in ${terminalText(command.paths.join(', '), { oneLine: true })}\n`);
    return { code, build: report, report: jsonReport };
  }
  if (!command.quiet && !command.json) {
    const out = command.out ?? (relative(cwd, report.outDir) || '.');
    io.stdout(formatBuildSummary(report, totals, cwd, out, command.verbose));
  }
  return { code, build: report, report: jsonReport };
}

function isUsageError(error: unknown): boolean {
  return error instanceof ConfigError || error instanceof UsageError || (error instanceof Error && error.name === 'UnknownFormatError');
}
