import type { StudyDocument } from '../../model/StudyDocument.js';
import type { McqQuestion } from '../mcq/McqBank.js';
import { bankOf } from '../mcq/mcqRenderer.js';
import type { RenderContext } from '../Renderer.js';

/**
 * What the teacher exports share: the bank's questions (whatever generated them), their shape, their
 * category path, and a tally of the questions a format cannot hold, reported as one counted warning.
 */

export type QuestionShape = 'true-false' | 'single' | 'multiple';

/**
 * True/false items keep `[true label, false label]` (docs/mcq.md); any other question is single- or
 * multiple-answer by its number of keys. Null: no key at all, which no format can grade.
 */
export function questionShape(q: McqQuestion): QuestionShape | null {
  const keys = q.options.filter((o) => o.correct).length;
  if (keys === 0) return null;
  if (q.type === 'true-false' && q.options.length === 2 && keys === 1) return 'true-false';
  return keys === 1 ? 'single' : 'multiple';
}

/** For true/false items: whether the statement is true (its first option, the true label, is the key). */
export const statementIsTrue = (q: McqQuestion) => q.options[0].correct;

export interface ExportBank {
  /** Notes file the bank comes from, relative to the build root. */
  file: string;
  title: string;
  language: string;
  questions: McqQuestion[];
}

/** What an export needs of the build besides the bank. */
export type ExportContext = Pick<RenderContext, 'report' | 'timestamp' | 'options'>;

export function exportBank(document: StudyDocument, context: RenderContext): ExportBank {
  const { bank } = bankOf(document, context.templatesDir);
  return { file: document.file, title: bank.title, language: document.language, questions: bank.questions };
}

/** The category of a question: the bank title, then its heading path without a repeat of the title. */
export function categoryPath(title: string, q: McqQuestion): string[] {
  const theme = q.theme[0] === title ? q.theme.slice(1) : q.theme;
  return [title, ...theme].filter((s) => s.trim() !== '');
}

/** C0 controls (but tab, line feed, carriage return), lone surrogates and U+FFFE/U+FFFF are not XML 1.0 characters. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
export const isXmlText = (s: string) => !NOT_XML.test(s);

export const questionTexts = (q: McqQuestion) => [q.stem, q.explanation, ...q.options.map((o) => o.text)];

/** Counts skipped questions by reason, then reports them once: never a silent cut. */
export class SkipTally {
  private readonly reasons = new Map<string, number>();
  private count = 0;

  skip(reason: string): void {
    this.count++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  get skipped(): number {
    return this.count;
  }

  report(context: Pick<RenderContext, 'report'>, format: string, total: number, what = 'questions'): void {
    if (this.count === 0) return;
    const why = [...this.reasons].map(([reason, n]) => `${n} ${reason}`).join('; ');
    context.report({ message: `${format}: ${this.count} of ${total} ${what} skipped (${why})`, ruleId: `${format}-skipped` });
  }
}

/** Questions grouped by category, categories in order of first appearance, bank order within each. */
export function byCategory(title: string, questions: readonly McqQuestion[]): McqQuestion[] {
  const groups = new Map<string, McqQuestion[]>();
  for (const q of questions) {
    const key = JSON.stringify(categoryPath(title, q));
    const group = groups.get(key);
    if (group) group.push(q);
    else groups.set(key, [q]);
  }
  return [...groups.values()].flat();
}


/**
 * Moodle accepts only some grade fractions; for n keys of a multiple-answer question each key is
 * worth 100/n, which is one of them (rounded as Moodle writes it) for n up to 10, and 20.
 */
export const MOODLE_PARTIAL: ReadonlyMap<number, string> = new Map([[2, '50'], [3, '33.33333'], [4, '25'], [5, '20'], [6, '16.66667'], [7, '14.28571'], [8, '12.5'], [9, '11.11111'], [10, '10'], [20, '5']]);
