import type { Inline } from '../../model/Inline.js';
import { CODE_TEXT_COLOR, plainCode, type CodeToken, type Highlighter } from '../code/highlightCode.js';
import { texToText } from '../math/texToText.js';
import type { Typesetter, TypesetMath } from '../math/typesetTex.js';
import { rectOperators } from './pathOperators.js';
import type { InlineBox, Piece, Rgb, Span } from './breakLines.js';
import type { FontChain, FontStyle } from './FontChain.js';
import { paragraphRows } from './paragraphRows.js';
import type { Op, Row } from './Row.js';
import { sheetStyle } from './sheetStyle.js';

/** What drawing rich content needs besides the text: loaded only when the document has formulas or code. */
export interface RichEnv {
  chain: FontChain;
  prepare: (s: string) => string;
  typesetter: Typesetter | null;
  highlighter: Highlighter | null;
  /** Images that can be drawn, by model path, with their size in pixels. */
  images: ReadonlyMap<string, { width: number; height: number }>;
  /** A formula MathJax rejected, reported once per formula with the item's line. */
  warn(message: string, line: number): void;
}

export const hexColor = (hex: string): Rgb => [parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255];

/** Invisible text under a formula, squeezed to its width: pdftotext and search find its symbols. */
function hiddenText(env: RichEnv, tex: string, x: number, baseline: number, width: number, size: number, out: Op[]): void {
  const text = texToText(tex);
  if (!text) return;
  const runs = env.chain.runs(text, 'regular');
  const natural = runs.reduce((w, r) => w + env.chain.width(r, size), 0);
  if (natural <= 0) return;
  const squeeze = Math.max(1, Math.min(1000, (width / natural) * 100));
  let at = x;
  for (const run of runs) {
    const w = env.chain.width(run, size);
    const piece: Piece = { x: 0, text: run.text, face: run.face, size, color: sheetStyle.color.text, width: w };
    out.push({ kind: 'text', x: at, y: baseline, piece, invisible: { squeeze } });
    at += (w * squeeze) / 100;
  }
}

/** a b c d e f products, as MathJax's transforms compose. */
function multiply(p: readonly number[], q: readonly number[]): [number, number, number, number, number, number] {
  return [p[0] * q[0] + p[2] * q[1], p[1] * q[0] + p[3] * q[1], p[0] * q[2] + p[2] * q[3], p[1] * q[2] + p[3] * q[3], p[0] * q[4] + p[2] * q[5] + p[4], p[1] * q[4] + p[3] * q[5] + p[5]];
}

/**
 * Characters MathJax has no outline for (`é` in `\text{}`, Chinese) as outlines from the sheet's
 * fonts, placed where MathJax put them: drawn as paths like the rest of the formula, so the text
 * layer holds only the formula's readable form.
 */
function glyphPaths(env: RichEnv, math: TypesetMath): { d: string; m: readonly number[] }[] {
  const paths: { d: string; m: readonly number[] }[] = [];
  for (const t of math.drawing.texts) {
    let advance = 0;
    for (const run of env.chain.runs(t.text, 'regular')) {
      if (!run.face) continue;
      const font = run.face.font;
      const k = t.size / font.unitsPerEm;
      for (const glyph of font.glyphsForString(run.text)) {
        const d = glyph.path.toSVG();
        if (d) paths.push({ d, m: multiply(t.m, [k, 0, 0, -k, advance * k, 0]) });
        advance += glyph.advanceWidth;
      }
    }
  }
  return paths;
}

/** A formula's glyphs (each an outline and its place, in em, y down) and its bars as path operators, made once per formula. */
const drawings = new WeakMap<TypesetMath, { glyphs: { d: string; m: readonly number[] }[]; rects: string }>();

function mathDrawing(env: RichEnv, math: TypesetMath): { glyphs: { d: string; m: readonly number[] }[]; rects: string } {
  let drawing = drawings.get(math);
  if (!drawing) {
    drawing = { glyphs: [...math.drawing.paths, ...glyphPaths(env, math)], rects: math.drawing.rects.map((r) => rectOperators(r, r.m)).join('\n') };
    drawings.set(math, drawing);
  }
  return drawing;
}

/** A typeset formula as a box of the line, `size` points per em. */
function mathBox(env: RichEnv, math: TypesetMath, tex: string, size: number): InlineBox {
  const drawing = mathDrawing(env, math);
  return {
    width: math.width * size,
    ascent: math.ascent * size,
    descent: math.descent * size,
    draw(x, baseline, color) {
      const out: Op[] = [{ kind: 'math', x, y: baseline, scale: size, glyphs: drawing.glyphs, rects: drawing.rects, color }];
      hiddenText(env, tex, x, baseline, math.width * size, size * 0.8, out);
      return out;
    },
  };
}

/** TeX typeset, or null when it cannot be (then it is shown as written, and reported). */
function typeset(env: RichEnv, tex: string, display: boolean, line: number): TypesetMath | null {
  if (!env.typesetter) return null;
  const result = env.typesetter.typeset(tex, display);
  if ('error' in result) {
    env.warn(`TeX that MathJax cannot typeset (${result.error}): ${tex.length > 60 ? `${tex.slice(0, 59)}…` : tex} is shown as written`, line);
    return null;
  }
  return result;
}

/**
 * Inline content → spans of one paragraph (text, formulas in the line, code spans in the
 * monospaced face) and the blocks to set under it (displayed formulas, code blocks, images).
 */
export function richSpans(content: readonly Inline[], env: RichEnv, base: { style?: FontStyle; color?: Rgb; size: number }, line: number): { spans: Span[]; blocks: Inline[] } {
  const spans: Span[] = [];
  const blocks: Inline[] = [];
  for (const c of content) {
    if (c.type === 'text') {
      // Spaces at the edges stay: a formula or a code span sits between words.
      const text = env.prepare(c.text);
      const lead = /^\s/.test(c.text) && text ? ' ' : '';
      const trail = /\s$/.test(c.text) && text ? ' ' : '';
      if (text || /\s/.test(c.text)) spans.push({ text: text ? lead + text + trail : ' ', style: base.style, color: base.color });
    } else if (c.type === 'math') {
      if (c.display) {
        blocks.push(c);
        continue;
      }
      const math = typeset(env, c.tex, false, line);
      if (math) spans.push({ text: c.tex, box: mathBox(env, math, c.tex, base.size) });
      else spans.push({ text: `$${c.tex}$`, style: 'mono', color: sheetStyle.color.placeholder });
    } else if (c.type === 'code') {
      if (c.block) blocks.push(c);
      else spans.push({ text: c.code.replace(/\s+/g, ' '), style: 'mono', color: sheetStyle.color.code, size: base.size * 0.92 });
    } else blocks.push(c);
  }
  return { spans, blocks };
}

/** Blocks under an item: displayed formulas centred, code blocks, images with their caption. */
export function blockRows(blocks: readonly Inline[], env: RichEnv, width: number, line: number): Row[] {
  const rows: Row[] = [];
  for (const b of blocks) {
    if (b.type === 'math') rows.push(...displayMathRows(b.tex, env, width, line));
    else if (b.type === 'code') rows.push(...codeRows(b.code, b.lang, env, width));
    else if (b.type === 'image') rows.push(...imageRows(b.path, b.alt || b.src, env, width));
  }
  return rows;
}

export function displayMathRows(tex: string, env: RichEnv, width: number, line: number, band?: { fill: Rgb; bar: Rgb }): Row[] {
  const size = sheetStyle.body.size * 1.1;
  const math = typeset(env, tex, true, line);
  if (!math) return paragraphRows([{ text: `$$${tex}$$`, style: 'mono', color: sheetStyle.color.placeholder }], { chain: env.chain, width, size: sheetStyle.small + 0.6, align: 'center', band: band && { ...band, padX: 7 } });
  // Too wide for the column: smaller, never cut.
  const scale = Math.min(size, (width - 4) / Math.max(math.width, 0.01));
  const box = mathBox(env, math, tex, scale);
  const height = box.ascent + box.descent + 5;
  return [
    {
      height,
      spaceBefore: 2,
      draw(out, x, y, w) {
        if (band) {
          out.push({ kind: 'rect', x, y, w, h: height, fill: band.fill });
          out.push({ kind: 'rect', x, y, w: 1.6, h: height, fill: band.bar });
        }
        out.push(...(box.draw(x + (w - box.width) / 2, y + 2.5 + box.ascent, sheetStyle.color.text) as Op[]));
      },
    },
  ];
}

const TAB = '    ';

/**
 * A code block in the monospaced face with its syntax colours: smaller when a line is too wide for
 * the column (down to a floor), then wrapped between characters with a mark in the margin, never
 * cut; one row per line, so a 5,000-line listing flows over as many pages as it takes.
 */
export function codeRows(code: string, lang: string | undefined, env: RichEnv, width: number): Row[] {
  const st = sheetStyle.code;
  const tokens: CodeToken[][] = (lang && env.highlighter ? env.highlighter.highlight(code, lang) : plainCode(code)).map((l) => l.map((t) => ({ ...t, text: t.text.replace(/\t/g, TAB) })));
  while (tokens.length > 1 && tokens[tokens.length - 1].length === 0) tokens.pop();
  const avail = Math.max(20, width - st.padX * 2);
  const widthAt = (l: CodeToken[], size: number) => l.reduce((w, t) => w + env.chain.runs(t.text, 'mono').reduce((a, r) => a + env.chain.width(r, size), 0), 0);
  const widest = Math.max(1, ...tokens.map((l) => widthAt(l, 1)));
  const size = Math.max(st.minSize, Math.min(st.size, avail / widest));
  const lineHeight = size * 1.32;
  // Lines as pieces, wrapped where still too wide.
  const lines: { pieces: Piece[]; continued: boolean }[] = [];
  for (const l of tokens) {
    let pieces: Piece[] = [];
    let x = 0;
    let continued = false;
    for (const t of l) {
      const color = hexColor(t.color ?? CODE_TEXT_COLOR);
      for (const run of env.chain.runs(t.text, 'mono')) {
        for (const ch of run.face && x + env.chain.width(run, size) <= avail ? [run.text] : [...run.text]) {
          const w = env.chain.width({ text: ch, face: run.face }, size);
          if (x + w > avail + 0.01 && pieces.length) {
            lines.push({ pieces, continued });
            pieces = [];
            x = 0;
            continued = true;
          }
          pieces.push({ x, text: ch, face: run.face, size, color, width: w });
          x += w;
        }
      }
    }
    lines.push({ pieces, continued });
  }
  return lines.map((l, i): Row => ({
    height: lineHeight + (i === 0 ? st.padY : 0) + (i === lines.length - 1 ? st.padY : 0),
    spaceBefore: i === 0 ? 3 : 0,
    keepWithNext: lines.length <= 3 ? i < lines.length - 1 : i === 0 || i === lines.length - 2,
    draw(out, x, y, w) {
      const h = lineHeight + (i === 0 ? st.padY : 0) + (i === lines.length - 1 ? st.padY : 0);
      out.push({ kind: 'rect', x, y, w, h, fill: sheetStyle.color.codeFill });
      out.push({ kind: 'rect', x, y, w: 1.6, h, fill: sheetStyle.color.codeBar });
      if (l.continued) out.push({ kind: 'line', x1: x + st.padX - 2.5, y1: y + 1, x2: x + st.padX - 2.5, y2: y + lineHeight - 1, width: 0.6, color: sheetStyle.color.muted });
      const baseline = y + (i === 0 ? st.padY : 0) + lineHeight * 0.74;
      for (const p of l.pieces) out.push({ kind: 'text', x: x + st.padX + p.x, y: baseline, piece: p });
    },
  }));
}

/** An image at a width that reads on paper (its own size at 96 dpi, within the column), its caption under it. */
function imageRows(path: string | undefined, caption: string, env: RichEnv, width: number): Row[] {
  const image = path ? env.images.get(path) : undefined;
  const captionRows = (text: string) => paragraphRows([{ text: env.prepare(text), color: sheetStyle.color.muted }], { chain: env.chain, width, size: sheetStyle.small, align: 'center' });
  if (!image || !image.width || !image.height) return captionRows(`[${caption}]`);
  const natural = image.width * 0.75;
  let w = Math.min(width, Math.max(natural, Math.min(width, 110)));
  let h = (w * image.height) / image.width;
  const maxHeight = sheetStyle.image.maxHeight;
  if (h > maxHeight) {
    w = (w * maxHeight) / h;
    h = maxHeight;
  }
  const rows: Row[] = [
    {
      height: h + 4,
      spaceBefore: 3,
      keepWithNext: true,
      draw(out, x, y, cw) {
        out.push({ kind: 'image', x: x + (cw - w) / 2, y: y + 2, w, h, path: path! });
      },
    },
  ];
  return [...rows, ...captionRows(caption)];
}
