import type { Inline } from '../../model/Inline.js';

/**
 * Formulas left in a plain field (`$…$`, `$$…$$`, as the model's plain text writes them) as typed
 * content, for fields that have no rich twin (cloze sentences, flow steps). Same rules as the
 * parser: an opening `$` is followed by a non-blank, a closing one follows a non-blank and is not
 * followed by a digit, so `$5 and $10` stays money. Linear: one pass, closers listed once.
 */
export function splitDollarMath(text: string): Inline[] {
  if (!text.includes('$')) return text ? [{ type: 'text', text }] : [];
  const out: Inline[] = [];
  const closers: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '$' && text[i - 1] !== '$' && text[i + 1] !== '$' && !/\s/.test(text[i - 1]) && text[i - 1] !== '\\' && !/[0-9]/.test(text[i + 1] ?? '')) closers.push(i);
  }
  let next = 0;
  let run = '';
  let i = 0;
  const flush = () => {
    if (run) out.push({ type: 'text', text: run });
    run = '';
  };
  while (i < text.length) {
    if (text[i] === '$' && text[i + 1] === '$') {
      const close = text.indexOf('$$', i + 2);
      const tex = close > 0 ? text.slice(i + 2, close).trim() : '';
      if (tex) {
        flush();
        out.push({ type: 'math', tex, display: true });
        i = close + 2;
        continue;
      }
    } else if (text[i] === '$' && text[i + 1] && !/\s/.test(text[i + 1]) && text[i - 1] !== '\\') {
      while (next < closers.length && closers[next] <= i + 1) next++;
      const close = closers[next];
      if (close !== undefined) {
        flush();
        out.push({ type: 'math', tex: text.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    run += text[i];
    i++;
  }
  flush();
  return out;
}

/**
 * Plain text with its formulas in the marked form exchange formats read (`\(…\)` inline, `\[…\]`
 * displayed: MathJax's default delimiters, which Moodle, Canvas and Anki typeset), so a consumer can
 * tell TeX from text without guessing at dollar signs.
 */
export function markMath(text: string): string {
  if (!text.includes('$')) return text;
  return splitDollarMath(text)
    .map((c) => (c.type === 'math' ? (c.display ? `\\[${c.tex}\\]` : `\\(${c.tex}\\)`) : c.type === 'text' ? c.text : ''))
    .join('');
}
