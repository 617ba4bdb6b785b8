/** Numbering in front of a pasted question or list line: `1.`, `1)`, `1、`, `Q1.`, `(a)`, `a)`, `①`. */
export const LINE_NUMBER = /^\s*(?:(?:Q|Question|问题|题)?\s*\d{1,3}\s*[.)、．:：]|[（(]\s*(?:\d{1,3}|[a-zA-Z]|[一二三四五六七八九十]{1,3})\s*[)）]|[a-zA-Z][.)](?=\s)|[①-⑳])\s*/u;

/** A line without its numbering (`1.`, `Q3)`, `**2.**`), inline Markdown kept. */
export function stripNumbering(raw: string): string {
  const text = raw.trim();
  const bold = /^(\*\*|__)[ \t]*((?:Q|Question|问题|题)?[ \t]*\d{1,3}[ \t]*[.)、．:：])[ \t]*\1[ \t]*/i.exec(text);
  return bold ? text.slice(bold[0].length) : text.replace(LINE_NUMBER, '');
}

/**
 * A pasted question line: it ends with `?` or `？` (numbering in front allowed; two questions on
 * one line stay one question) and has words in it. Returns the question without its numbering.
 */
export function matchQuestionLine(line: string): string | null {
  const text = line.trim();
  if (!/[?？]\s*$/.test(text)) return null;
  const question = text.replace(LINE_NUMBER, '').trim();
  const words = question.replace(/[?？]/g, ' ').trim();
  if (!/[\p{L}]/u.test(words)) return null;
  const cjk = (words.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  if (cjk < 2 && words.split(/\s+/).length < 2) return null;
  return question;
}

/** `Term — definition?` / `Terme — définition ?`: a flashcard whose back is the term's definition. */
export function matchDefinitionCard(question: string): string | null {
  const m = /^(.{1,80}?)\s*(?:[—–-]|─+|:)\s*(?:definition|définition|definición|definizione|definição|definitie|Definition|定义|釋義|释义)\s*[?？]$/iu.exec(question.trim());
  return m ? m[1].trim() : null;
}
