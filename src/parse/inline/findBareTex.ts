/**
 * TeX commands that only ever mean maths. A pasted formula (`\frac{a}{b}`, `\alpha + \beta`) is
 * recognised by one of them; other commands (`\section`, `\textbf`) are not maths and stay text.
 */
const MATH_COMMANDS = new Set(
  (
    'frac dfrac tfrac sqrt sum prod int iint oint lim limsup liminf infty partial nabla cdot cdots ldots times div pm mp ' +
    'leq geq neq le ge ne approx equiv sim simeq propto to rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow ' +
    'mapsto implies iff forall exists in notin subset subseteq supset supseteq cup cap emptyset setminus mathbb mathcal mathrm ' +
    'mathbf mathit vec hat bar overline underline dot ddot tilde binom log ln exp sin cos tan sec csc cot arcsin arccos arctan ' +
    'sinh cosh tanh det max min sup inf arg deg gcd left right langle rangle lfloor rfloor lceil rceil ' +
    'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho varrho sigma ' +
    'varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega'
  ).split(' '),
);

const LETTERS = /[A-Za-z]/;

/**
 * Stretches of a line that are TeX written without delimiters, as [from, to) pairs: each holds at
 * least one maths command (or a braced `^{…}` / `_{…}`), and runs over the symbols, numbers,
 * single letters and braced groups around it. A word of three letters or more that is not a
 * command ends the stretch: that is prose again. One pass, braces bounded.
 */
export function findBareTex(text: string): [number, number][] {
  const out: [number, number][] = [];
  // Tokens: [from, to, kind] where kind says whether the token is maths, neutral or prose.
  type Kind = 'math' | 'neutral' | 'prose' | 'space';
  const tokens: [number, number, Kind][] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '\\' && LETTERS.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && LETTERS.test(text[j])) j++;
      tokens.push([i, j, MATH_COMMANDS.has(text.slice(i + 1, j)) ? 'math' : 'prose']);
      i = j;
    } else if (c === '{') {
      let depth = 0;
      let j = i;
      for (; j < text.length && j - i < 200; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      if (depth === 0 && j < text.length) {
        tokens.push([i, j + 1, 'neutral']);
        i = j + 1;
      } else {
        tokens.push([i, i + 1, 'prose']);
        i++;
      }
    } else if ((c === '^' || c === '_') && text[i + 1] === '{') {
      tokens.push([i, i + 1, 'math']);
      i++;
    } else if (/\p{L}/u.test(c)) {
      let j = i;
      while (j < text.length && /\p{L}/u.test(text[j])) j++;
      tokens.push([i, j, j - i >= 3 || !LETTERS.test(c) ? 'prose' : 'neutral']);
      i = j;
    } else if (c === ' ' || c === '\t') {
      tokens.push([i, i + 1, 'space']);
      i++;
    } else if (/[0-9+\-*/=<>()[\]|.,'^_!:;]/.test(c) || /[\u2200-\u22ff\u00b1\u00d7\u00f7]/.test(c)) {
      tokens.push([i, i + 1, 'neutral']);
      i++;
    } else {
      tokens.push([i, i + 1, 'prose']);
      i++;
    }
  }
  let start = -1;
  let end = -1;
  let hasMath = false;
  const close = () => {
    if (start >= 0 && hasMath) {
      // Sentence punctuation at the end belongs to the prose.
      let to = end;
      while (to > start && /[\s.,;:]/.test(text[to - 1])) to--;
      if (to > start) out.push([start, to]);
    }
    start = -1;
    hasMath = false;
  };
  for (const [from, to, kind] of tokens) {
    if (kind === 'prose') {
      close();
      continue;
    }
    if (kind === 'space') continue;
    if (start < 0) start = from;
    end = to;
    if (kind === 'math') hasMath = true;
  }
  close();
  return out;
}
