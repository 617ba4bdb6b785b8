import { isSymbolAnswer } from '../quality/isSymbolAnswer.js';

export type TermKind = 'symbol' | 'abbreviation' | 'name';

/**
 * What kind of name a term is, so wrong options are of the same kind: a single letter or symbol
 * (a formula legend, never asked), an abbreviation ("CAC", "ATP", "eCRM", "CO2"), or a name.
 */
export function termKind(term: string): TermKind {
  const t = term.trim();
  if (isSymbolAnswer(t)) return 'symbol';
  if (/^[\p{Script=Latin}\d&.\-/]{2,8}$/u.test(t) && (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}{2}/u.test(t.replace(/^\p{Ll}/u, ''))) return 'abbreviation';
  return 'name';
}
