import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';

type Listener = (value?: unknown) => void;

/** The tiny part of a Node stream that pdf-lib reads from `subset.encodeStream()`. */
function streamOf(bytes: Uint8Array) {
  const listeners = new Map<string, Listener>();
  const emitter = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      if (listeners.has('data') && listeners.has('end')) {
        // pdf-lib attaches all its listeners synchronously; deliver once they are all there.
        queueMicrotask(() => {
          listeners.get('data')?.(bytes);
          listeners.get('end')?.();
        });
      }
      return emitter;
    },
  };
  return emitter;
}

const parsed = new WeakMap<Uint8Array, Font>();

/** Parses (once per byte array) with upstream fontkit 2, so measuring and embedding share one Font. */
export function openFont(bytes: Uint8Array): Font {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    parsed.set(bytes, font);
  }
  return font;
}

/**
 * What `PDFDocument.registerFontkit` expects, built on upstream fontkit 2 instead of the unmaintained
 * `@pdf-lib/fontkit` fork (which drops glyphs from odd-length glyf records and breaks CID-keyed CFF
 * subsets). fontkit 2 renamed `Subset.encodeStream()` to a synchronous `encode()`; pdf-lib still calls
 * the old name, so subsets are wrapped here.
 *
 * `layout` is replaced by a plain character-to-glyph mapping: pdf-lib only reads the glyphs of a
 * layout (it draws no kerning or mark positions), and full OpenType shaping of Noto's large GPOS
 * tables was most of the rendering time. The revise layout engine measures with the same mapping,
 * so measured and drawn widths agree exactly; the cost is that no ligatures (fi, fl) are formed,
 * which also keeps copy and paste plain.
 */
export const fontkitAdapter = {
  create(bytes: Uint8Array): Font {
    const font = openFont(bytes);
    return new Proxy(font, {
      get(target, key) {
        if (key === 'layout') {
          return (text: string) => {
            const glyphs = target.glyphsForString(text);
            return { glyphs, advanceWidth: glyphs.reduce((w, g) => w + g.advanceWidth, 0) };
          };
        }
        if (key === 'italicAngle') {
          // pdf-lib only wants this number, but fontkit decodes the whole `post` table for it,
          // glyph names included (30,000 of them in the Chinese font): read the 16.16 value directly.
          const post = (target as unknown as { directory: { tables: Record<string, { offset: number }> }; stream: { buffer: Uint8Array } }).directory.tables.post;
          const bytes = (target as unknown as { stream: { buffer: Uint8Array } }).stream.buffer;
          if (post && bytes) {
            const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            return view.getInt16(post.offset + 4) + view.getUint16(post.offset + 6) / 65536;
          }
        }
        if (key === 'createSubset') {
          return () => {
            const subset = target.createSubset();
            return Object.assign(subset, { encodeStream: () => streamOf(subset.encode()) });
          };
        }
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  },
};
