import { findFigures } from './findFigures.js';
import { looksLikeTerm } from './matchDefinition.js';
import { splitSentences } from './splitSentences.js';
import { stripInline } from './stripInline.js';

/** `[...]`, `[…]`, `(...)`, `(…)`: where a document site cut text out. */
const ELISION = /\s*(?:\[\s*(?:\.{3}|…)\s*\]|\(\s*(?:\.{3}|…)\s*\))\s*/g;
/** `Terme : définition` at the start of a sentence. */
const GLUED_TERM = /^([^:：]{1,60}?)\s*[:：]\s*\S/;
/** `Lead-in : - item - item`: bullets a paste ran into one line. */
export const INLINE_BULLETS = /^(.{2,100}?)\s*[:：]\s*[-–•]\s+(.+)$/;

function startsDefinition(sentence: string): boolean {
  const m = GLUED_TERM.exec(stripInline(sentence));
  if (!m) return false;
  const term = m[1].trim();
  return looksLikeTerm(term) && term.split(/\s+/).length <= 5 && /^[\p{Lu}\p{Lo}«"“]/u.test(term);
}

/**
 * A line that a paste ran several statements into, cut back into them: at elisions (`[...]`), and
 * between sentences where a new `Terme : définition`, a run of inline bullets or a sentence with a
 * figure begins. Other sentences after a definition stay with it until the next one begins. Null when the line is one
 * statement (then the other rules read it whole).
 */
export function splitRunOn(text: string): string[] | null {
  const parts = text.split(ELISION).filter((p) => p.trim());
  const segments: string[] = [];
  let open = '';
  for (const part of parts) {
    if (open) segments.push(open);
    open = '';
    for (const sentence of splitSentences(part)) {
      // A sentence with a figure is a key fact of its own, even after a definition.
      const starts = startsDefinition(sentence) || INLINE_BULLETS.test(sentence) || findFigures(stripInline(sentence)).length > 0;
      if (starts && open) {
        segments.push(open);
        open = sentence;
      } else open = open ? `${open} ${sentence}` : sentence;
    }
  }
  if (open) segments.push(open);
  return segments.length >= 2 ? segments : null;
}
