import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NotesError } from '../../../model/NotesError.js';

/** One run of text as the PDF draws it, in page coordinates with y growing downwards. */
export interface TextRun {
  text: string;
  /** Left end and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  bold: boolean;
  mono: boolean;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Text drawn at an angle (watermarks, margin notes), left out of the runs. */
  rotated: string[];
  /** The page paints at least one image. */
  hasImages: boolean;
}

/** The part of pdf.js this reader uses, typed here so that its large type tree stays out of the build. */
interface PdfJs {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument> };
  OPS: Record<string, number>;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
}
interface PdfJsPage {
  view: number[];
  getTextContent(): Promise<{ items: { str?: string; transform: number[]; width: number; fontName: string }[]; styles: Record<string, { fontFamily: string }> }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
  commonObjs: { has(id: string): boolean; get(id: string): { name?: string; bold?: boolean; black?: boolean; isMonospace?: boolean } | undefined };
  cleanup(): void;
}

let pdfjs: Promise<PdfJs> | undefined;
const require = createRequire(import.meta.url);

function loadPdfJs(): Promise<PdfJs> {
  // Loaded on the first PDF only: most builds read no PDF and should not pay for pdf.js.
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs' as string) as Promise<PdfJs>;
  return pdfjs;
}

/** pdf.js's Node build reads its CMaps (CJK fonts) and standard font data from plain paths. */
function assetDir(name: string): string {
  return `${join(dirname(require.resolve('pdfjs-dist/package.json')), name)}/`;
}

const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|,bd\b|-bd\b/i;
const WIDE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
const MONO_NAME = /mono|courier|consol|menlo|inconsolata|source\s*code|fira\s*code|lucida\s*console|typewriter|\bcmtt|nimbusmon/i;

/**
 * Opens a PDF with pdf.js and gives each page's text runs with their font's size, weight and pitch.
 * Fonts are known only after a page's operator list is built, which also tells whether the page
 * paints images (a scanned page has images and no text).
 */
export async function loadPdfPages(bytes: Uint8Array, file: string): Promise<PdfPage[]> {
  const lib = await loadPdfJs();
  let doc: PdfDocument;
  try {
    doc = await lib.getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      cMapUrl: assetDir('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assetDir('standard_fonts'),
      stopAtErrors: false,
    }).promise;
  } catch (error) {
    throw openError(error, file);
  }
  const imageOps = new Set(['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup'].map((n) => lib.OPS[n]));
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const height = y1 - y0;
      const content = await page.getTextContent();
      const ops = await page.getOperatorList();
      const fonts = new Map<string, { bold: boolean; mono: boolean; pitch: boolean }>();
      const fontOf = (id: string) => {
        let font = fonts.get(id);
        if (!font) {
          const loaded = page.commonObjs.has(id) ? page.commonObjs.get(id) : undefined;
          const name = loaded?.name ?? '';
          font = {
            bold: Boolean(loaded?.bold || loaded?.black) || BOLD_NAME.test(name),
            mono: MONO_NAME.test(name),
            // CJK fonts declare a fixed pitch too (every ideograph is one em): the flag alone says code only for other scripts.
            pitch: Boolean(loaded?.isMonospace) || content.styles[id]?.fontFamily === 'monospace',
          };
          fonts.set(id, font);
        }
        return font;
      };
      const runs: TextRun[] = [];
      const rotated: string[] = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || item.str === '') continue;
        const [a, b, c, d, e, f] = item.transform;
        if (Math.abs(b) > 0.01 * Math.abs(a) + 0.01 || Math.abs(c) > 0.01 * Math.abs(d) + 0.01 || a <= 0 || d <= 0) {
          if (item.str.trim()) rotated.push(item.str.trim());
          continue;
        }
        const font = fontOf(item.fontName);
        const mono = font.mono || (font.pitch && !WIDE_SCRIPT.test(item.str));
        runs.push({ text: item.str, x: e - x0, y: height - (f - y0), width: item.width, size: Math.abs(d), bold: font.bold, mono });
      }
      pages.push({ number: n, width: x1 - x0, height, runs, rotated, hasImages: ops.fnArray.some((op) => imageOps.has(op)) });
      page.cleanup();
    }
  } catch (error) {
    if (error instanceof NotesError) throw error;
    throw new NotesError('corrupt', file, `is a damaged PDF (page ${pages.length + 1} cannot be read: ${(error as Error).message}); re-download or re-export it`);
  } finally {
    await doc.destroy();
  }
  return pages;
}

function openError(error: unknown, file: string): NotesError {
  const name = (error as Error)?.name;
  if (name === 'PasswordException') {
    return new NotesError('encrypted', file, 'is a password-protected PDF: open it with its password and save or print an unprotected copy, then build that');
  }
  const detail = (error as Error)?.message ?? String(error);
  return new NotesError('corrupt', file, `is not a readable PDF (${detail}): the file is damaged or truncated; re-download or re-export it`);
}
