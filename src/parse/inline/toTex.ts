/** Characters that have a meaning in TeX and must be written as commands to be shown. */
const SPECIALS: Record<string, string> = { '#': '\\#', '%': '\\%', '&': '\\&', '~': '\\sim ', '$': '\\$' };
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SYMBOLS: Record<string, string> = { '×': '\\times ', '÷': '\\div ', '−': '-', '·': '\\cdot ', '→': '\\rightarrow ', '⟶': '\\longrightarrow ', '≤': '\\leq ', '≥': '\\geq ', '≠': '\\neq ', '≈': '\\approx ', '√': '\\surd ', '∑': '\\sum ', '∏': '\\prod ', '∫': '\\int ', '∞': '\\infty ', '±': '\\pm ', '%': '\\%' };

/** Combining accents as TeX's text accents, so MathJax draws é, è, ç from its own fonts. */
const ACCENTS: Record<string, string> = { '\u0301': "\\'", '\u0300': '\\`', '\u0302': '\\^', '\u0308': '\\"', '\u0303': '\\~' };

function textAccents(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFD')) {
    const accent = ACCENTS[ch];
    if (accent && out) {
      const base = [...out].pop()!;
      out = out.slice(0, out.length - base.length) + `${accent}{${base}}`;
    } else out += ch;
  }
  return out.normalize('NFC');
}

/**
 * A formula as revise recognises it in plain text (`m = (PV - PA) / PV × 100`, `6 CO₂ + 6 H₂O → …`)
 * as TeX, so it is typeset like the formulas written in TeX: names of two letters or more upright
 * (`\mathrm{PV}`, not P times V in italics), words as text, Unicode sub- and superscript digits as
 * `_{2}` and `^{2}`. An expression that already holds TeX commands or braces is TeX: kept as it is.
 */
export function toTex(expression: string): string {
  if (/\\[a-zA-Z]|[{}]/.test(expression)) return expression;
  let out = '';
  // In a reaction every letter is an element symbol: upright.
  const chemistry = /→|->|⟶/.test(expression);
  const chars = [...expression.replace(/->/g, '→')];
  for (let i = 0; i < chars.length; ) {
    const c = chars[i];
    const sub = SUBSCRIPTS.indexOf(c);
    const sup = SUPERSCRIPTS.indexOf(c);
    if (sub >= 0 || sup >= 0) {
      const set = sub >= 0 ? SUBSCRIPTS : SUPERSCRIPTS;
      let digits = '';
      while (i < chars.length && set.includes(chars[i])) digits += String(set.indexOf(chars[i++]));
      out += `${sub >= 0 ? '_' : '^'}{${digits}}`;
      continue;
    }
    if (/\p{L}/u.test(c)) {
      let word = '';
      while (i < chars.length && /[\p{L}\p{M}']/u.test(chars[i])) word += chars[i++];
      // Words in a row ("énergie lumineuse reçue") are one piece of text, spaces kept.
      while (i + 1 < chars.length && chars[i] === ' ' && /\p{L}/u.test(chars[i + 1]) && [...word].length > 1) {
        let next = '';
        let j = i + 1;
        while (j < chars.length && /[\p{L}\p{M}']/u.test(chars[j])) next += chars[j++];
        if ([...next].length < 2) break;
        word += ` ${next}`;
        i = j;
      }
      // One Latin or Greek letter is a variable (italic); longer names and other scripts are upright text.
      if (!chemistry && [...word].length === 1 && /[A-Za-zα-ωΑ-Ω]/.test(word)) out += word;
      else if (/^[A-Za-z]+$/.test(word)) out += `\\mathrm{${word}}`;
      else out += `\\text{${textAccents(word)}}`;
      continue;
    }
    out += SYMBOLS[c] ?? SPECIALS[c] ?? c;
    i++;
  }
  return out.replace(/\s+$/, '');
}
