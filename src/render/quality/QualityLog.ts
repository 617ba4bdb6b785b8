import type { Diagnostic } from '../../model/Diagnostic.js';

/** A named check of the quality gate: what it rejects, and whether it points at something in the notes. */
export interface GateRule {
  /** One line, shown by `revise check` and the docs. */
  summary: string;
  /**
   * True when the rule points at something the notes' author can fix (a question that answers
   * itself, a legend read as a definition): `revise check` prints it and fails. False for choices
   * the generator makes on its own (one question per group of siblings, too few wrong options).
   */
  finding: boolean;
}

/** One candidate the gate turned away. */
export interface Rejection {
  rule: string;
  /** Line of the notes item the candidate came from. */
  line: number;
  /** Short text of the candidate: a stem, a card front. */
  what: string;
  /** Id of the model item it came from, when known. */
  item?: string;
}

/** ruleId of the one summary message per renderer and file (counts by rule). */
export const QUALITY_SUMMARY_RULE = 'quality-gate';
/** Detail messages (one per rejected candidate) are `quality/<rule>`; past this many per file, they are summed up. */
export const MAX_DETAIL_MESSAGES = 200;

export interface QualitySummary {
  renderer: string;
  /** "questions", "notes". */
  unit: string;
  considered: number;
  dropped: Record<string, number>;
}

const shorten = (text: string, max = 80) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return [...t].length > max ? `${[...t].slice(0, max - 1).join('')}…` : t;
};

/**
 * What the quality gate of one renderer did to one document: every candidate it considered and
 * every rejection with its rule. Renderers report it through the ordinary diagnostics channel (one
 * info summary that `readQualitySummary` parses back, plus one info per rejection for `--verbose`),
 * so the build report, its cache and `--json` carry it with no new plumbing.
 */
export class QualityLog {
  considered = 0;
  readonly rejections: Rejection[] = [];

  constructor(
    readonly renderer: string,
    readonly unit: string,
    readonly rules: Readonly<Record<string, GateRule>>,
  ) {}

  reject(rule: string, line: number, what: string, item?: string): void {
    if (!this.rules[rule]) throw new Error(`unknown quality rule ${rule}`);
    this.rejections.push(item === undefined ? { rule, line, what: shorten(what) } : { rule, line, what: shorten(what), item });
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.rejections) out[r.rule] = (out[r.rule] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** The summary and detail messages, ready for `RenderContext.report`. */
  messages(): Omit<Diagnostic, 'file'>[] {
    if (this.considered === 0 && this.rejections.length === 0) return [];
    const out: Omit<Diagnostic, 'file'>[] = [{ severity: 'info', ruleId: QUALITY_SUMMARY_RULE, message: formatSummary(this) }];
    for (const r of this.rejections.slice(0, MAX_DETAIL_MESSAGES)) {
      out.push({ severity: 'info', ruleId: `quality/${r.rule}`, line: r.line, message: `${this.renderer}: dropped "${r.what}": ${this.rules[r.rule].summary}` });
    }
    if (this.rejections.length > MAX_DETAIL_MESSAGES) {
      out.push({ severity: 'info', ruleId: 'quality/more', message: `${this.renderer}: ${this.rejections.length - MAX_DETAIL_MESSAGES} more dropped (revise check lists them all)` });
    }
    return out;
  }
}

function formatSummary(log: QualityLog): string {
  const counts = Object.entries(log.counts());
  const dropped = counts.reduce((n, [, c]) => n + c, 0);
  const why = counts.map(([rule, n]) => `${rule} ${n}`).join(', ');
  return `${log.renderer}: quality gate kept ${log.considered - dropped} of ${log.considered} ${log.unit}${dropped ? `, dropped ${dropped}: ${why}` : ''}`;
}

const SUMMARY = /^(\S+): quality gate kept (\d+) of (\d+) (\S+)(?:, dropped \d+: (.*))?$/;

/** The counts a `quality-gate` message carries, or null for any other message. */
export function readQualitySummary(d: Pick<Diagnostic, 'ruleId' | 'message'>): QualitySummary | null {
  if (d.ruleId !== QUALITY_SUMMARY_RULE) return null;
  const m = SUMMARY.exec(d.message);
  if (!m) return null;
  const dropped: Record<string, number> = {};
  for (const part of (m[5] ?? '').split(', ').filter(Boolean)) {
    const at = part.lastIndexOf(' ');
    dropped[part.slice(0, at)] = Number(part.slice(at + 1));
  }
  return { renderer: m[1], unit: m[4], considered: Number(m[3]), dropped };
}

/** "mcq: 26 questions (one-per-group 20, key-in-stem 6); anki: 3 notes (…)" over any number of summaries. */
export function describeDropped(summaries: readonly QualitySummary[]): string {
  const byRenderer = new Map<string, { unit: string; dropped: Map<string, number> }>();
  for (const s of summaries) {
    const entry = byRenderer.get(s.renderer) ?? { unit: s.unit, dropped: new Map<string, number>() };
    for (const [rule, n] of Object.entries(s.dropped)) entry.dropped.set(rule, (entry.dropped.get(rule) ?? 0) + n);
    byRenderer.set(s.renderer, entry);
  }
  const parts: string[] = [];
  for (const [renderer, { unit, dropped }] of byRenderer) {
    const total = [...dropped.values()].reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    const rules = [...dropped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${r} ${n}`);
    parts.push(`${renderer} ${total} ${total === 1 ? unit.replace(/s$/, '') : unit} (${rules.join(', ')})`);
  }
  return parts.join('; ');
}
