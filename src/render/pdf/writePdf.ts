import { createHash } from 'node:crypto';
import {
  concatTransformationMatrix, PDFDocument, PDFName, PDFOperator, setFillingRgbColor, type PDFOperatorNames, type PDFRef, popGraphicsState, pushGraphicsState, rgb, setCharacterSqueeze, setTextRenderingMode, TextRenderingMode,
  type PDFFont, type PDFImage, type PDFPage,
} from 'pdf-lib';
import { addBookmarks, type Bookmark } from './addBookmarks.js';
import { breakLines, type Piece, type Rgb } from './breakLines.js';
import type { Face, FontChain } from './FontChain.js';
import { fontkitAdapter } from './fontkitAdapter.js';
import type { Op } from './Row.js';
import { matrixNum, pathBox, pathOperators } from './pathOperators.js';
import type { PageGeometry } from './SheetLayout.js';
import { sheetStyle } from './sheetStyle.js';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  language: string;
  /** Seconds since the epoch, for both creation and modification dates. */
  timestamp: number;
}

export interface WritePdfInput {
  geometry: PageGeometry;
  pages: Op[][];
  chain: FontChain;
  bookmarks: Bookmark[];
  metadata: PdfMetadata;
  /** Header of pages 2 and after; empty for none. */
  running: string;
  /** Footer of every page, with {page} and {pages}. */
  footer: string;
  prepare: (s: string) => string;
  /** Images to draw, by model path: PNG or JPEG bytes (SVG already rasterised). */
  images?: ReadonlyMap<string, { type: 'png' | 'jpeg'; bytes: Uint8Array }>;
}

const color = (c: Rgb) => rgb(c[0], c[1], c[2]);

/** Six capital letters from the glyphs a subset holds, so equal inputs give equal font names. */
function subsetTag(face: Face, texts: string[]): string {
  const hash = createHash('sha256').update(face.spec.key).update([...new Set(texts.join(''))].sort().join('')).digest();
  return Array.from(hash.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/**
 * Draws the laid-out pages with pdf-lib: only faces that drew something are embedded, always
 * subset; dates come from the build timestamp so the same notes give the same bytes.
 */
export async function writePdf(input: WritePdfInput): Promise<Uint8Array> {
  const { chain, metadata } = input;
  const g = input.geometry;
  const total = input.pages.length;

  // Running header and footer are laid out now that the page count is known.
  input.pages.forEach((ops, index) => {
    const small = sheetStyle.small;
    const width = g.width - g.margin.left - g.margin.right;
    const footer = input.footer.replace(/\{page\}/g, String(index + 1)).replace(/\{pages\}/g, String(total));
    const [fLine] = breakLines([{ text: input.prepare(footer) }], { chain, width, size: small, color: sheetStyle.color.muted });
    if (fLine) for (const piece of fLine.pieces) ops.push({ kind: 'text', x: g.margin.left + (width - fLine.width) / 2 + piece.x, y: g.height - g.margin.bottom / 2 + 2, piece });
    if (index > 0 && input.running) {
      const [rLine] = breakLines([{ text: input.prepare(input.running) }], { chain, width, size: small, color: sheetStyle.color.muted });
      if (rLine) for (const piece of rLine.pieces) if (piece.x + piece.width <= width) ops.push({ kind: 'text', x: g.margin.left + piece.x, y: g.margin.top - 12, piece });
      ops.push({ kind: 'line', x1: g.margin.left, y1: g.margin.top - 8, x2: g.width - g.margin.right, y2: g.margin.top - 8, width: 0.4, color: sheetStyle.color.rule });
    }
  });

  const texts = new Map<Face, string[]>();
  let placeholders = false;
  for (const ops of input.pages) {
    for (const op of ops) {
      if (op.kind !== 'text') continue;
      if (!op.piece.face) {
        placeholders = true;
        continue;
      }
      const list = texts.get(op.piece.face) ?? [];
      list.push(op.piece.text);
      texts.set(op.piece.face, list);
    }
  }
  const sans = chain.face('sans');
  if (placeholders) texts.set(sans, [...(texts.get(sans) ?? []), '0123456789ABCDEF']);

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkitAdapter as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const fonts = new Map<Face, PDFFont>();
  for (const [face, list] of texts) {
    fonts.set(face, await pdf.embedFont(face.bytes, { subset: true, customName: `${subsetTag(face, list)}+${face.spec.name}` }));
  }

  // Each image is embedded once, however often it is drawn.
  const embedded = new Map<string, PDFImage>();
  for (const ops of input.pages) {
    for (const op of ops) {
      if (op.kind !== 'image' || embedded.has(op.path)) continue;
      const image = input.images?.get(op.path);
      if (image) embedded.set(op.path, image.type === 'png' ? await pdf.embedPng(image.bytes) : await pdf.embedJpg(image.bytes));
    }
  }

  // Glyph outlines of formulas as Form XObjects, named in order of first use.
  const glyphs = new Map<string, { name: string; ref: PDFRef }>();
  const glyphName = (page: PDFPage) => (d: string): string => {
    let known = glyphs.get(d);
    if (!known) {
      const form = pdf.context.formXObject([PDFOperator.of(pathOperators(d, [1, 0, 0, 1, 0, 0]) as PDFOperatorNames)], { BBox: pathBox(d) });
      known = { name: `G${glyphs.size + 1}`, ref: pdf.context.register(form) };
      glyphs.set(d, known);
    }
    page.node.setXObject(PDFName.of(known.name), known.ref);
    return known.name;
  };

  for (const ops of input.pages) {
    const page = pdf.addPage([g.width, g.height]);
    const glyph = glyphName(page);
    for (const op of ops) drawOp(page, op, fonts, fonts.get(sans), embedded, glyph);
  }

  addBookmarks(pdf, input.bookmarks);
  const date = new Date(metadata.timestamp * 1000);
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  if (metadata.keywords.length) pdf.setKeywords(metadata.keywords);
  if (metadata.language && metadata.language !== 'und') pdf.setLanguage(metadata.language);
  pdf.setCreator('revise');
  pdf.setProducer('revise (pdf-lib)');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  return pdf.save({ useObjectStreams: true });
}

function drawOp(page: PDFPage, op: Op, fonts: Map<Face, PDFFont>, hexFont: PDFFont | undefined, images: ReadonlyMap<string, PDFImage>, glyph: (d: string) => string): void {
  const H = page.getHeight();
  switch (op.kind) {
    case 'text': {
      const p = op.piece;
      if (op.invisible) {
        // Under a typeset formula: found by search and pdftotext, never seen (render mode 3).
        if (!p.face) break;
        page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible), setCharacterSqueeze(op.invisible.squeeze));
        page.drawText(p.text, { x: op.x, y: H - op.y, size: p.size, font: fonts.get(p.face)! });
        page.pushOperators(setCharacterSqueeze(100), popGraphicsState());
      } else if (p.face) {
        page.drawText(p.text, { x: op.x, y: H - op.y, size: p.size, font: fonts.get(p.face)!, color: color(p.color) });
      } else drawPlaceholder(page, op.x, H - op.y, p, hexFont);
      break;
    }
    case 'math':
      drawMath(page, op, glyph);
      break;
    case 'image': {
      const image = images.get(op.path);
      if (image) page.drawImage(image, { x: op.x, y: H - op.y - op.h, width: op.w, height: op.h });
      break;
    }
    case 'line':
      page.drawLine({ start: { x: op.x1, y: H - op.y1 }, end: { x: op.x2, y: H - op.y2 }, thickness: op.width, color: color(op.color) });
      break;
    case 'rect':
      page.drawRectangle({
        x: op.x,
        y: H - op.y - op.h,
        width: op.w,
        height: op.h,
        color: op.fill ? color(op.fill) : undefined,
        borderColor: op.stroke ? color(op.stroke) : undefined,
        borderWidth: op.stroke ? op.lineWidth ?? 0.5 : 0,
      });
      break;
    case 'arrowhead': {
      const s = op.size;
      page.drawSvgPath(`M 0 0 L ${-s * 1.5} ${-s} L ${-s * 1.5} ${s} Z`, { x: op.x, y: H - op.y, color: color(op.color), borderWidth: 0 });
      break;
    }
  }
}

/**
 * A formula: each glyph outline is a Form XObject, written once per sheet however often it is drawn
 * (formulas repeat their letters), and placed by its matrix; bars are drawn in place. One matrix
 * scales em to points and turns y up; everything is filled in the text colour.
 */
function drawMath(page: PDFPage, op: Extract<Op, { kind: 'math' }>, glyph: (d: string) => string): void {
  const H = page.getHeight();
  const parts = op.glyphs.map((g) => `q ${g.m.map(matrixNum).join(' ')} cm /${glyph(g.d)} Do Q`);
  if (op.rects) parts.push(op.rects);
  if (!parts.length) return;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(op.scale, 0, 0, -op.scale, op.x, H - op.y),
    setFillingRgbColor(op.color[0], op.color[1], op.color[2]),
    // One operator whose text is the whole drawing: pdf-lib writes an operator as its name after its arguments.
    PDFOperator.of(parts.join('\n') as PDFOperatorNames),
    popGraphicsState(),
  );
}

/** A character no bundled font has: a red frame with its code point, visible on paper. */
function drawPlaceholder(page: PDFPage, x: number, baseline: number, p: Piece, font: PDFFont | undefined): void {
  const h = p.size * 0.9;
  const y = baseline - p.size * 0.15;
  page.drawRectangle({ x: x + 0.4, y, width: p.width - 0.8, height: h, borderColor: color(sheetStyle.color.placeholder), borderWidth: 0.5 });
  const hex = (p.text.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  if (font) {
    const size = p.size * 0.4;
    const w = font.widthOfTextAtSize(hex, size);
    page.drawText(hex, { x: x + (p.width - w) / 2, y: y + (h - size * 0.7) / 2, size, font, color: color(sheetStyle.color.placeholder) });
  }
}
