import type { FileReport } from '../pipeline/BuildReport.js';
import { count } from './count.js';
import { terminalDiagnostic, terminalText } from './terminalText.js';

/** `bar`: one live line redrawn on a terminal; `lines`: a line per file (CI logs); `off`: errors only. */
export type ProgressMode = 'bar' | 'lines' | 'off';

export interface ProgressReporter {
  start(total: number): void;
  file(report: FileReport): void;
  end(): void;
}

export interface ProgressSettings {
  mode: ProgressMode;
  /** Also print files found unchanged, and the outputs written. */
  verbose?: boolean;
  /** Print no warnings, only errors. */
  quiet?: boolean;
}

/** A terminal that is not a CI log gets the live bar; anything else gets plain lines. */
export function chooseProgressMode(isTTY: boolean | undefined, env: Record<string, string | undefined>): ProgressMode {
  return isTTY && !env.CI && env.TERM !== 'dumb' ? 'bar' : 'lines';
}

const BAR_WIDTH = 24;

/** Progress and per-file messages on stderr, so stdout keeps only the summary (or the --json report). */
export function createProgressReporter(write: (text: string) => void, settings: ProgressSettings): ProgressReporter {
  let total = 0;
  let done = 0;
  let barShown = false;
  let lastDraw = 0;
  const clearBar = () => {
    if (barShown) write('\r\x1b[K');
    barShown = false;
  };
  const drawBar = (label: string, force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 50 && done < total) return;
    lastDraw = now;
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const safe = terminalText(label, { oneLine: true });
    const shortLabel = safe.length > 40 ? `…${safe.slice(-39)}` : safe;
    write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${shortLabel}`);
    barShown = true;
  };
  return {
    start(n) {
      total = n;
      if (settings.mode === 'bar' && n > 0) drawBar('', true);
    },
    file(report) {
      done++;
      const shown = report.messages.filter((m) => m.severity === 'error' || (!settings.quiet && (m.severity === 'warning' || settings.verbose)));
      if (settings.mode === 'bar') {
        if (shown.length > 0) {
          clearBar();
          for (const m of shown) write(`${terminalDiagnostic(m)}\n`);
        }
        drawBar(report.file, shown.length > 0);
        return;
      }
      if (settings.mode === 'lines' && (report.status !== 'skipped' || settings.verbose)) {
        const what = report.status === 'failed' ? 'failed' : report.status === 'skipped' ? 'unchanged' : 'built';
        write(`${what} ${terminalText(report.file, { oneLine: true })}${report.status === 'failed' ? '' : ` (${count(report.items, 'item')})`}\n`);
      }
      for (const m of shown) write(`${terminalDiagnostic(m)}\n`);
      if (settings.verbose && report.status === 'built') for (const o of report.outputs) write(`wrote ${terminalText(o, { oneLine: true })}\n`);
    },
    end() {
      clearBar();
    },
  };
}
