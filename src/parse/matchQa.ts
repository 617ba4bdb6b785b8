import { stripInline } from './stripInline.js';

export interface InlineQaMatch {
  question: string;
  answer: string;
  reversible: boolean;
}

/** `Question::Answer` and the reversible `Question:::Answer` (Obsidian spaced-repetition style). */
export function matchInlineQa(line: string): InlineQaMatch | null {
  if (!line.includes('::')) return null;
  // Anki clozes use `::` too; remove them before looking for the separator.
  const masked = line.replace(/\{\{c\d+::[\s\S]{0,4000}?\}\}/g, (m) => ' '.repeat(m.length));
  const m = /^(.*?\S)\s*(:{2,3})\s*(\S.*)$/.exec(masked);
  if (!m || m[2].length > 3) return null;
  const question = line.slice(0, m[1].length).trim();
  const answer = line.slice(masked.length - m[3].length).trim();
  if (!stripInline(question) || !stripInline(answer)) return null;
  return { question, answer, reversible: m[2] === ':::' };
}

const QUESTION_LABEL = /^(?:Q|Question|Q\d+|问|问题)\s*[:：.]\s*(.*)$/i;
const ANSWER_LABEL = /^(?:A|R|Answer|Réponse|Reponse|答|答案)\s*[:：.]\s*(.*)$/i;

/** The question after a `Q:` label, inline Markdown kept; null when the line has no such label. */
export function matchQuestionLabel(line: string): string | null {
  const m = QUESTION_LABEL.exec(line.trim());
  return m ? m[1].trim() : null;
}

/** The answer after an `A:` label, inline Markdown kept; null when the line has no such label. */
export function matchAnswerLabel(line: string): string | null {
  const m = ANSWER_LABEL.exec(line.trim());
  return m ? m[1].trim() : null;
}

/** A line that asks something: ends with `?` or the full-width `？`. */
export function isQuestionText(text: string): boolean {
  return /[?？]\s*$/.test(text.trim()) && /[\p{L}\p{N}]/u.test(text);
}
