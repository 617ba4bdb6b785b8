import type { MediaFile } from '../model/MediaFile.js';

export interface ImageKind {
  type: MediaFile['type'];
  width: number;
  height: number;
}

/** The image type and size from its first bytes (PNG, JPEG, GIF, WebP, SVG); null for anything else. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR') return { type: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length >= 10 && b.toString('latin1', 0, 4) === 'GIF8') return { type: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length >= 30 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return { type: 'webp', width: 0, height: 0 };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the segments to the first start-of-frame, which holds the size.
    for (let at = 2; at + 9 < b.length; ) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1];
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
        at += marker === 0xff ? 1 : 2;
        continue;
      }
      const length = b.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { type: 'jpeg', height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
      at += 2 + length;
    }
    return { type: 'jpeg', width: 0, height: 0 };
  }
  const head = b.toString('utf8', 0, Math.min(b.length, 4096));
  const svg = /<svg\b[^>]*>/i.exec(head);
  if (svg && /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg\b/i.test(head)) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(svg[0])?.[1];
    const viewBox = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
    const size = (value: string | undefined, fallback: number | undefined) => {
      const n = value && /^\s*[\d.]+\s*(px)?\s*$/.test(value) ? Number.parseFloat(value) : Number.NaN;
      return Number.isFinite(n) && n > 0 ? n : fallback && fallback > 0 ? fallback : 0;
    };
    return { type: 'svg', width: size(attr('width'), viewBox?.[2]), height: size(attr('height'), viewBox?.[3]) };
  }
  return null;
}
