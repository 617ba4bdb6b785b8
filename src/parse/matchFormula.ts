import { stripInline } from './stripInline.js';

export interface FormulaMatch {
  expression: string;
}

export interface LegendMatch {
  symbol: string;
  meaning: string;
}

/** Operators that make an expression of the right-hand side; `-` only counts between spaces. */
const OPERATOR = /[+*/×÷^√∑∏∫·]|\s[-−]\s|\\frac|\\sqrt/;
const REACTION = /^[^→=]+\+[^→=]+(?:→|->|⟶)[^→=]+$/;

/**
 * A formula is a short symbol (or `$…$` maths) set equal to an expression with operators:
 * `m = (PV - PA) / PV × 100`. Prose with an equals sign in it does not qualify.
 */
export function matchFormula(line: string): FormulaMatch | null {
  const raw = line.trim();
  const math = /^\${1,2}([^$]+)\${1,2}$/.exec(raw);
  if (math && /=/.test(math[1])) return { expression: math[1].trim() };
  const text = stripInline(raw);
  // A chemical equation is one arrow between sums: `6 CO₂ + 6 H₂O → C₆H₁₂O₆ + 6 O₂`.
  if (REACTION.test(text) && (text.match(/→|->|⟶/g) ?? []).length === 1) return { expression: text };
  const m = /^([^=<>!:]{1,30}?)\s*=\s*([^=].*)$/.exec(text);
  if (!m) return null;
  const lhs = m[1].trim();
  const rhs = m[2].trim();
  if (lhs.split(/\s+/).length > 4 || !OPERATOR.test(rhs)) return null;
  // Prose around an operator ("= the sum of a + b for each client who paid") is a sentence.
  const words = rhs.split(/\s+/).filter((w) => /^\p{L}{3,}$/u.test(w));
  if (words.length > 10) return null;
  return { expression: text };
}

/** A legend line under a formula: `m = Marge bénéficiaire`, `où PV : prix de vente`, `- x: rate`. */
export function matchLegend(line: string): LegendMatch | null {
  const text = stripInline(line.replace(/^\s*(?:[-*+•]\s+)?(?:où|with|where|avec|其中|with:)\s*/i, ''));
  const m = /^([\p{L}\p{N}_'′ΔΣ]{1,12}(?:\s?[\p{L}\p{N}_]{1,6})?)\s*(?:=|:|：|—|–|-)\s*(.+)$/u.exec(text);
  if (!m || (OPERATOR.test(m[2]) && !/\p{L}{3,}/u.test(m[2]))) return null;
  return { symbol: m[1].trim(), meaning: m[2].trim() };
}
