import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tempDir } from '../cli/helpers.js';
import { join } from 'node:path';

/** The poppler and qpdf tools the PDF checks read sheets back with (apt: poppler-utils, qpdf). */
const TOOLS = ['pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm', 'qpdf'];

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

const missingTools = TOOLS.filter((t) => !has(t));
if (missingTools.length && process.env.CI === 'true') {
  throw new Error(`PDF tests need ${missingTools.join(', ')} in CI: apt-get install -y poppler-utils qpdf`);
}
/** Reason to skip locally (never in CI, where a missing tool fails the run above). */
export const skipReason = missingTools.length ? `missing ${missingTools.join(', ')} (apt-get install poppler-utils qpdf)` : '';
if (skipReason) console.warn(`revise PDF tests skipped: ${skipReason}`);

export { tempDir };

/** The text of a sheet; any complaint from poppler (syntax errors, broken fonts) fails the test. */
/**
 * Text of a PDF. `raw` (the default) keeps the order in which text is drawn, so a cell or a
 * sentence that wraps across a column or page comes back whole; `layout` rebuilds the page
 * geometry (and joins words hyphenated at a line end) but may interleave the two columns.
 */
export function pdfToText(file: string, mode: 'raw' | 'layout' = 'raw'): string {
  const r = spawnSync('pdftotext', [...(mode === 'raw' ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 || r.stderr.trim()) throw new Error(`pdftotext on ${file}: ${r.stderr || `exit ${r.status}`}`);
  return r.stdout;
}

/** Text with every kind of space removed: line wrapping and no-break spaces must not matter. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, '');
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): { fonts: FontRow[]; stderr: string } {
  const r = spawnSync('pdffonts', [file], { encoding: 'utf8' });
  const lines = r.stdout.split('\n').slice(2).filter((l) => l.trim());
  const fonts = lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name, type words…, encoding, emb, sub, uni, object, id
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0], type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
  return { fonts, stderr: r.stderr };
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

/** The PDF rewritten by qpdf with streams and object streams uncompressed, as latin1 text. */
export function uncompressed(file: string): string {
  const out = join(tempDir(), 'qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  return readFileSync(out, 'latin1');
}

/**
 * Glyph ids drawn by every text operator, read from the uncompressed PDF that qpdf writes. pdf-lib
 * draws a character a font lacks as glyph 0 (.notdef: the empty box), so 0 must never appear.
 */
export function drawnGlyphIds(file: string): number[] {
  const text = uncompressed(file);
  const ids: number[] = [];
  for (const m of text.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
    for (let i = 0; i + 4 <= m[1].length; i += 4) ids.push(parseInt(m[1].slice(i, i + 4), 16));
  }
  return ids;
}

let emptyConf: string | undefined;

/**
 * Renders one page to PNG with an empty fontconfig, so poppler cannot hide a broken embedded font
 * behind a system font; returns poppler's complaints and the share of non-white pixels.
 */
export function renderPage(file: string, page = 1, dpi = 40, systemFonts = false): { stderr: string; ink: number; pixels: Buffer } {
  if (!emptyConf) {
    emptyConf = join(tempDir(), 'fonts.conf');
    writeFileSync(emptyConf, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n');
  }
  const r = spawnSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], {
    env: systemFonts ? process.env : { ...process.env, FONTCONFIG_FILE: emptyConf },
    maxBuffer: 64 * 1024 * 1024,
  });
  // PGM: "P5\n<w> <h>\n255\n" then one byte a pixel.
  const data = r.stdout;
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) return { stderr: r.stderr.toString(), ink: 0, pixels: Buffer.alloc(0) };
  const pixels = data.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return { stderr: r.stderr.toString(), ink: dark / pixels.length, pixels };
}
