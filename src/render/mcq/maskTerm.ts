/**
 * Hides a term inside its own definition ("Cell: a cell is …" → "a _____ is …") so the stem of a
 * "which term?" question does not give the key away.
 */
export function maskTerm(text: string, term: string, blank: string): string {
  const t = term.trim();
  if (!t) return text;
  const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(t);
  const pattern = cjk ? new RegExp(escaped, 'giu') : new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, blank);
}
