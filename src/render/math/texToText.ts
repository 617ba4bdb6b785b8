const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'ϑ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ',
  phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π',
  Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', times: '×', cdot: '·', div: '÷', pm: '±', mp: '∓', leq: '≤', le: '≤', geq: '≥',
  ge: '≥', neq: '≠', ne: '≠', approx: '≈', equiv: '≡', sim: '∼', propto: '∝', infty: '∞', partial: '∂', nabla: '∇',
  sum: '∑', prod: '∏', int: '∫', oint: '∮', sqrt: '√', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒',
  Leftarrow: '⇐', leftrightarrow: '↔', Leftrightarrow: '⇔', implies: '⇒', iff: '⇔', mapsto: '↦', forall: '∀', exists: '∃',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', supset: '⊃', cup: '∪', cap: '∩', emptyset: '∅', ldots: '…', cdots: '⋯',
  circ: '∘', degree: '°', langle: '⟨', rangle: '⟩', neg: '¬', land: '∧', lor: '∨', perp: '⊥', angle: '∠',
};
const COMBINING: Record<string, string> = { "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303' };
const SUBSCRIPT: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋' };
const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', n: 'ⁿ', i: 'ⁱ' };

/**
 * A readable Unicode rendering of a formula (`\alpha^2 + \frac{a}{b}` → `α² + a/b`), written as
 * invisible text under the typeset formula so that search, copy and paste and pdftotext find its
 * symbols. Linear: one pass of bounded replacements.
 */
export function texToText(tex: string): string {
  return tex
    .replace(/\\(['`^"~])\{?([a-zA-Z])\}?/g, (_all, accent: string, letter: string) => (letter + COMBINING[accent]).normalize('NFC'))
    .replace(/\\(?:d|t)?frac\s*\{([^{}]{0,200})\}\s*\{([^{}]{0,200})\}/g, '($1)/($2)')
    .replace(/\\sqrt\s*\{([^{}]{0,200})\}/g, '√($1)')
    .replace(/\\(?:mathrm|mathit|mathbf|text|textrm|operatorname|mathbb|mathcal)\s*\{([^{}]{0,200})\}/g, '$1')
    .replace(/\\([a-zA-Z]+)/g, (whole, name: string) => SYMBOLS[name] ?? (['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'displaystyle', 'limits', 'quad', 'qquad'].includes(name) ? ' ' : name))
    .replace(/\^\{([0-9+\-ni]{1,6})\}|\^([0-9+\-ni])/g, (whole, group: string | undefined, one: string | undefined) => [...(group ?? one ?? '')].map((c) => SUPERSCRIPT[c] ?? c).join(''))
    .replace(/_\{([0-9+-]{1,6})\}|_([0-9])/g, (whole, group: string | undefined, one: string | undefined) => [...(group ?? one ?? '')].map((c) => SUBSCRIPT[c] ?? c).join(''))
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
