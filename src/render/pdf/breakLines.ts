import LineBreaker from 'linebreak';
import type { Face, FontChain, FontStyle } from './FontChain.js';

export type Rgb = readonly [number, number, number];

/**
 * Something drawn inside a line that is not text (a typeset formula): it takes its width, and the
 * line makes room for its height above and below the baseline. Sizes in points.
 */
export interface InlineBox {
  width: number;
  ascent: number;
  descent: number;
  /** Its drawing operations (Row.ts `Op`, typed there: this file stays below Row.ts). */
  draw(x: number, baseline: number, color: Rgb): unknown[];
}

/** A stretch of text in one style; `\n` inside forces a line break. With `box`, one unbreakable drawing instead of text. */
export interface Span {
  text: string;
  style?: FontStyle;
  color?: Rgb;
  size?: number;
  box?: InlineBox;
}

/** Text drawn with one face, size and colour at `x` from the line start. */
export interface Piece {
  x: number;
  text: string;
  face: Face | null;
  size: number;
  color: Rgb;
  width: number;
  box?: InlineBox;
}

export interface Line {
  width: number;
  /** Largest font size on the line, for its height. */
  size: number;
  pieces: Piece[];
  /** Room the line's boxes need above and below the baseline (points; 0 without boxes). */
  ascent: number;
  descent: number;
}

export interface BreakOptions {
  chain: FontChain;
  /** Width available to every line after the first. */
  width: number;
  /** Width available to the first line (a hanging label or bullet may take some). */
  firstWidth?: number;
  size: number;
  color: Rgb;
}

interface Atom {
  start: number;
  end: number;
  face: Face | null;
  size: number;
  color: Rgb;
  box?: InlineBox;
}

/** Stands for a box in the text handed to the line breaker (UAX #14 allows a break on either side). */
const BOX_CHAR = '\ufffc';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Greedy line filling over the break opportunities of UAX #14 (the `linebreak` package): Chinese
 * breaks between ideographs but keeps `，。：）` with the character before, no-break spaces hold,
 * and a word wider than the line (a long URL) is cut between graphemes rather than overflowing.
 */
export function breakLines(spans: readonly Span[], options: BreakOptions): Line[] {
  const { chain } = options;
  let text = '';
  const atoms: Atom[] = [];
  for (const span of spans) {
    const size = span.size ?? options.size;
    const color = span.color ?? options.color;
    if (span.box) {
      atoms.push({ start: text.length, end: text.length + 1, face: null, size, color, box: span.box });
      text += BOX_CHAR;
      continue;
    }
    for (const run of chain.runs(span.text, span.style ?? 'regular')) {
      atoms.push({ start: text.length, end: text.length + run.text.length, face: run.face, size, color });
      text += run.text;
    }
  }
  const lines: Line[] = [];
  if (!text.trim()) return lines;

  const measure = (start: number, end: number): Piece[] => {
    const pieces: Piece[] = [];
    for (const atom of atoms) {
      if (atom.end <= start || atom.start >= end) continue;
      if (atom.box) {
        pieces.push({ x: 0, text: BOX_CHAR, face: null, size: atom.size, color: atom.color, width: atom.box.width, box: atom.box });
        continue;
      }
      // Soft hyphens (from the hyphenator) and line feeds are break hints, never drawn.
      const pieceText = text.slice(Math.max(start, atom.start), Math.min(end, atom.end)).replace(/[\n\u00ad]/g, '');
      if (!pieceText) continue;
      pieces.push({ x: 0, text: pieceText, face: atom.face, size: atom.size, color: atom.color, width: chain.width({ text: pieceText, face: atom.face }, atom.size) });
    }
    return pieces;
  };
  const widthOf = (pieces: Piece[]) => pieces.reduce((w, p) => w + p.width, 0);

  let current: Piece[] = [];
  let currentWidth = 0;
  /** The last stretch on the line ended at a soft hyphen: if the line ends there, draw a hyphen. */
  let endsAtSoftHyphen = false;
  const hyphenAfter = (p: Piece): Piece => ({ ...p, x: 0, text: '-', box: undefined, width: chain.width({ text: '-', face: p.face }, p.size) });
  const available = () => (lines.length === 0 ? options.firstWidth ?? options.width : options.width);
  const flush = () => {
    // Trailing spaces take no room at the end of a line.
    while (current.length) {
      const last = current[current.length - 1];
      const trimmed = last.text.replace(/[ \u00a0\u202f]+$/, '');
      if (trimmed === last.text || last.box) break;
      if (trimmed) {
        current[current.length - 1] = { ...last, text: trimmed, width: chain.width({ text: trimmed, face: last.face }, last.size) };
        break;
      }
      current.pop();
    }
    const last = current[current.length - 1];
    if (endsAtSoftHyphen && last?.face) current.push(hyphenAfter(last));
    lines.push(toLine(current));
    current = [];
    currentWidth = 0;
    endsAtSoftHyphen = false;
  };

  const breaker = new LineBreaker(text);
  let last = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const start = last;
    const end = brk.position;
    last = end;
    const segment = text.slice(start, end);
    const visibleEnd = start + segment.replace(/[\s\u00a0\u202f]+$/, '').length;
    const pieces = measure(start, end);
    const softHyphen = segment.endsWith('\u00ad');
    const visible = measure(start, visibleEnd);
    // A stretch that may end the line with a hyphen must leave room for it.
    const visibleWidth = widthOf(visible) + (softHyphen && visible.length ? hyphenAfter(visible[visible.length - 1]).width : 0);
    if (current.length && currentWidth + visibleWidth > available() + 0.01) flush();
    if (visibleWidth > available() + 0.01) {
      // An unbreakable stretch longer than a line: cut it between graphemes.
      let previous: Piece[] = [];
      for (const { segment: g, index } of segmenter.segment(segment)) {
        const gPieces = measure(start + index, start + index + g.length);
        const w = widthOf(gPieces);
        if (current.length && currentWidth + w > available() + 0.01 && g.trim()) {
          // Glued marks (a French `?` after its no-break space, closing brackets) never start a
          // line: the character before them moves down too.
          if (/^[\u00a0\u202f?!:;,.)\]}»”’、。，：；！？）]/u.test(g) && previous.length && current.length > previous.length) {
            current.splice(current.length - previous.length, previous.length);
            flush();
            current.push(...previous);
            currentWidth = widthOf(previous);
          } else flush();
        }
        current.push(...gPieces);
        currentWidth += w;
        previous = /^[\u00a0\u202f]/.test(g) ? [...previous, ...gPieces] : gPieces;
      }
      endsAtSoftHyphen = false;
    } else {
      current.push(...pieces);
      currentWidth += widthOf(pieces);
      endsAtSoftHyphen = softHyphen;
    }
    if (brk.required) flush();
  }
  if (current.length) flush();
  return lines.filter((l, i) => l.pieces.length > 0 || i < lines.length - 1);
}

/** Places pieces side by side and merges neighbours that share face, size and colour. */
function toLine(pieces: Piece[]): Line {
  const merged: Piece[] = [];
  let x = 0;
  let size = 0;
  let ascent = 0;
  let descent = 0;
  for (const p of pieces) {
    size = Math.max(size, p.size);
    if (p.box) {
      ascent = Math.max(ascent, p.box.ascent);
      descent = Math.max(descent, p.box.descent);
    }
    const prev = merged[merged.length - 1];
    if (prev && prev.face && prev.face === p.face && prev.size === p.size && prev.color === p.color) {
      prev.text += p.text;
      prev.width += p.width;
    } else {
      merged.push({ ...p, x });
    }
    x += p.width;
  }
  return { width: x, size, pieces: merged, ascent, descent };
}
