import { looksLikeTerm } from '../matchDefinition.js';

export interface ChineseDefinition {
  term: string;
  definition: string;
}

/**
 * `X是指Y`, `X指的是Y`, `X就是Y`-free forms: `X即Y` and `X，即Y`. The term must be a short noun
 * phrase without punctuation; `即使`, `即将`, `即可`, `立即` are words, not the copula.
 */
const IS_DEFINED = /^([^，,。；;：:、！？!?\s]{1,16}?)(?:是指|指的是|系指|意指|乃是指)(.{2,})$/u;
const NAMELY = /^([^，,。；;：:、！？!?\s]{1,16}?)[，,]?即(?![使将可便时刻])(.{2,})$/u;

export function matchChineseDefinition(line: string): ChineseDefinition | null {
  const text = line.trim().replace(/^[-*•·▪●◦]\s*/, '');
  if (text.length > 2000) return null;
  const m = IS_DEFINED.exec(text) ?? NAMELY.exec(text);
  if (!m) return null;
  const term = m[1].trim();
  if (/[立随]$/.test(term) || !looksLikeTerm(term)) return null;
  const definition = m[2].trim().replace(/[；;，,。.]+$/u, '');
  if (!/[\p{L}\p{N}]/u.test(definition)) return null;
  return { term, definition };
}
