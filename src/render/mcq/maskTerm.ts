import { findTerm } from './findTerm.js';

/**
 * Hides a term inside its own definition ("Cell: a cell is …" → "a _____ is …") so the stem of a
 * "which term?" question does not give the key away.
 */
export function maskTerm(text: string, term: string, blank: string): string {
  const t = term.trim();
  if (!t) return text;
  let out = '';
  let last = 0;
  for (let i = findTerm(text, t); i !== -1; i = findTerm(text, t, last)) {
    out += text.slice(last, i) + blank;
    last = i + t.length;
  }
  return out + text.slice(last);
}
