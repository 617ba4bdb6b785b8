import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import { openFont } from './fontkitAdapter.js';

export type FontStyle = 'regular' | 'bold' | 'mono';

export interface FaceSpec {
  key: string;
  /** Module path resolved from node_modules: fonts come from npm packages, never from the system. */
  module: string;
  /** PostScript-like name written into the PDF after the subset tag. */
  name: string;
}

export interface Face {
  spec: FaceSpec;
  bytes: Uint8Array;
  font: Font;
  /** Width in font units of strings already measured (layout is the slow part of measuring). */
  widths: Map<string, number>;
}

/** A stretch of text drawn with one face; `face` is null for characters no bundled font has. */
export interface FaceRun {
  text: string;
  face: Face | null;
}

const FACES: Record<string, FaceSpec> = {
  sans: { key: 'sans', module: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', name: 'NotoSans-Regular' },
  'sans-bold': { key: 'sans-bold', module: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf', name: 'NotoSans-Bold' },
  sym: { key: 'sym', module: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf', name: 'DejaVuSans' },
  'sym-bold': { key: 'sym-bold', module: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', name: 'DejaVuSans-Bold' },
  mono: { key: 'mono', module: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf', name: 'DejaVuSansMono' },
  cjk: { key: 'cjk', module: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', name: 'NotoSansSC-Regular' },
  'cjk-bold': { key: 'cjk-bold', module: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', name: 'NotoSansSC-Bold' },
};

/**
 * Latin first (Noto Sans has the French letters, quotes and dashes with the right widths), DejaVu
 * for arrows, box drawing and maths symbols, the Chinese font last: putting it first would give
 * French text its full-width punctuation.
 */
const CHAINS: Record<FontStyle, string[]> = {
  regular: ['sans', 'sym', 'cjk'],
  // A character the bold faces lack is drawn in a regular face rather than as a placeholder.
  bold: ['sans-bold', 'sym-bold', 'cjk-bold', 'sans', 'sym', 'cjk'],
  // Code: every character the monospaced face has keeps its column; others fall back.
  mono: ['mono', 'sym', 'sans', 'cjk'],
};
/** Han, kana, CJK punctuation and full-width forms go straight to the Chinese font. */
const CJK_CHAINS: Record<FontStyle, string[]> = {
  regular: ['cjk', 'sans', 'sym'],
  bold: ['cjk-bold', 'sans-bold', 'sym-bold', 'cjk', 'sans', 'sym'],
  mono: ['cjk', 'mono', 'sans', 'sym'],
};

export function isCjkCodePoint(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
    (cp >= 0x3000 && cp <= 0x303f) || // CJK punctuation
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3100 && cp <= 0x31bf) || // bopomofo
    (cp >= 0x3200 && cp <= 0x9fff) || // enclosed, compatibility, extension A, unified
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

const require = createRequire(import.meta.url);

/** Faces stay parsed for the whole process: a folder build reads each font file once. */
const loaded = new Map<string, Face>();

/**
 * Chooses a face for every character and measures text. Font files are read only when a character
 * first needs them, so a document without Chinese never reads the 10 MB Chinese font.
 */
export class FontChain {
  private readonly faces = new Map<string, Face>();
  private readonly choice = new Map<string, string | null>();
  /** Code points that no bundled font can draw, in order of first appearance. */
  readonly missing = new Set<number>();

  /** Faces this chain has asked for so far (a face is read from disk the first time any chain asks). */
  faceKeys(): string[] {
    return [...this.faces.keys()];
  }

  face(key: string): Face {
    let face = this.faces.get(key) ?? loaded.get(key);
    if (!face) {
      const spec = FACES[key];
      if (!spec) throw new Error(`unknown font face ${key}`);
      const path = require.resolve(spec.module);
      const bytes = new Uint8Array(readFileSync(path));
      face = { spec, bytes, font: openFont(bytes), widths: new Map() };
      loaded.set(key, face);
    }
    this.faces.set(key, face);
    return face;
  }

  /** Which face draws this code point in this style (null: none of them). */
  faceKeyFor(cp: number, style: FontStyle): string | null {
    const cacheKey = `${style}:${cp}`;
    const known = this.choice.get(cacheKey);
    if (known !== undefined) return known;
    let found: string | null = null;
    for (const key of isCjkCodePoint(cp) ? CJK_CHAINS[style] : CHAINS[style]) {
      if (this.face(key).font.hasGlyphForCodePoint(cp)) {
        found = key;
        break;
      }
    }
    this.choice.set(cacheKey, found);
    return found;
  }

  /** Splits text into runs of one face each. Spaces stay with the run they are in. */
  runs(text: string, style: FontStyle): FaceRun[] {
    const runs: FaceRun[] = [];
    let current: string | null | undefined;
    let buffer = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let key: string | null;
      // Spaces stay in the run they are in, so a line is not cut into one run per word.
      if ((cp === 0x20 || cp === 0xa0 || cp === 0x202f) && current && this.face(current).font.hasGlyphForCodePoint(cp)) key = current;
      else key = this.faceKeyFor(cp, style);
      if (key === null) this.missing.add(cp);
      if (key !== current || key === null) {
        if (buffer) runs.push({ text: buffer, face: current ? this.face(current) : null });
        buffer = '';
        current = key;
      }
      buffer += ch;
    }
    if (buffer) runs.push({ text: buffer, face: current ? this.face(current) : null });
    return runs;
  }

  /** Advance width in points: the sum of glyph advances, exactly what pdf-lib draws through the adapter. */
  width(run: FaceRun, size: number): number {
    if (!run.face) return placeholderWidth(run.text, size);
    const face = run.face;
    let units = face.widths.get(run.text);
    if (units === undefined) {
      units = 0;
      for (const g of face.font.glyphsForString(run.text)) units += g.advanceWidth;
      face.widths.set(run.text, units);
    }
    return (units / face.font.unitsPerEm) * size;
  }
}

/** Width of one placeholder box (drawn with the code point's hex digits inside). */
export function placeholderWidth(ch: string, size: number): number {
  const digits = Math.max(4, (ch.codePointAt(0) ?? 0).toString(16).length);
  return Math.max(size * 0.8, digits * size * 0.3 + size * 0.25);
}
