import type { StudyDocument } from '../model/StudyDocument.js';
import { checkDeckNotes } from './anki/checkDeckNotes.js';
import { collectDeckNotes } from './anki/collectDeckNotes.js';
import { NOTE_GATE_RULES } from './anki/noteGateRules.js';
import { buildMcqBank } from './mcq/buildMcqBank.js';
import { checkMcqBank } from './mcq/checkMcqBank.js';
import { QUESTION_GATE_RULES } from './mcq/questionGateRules.js';
import { QualityLog } from './quality/QualityLog.js';

export interface CheckFinding {
  line: number | undefined;
  rule: string;
  message: string;
  /**
   * True for what the notes' author should look at (and `revise check` fails on); false for choices
   * the generators make on their own (one question per group, too few wrong options), shown with --verbose.
   */
  fails: boolean;
}

/**
 * Everything the quality gates of the question bank and the deck say about one document, plus
 * any rule the finished bank or deck still breaks (which would be a bug in revise or a template),
 * in line order: what `revise check` prints.
 */
export function checkDocument(document: StudyDocument, templatesDir: string | null = null): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const { bank, logs } = buildMcqBank([document], { templatesDir });
  const notesLog = new QualityLog('anki', 'notes', NOTE_GATE_RULES);
  const notes = collectDeckNotes(document, 'check', document.file, { templatesDir, log: notesLog });
  for (const log of [...logs, notesLog]) {
    for (const r of log.rejections) {
      const rule = log.rules[r.rule];
      findings.push({ line: r.line, rule: r.rule, message: `${log.renderer === 'mcq' ? 'question' : 'card'} "${r.what}": ${rule.summary}`, fails: rule.finding });
    }
  }
  const lineOf = new Map(bank.questions.map((q) => [q.id, q.source.line]));
  for (const v of checkMcqBank(bank)) findings.push({ line: lineOf.get(v.questionId), rule: v.rule, message: `question ${v.questionId}: ${v.message}`, fails: true });
  for (const v of checkDeckNotes(notes)) findings.push({ line: v.line, rule: v.rule, message: `card ${v.guid}: ${v.message}`, fails: true });
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

