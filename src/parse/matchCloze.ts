import { stripInline } from './stripInline.js';

export interface ClozeMatch {
  text: string;
  deletions: string[];
  hints: (string | null)[];
  cloze: string;
}

/**
 * `{{cN::body}}`; the body is split into answer and hint afterwards. One bounded, brace-free span
 * (single `{…}` groups allowed, for LaTeX) keeps a line full of unclosed `{{c1::` linear to scan;
 * an optional hint group nested after a lazy answer made it cubic.
 */
const ANKI_CLOZE = /\{\{c(\d+)::((?:[^{}]|\{[^{}]{0,200}\}){0,2000}?)\}\}/g;

function splitBody(body: string): [string, string | undefined] {
  const sep = body.indexOf('::');
  return sep < 0 ? [body, undefined] : [body.slice(0, sep), body.slice(sep + 2)];
}
const HIGHLIGHT = /==(?=\S)([^=\n]*?\S)==/g;

/**
 * Finds `{{c1::answer::hint}}` and `==highlight==` deletions in one line. Highlights are numbered
 * after the highest explicit cloze number so a line can mix both styles.
 */
export function matchCloze(line: string): ClozeMatch | null {
  if (!line.includes('{{c') && !line.includes('==')) return null;
  const deletions: string[] = [];
  const hints: (string | null)[] = [];
  let highest = 0;
  for (const m of line.matchAll(ANKI_CLOZE)) highest = Math.max(highest, Number(m[1]));
  let ankiText = line.replace(ANKI_CLOZE, (_all, n: string, body: string) => {
    const [answer, hint] = splitBody(body);
    const plain = stripInline(answer);
    deletions.push(plain);
    hints.push(hint ? stripInline(hint) : null);
    return hint ? `{{c${Number(n)}::${plain}::${stripInline(hint)}}}` : `{{c${Number(n)}::${plain}}}`;
  });
  let next = highest;
  ankiText = ankiText.replace(HIGHLIGHT, (_all, answer: string) => {
    const plain = stripInline(answer);
    deletions.push(plain);
    hints.push(null);
    next++;
    return `{{c${next}::${plain}}}`;
  });
  if (deletions.length === 0 || deletions.some((d) => !d)) return null;
  const clear = ankiText.replace(ANKI_CLOZE, (_all, _n, body: string) => splitBody(body)[0]);
  return { text: stripInline(clear), deletions, hints, cloze: stripClozeSafe(ankiText) };
}

/** Strips inline markup outside the cloze braces while keeping `{{c1::…}}` intact. */
function stripClozeSafe(text: string): string {
  return text
    .split(/(\{\{c\d+::(?:[^{}]|\{[^{}]{0,200}\}){0,2000}?\}\})/)
    .map((part, i) => (i % 2 === 1 ? part : keepEdgeSpaces(part, stripInline(part))))
    .join('')
    .trim();
}

/** stripInline trims; a fragment between two deletions must keep its spaces. */
function keepEdgeSpaces(original: string, stripped: string): string {
  const lead = /^\s/.test(original) && stripped ? ' ' : '';
  const trail = /\s$/.test(original) && stripped ? ' ' : '';
  return stripped ? lead + stripped + trail : original.trim() ? stripped : original.replace(/\s+/g, ' ');
}
