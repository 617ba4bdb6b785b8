import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MediaFile } from '../../model/MediaFile.js';
import type { FontChain } from './FontChain.js';

const require = createRequire(import.meta.url);
let ready: Promise<typeof import('@resvg/resvg-wasm')> | null = null;

/** resvg (WebAssembly), started once per process and only for a document with an SVG image. */
function loadResvg(): Promise<typeof import('@resvg/resvg-wasm')> {
  ready ??= (async () => {
    const resvg = await import('@resvg/resvg-wasm');
    await resvg.initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return resvg;
  })();
  return ready;
}

/** Pixels across the raster: twice the drawing's own width (sharp at print size), within bounds. */
const MIN_PIXELS = 600;
const MAX_PIXELS = 1600;

/**
 * An SVG image as a PNG for the sheet, with the sheet's own fonts for its text (the WebAssembly
 * build sees no system font, so the output does not depend on the machine).
 */
export async function rasteriseSvg(media: MediaFile, chain: FontChain): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const resvg = await loadResvg();
  const target = Math.round(Math.min(MAX_PIXELS, Math.max(MIN_PIXELS, (media.width || 300) * 2)));
  const fonts = ['sans', 'sym'].map((key) => chain.face(key).bytes);
  const renderer = new resvg.Resvg(Buffer.from(media.bytes).toString('utf8'), {
    fitTo: { mode: 'width', value: target },
    font: { fontBuffers: fonts, defaultFontFamily: 'Noto Sans', loadSystemFonts: false },
    background: 'rgba(255,255,255,0)',
  });
  const image = renderer.render();
  const bytes = image.asPng();
  const result = { bytes, width: image.width, height: image.height };
  image.free();
  renderer.free();
  return result;
}
