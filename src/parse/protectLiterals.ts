/**
 * Code spans and inline HTML comments are literal: a `::`, `==`, `→` or `:` inside them must never
 * make a card, a cloze, a flow or a definition. Inside them, the characters the text rules look for
 * are swapped for private-use stand-ins (same length, so offsets hold); stripInline swaps them back,
 * so the text of every item reads as written.
 */
const SEPARATORS = ':=?{}|>→-~*_[]!';
const STAND_INS = [...SEPARATORS].map((_, i) => String.fromCharCode(0xe100 + i)).join('');
const PROTECT = new Map([...SEPARATORS].map((c, i) => [c, STAND_INS[i]]));
const RESTORE = new Map([...STAND_INS].map((c, i) => [c, SEPARATORS[i]]));
const STAND_IN = /[\ue100-\ue10e]/g;
const LITERAL = /(`{1,10})(?:[^`]|[^`][^`]{0,2000}?[^`])\1(?!`)|<!--[^]{0,5000}?-->/g;

export function protectLiterals(text: string): string {
  if (!text.includes('`') && !text.includes('<!--')) return text;
  return text.replace(LITERAL, (span) => {
    const open = span.startsWith('<!--') ? 4 : /^`+/.exec(span)![0].length;
    const inner = span.slice(open, span.length - (span.startsWith('<!--') ? 3 : open));
    return span.slice(0, open) + [...inner].map((c) => PROTECT.get(c) ?? c).join('') + span.slice(open + inner.length);
  });
}

export function restoreLiterals(text: string): string {
  return text.replace(STAND_IN, (c) => RESTORE.get(c) ?? c);
}
