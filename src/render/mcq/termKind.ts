import { foldText } from '../quality/foldText.js';
import { isSymbolAnswer } from '../quality/isSymbolAnswer.js';

export type TermKind = 'symbol' | 'abbreviation' | 'legend' | 'name';

/**
 * What kind of name a term is, so wrong options are of the same kind: a single letter or symbol
 * (never asked), a variable of a formula the notes write ("Image size" under "Magnification =
 * image size / actual size"), an abbreviation ("CAC", "ATP", "eCRM", "CO2"), or a name.
 */
export function termKind(term: string, formulaSymbols: ReadonlySet<string> = new Set()): TermKind {
  const t = term.trim();
  if (isSymbolAnswer(t)) return 'symbol';
  if (formulaSymbols.has(foldText(t))) return 'legend';
  if (/^[\p{Script=Latin}\d&.\-/]{2,8}$/u.test(t) && (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}{2}/u.test(t.replace(/^\p{Ll}/u, ''))) return 'abbreviation';
  return 'name';
}
