/**
 * TeX → vector drawing with MathJax (mathjax-full, TeX input, SVG output with every glyph as its own
 * path). MathJax is loaded on first use only, so documents without formulas never pay for it (about
 * half a second). The SVG is read back into a small drawing list (paths, rectangles, text runs, each
 * with its affine transform) that the PDF sheet draws with pdf-lib; the quiz page takes the SVG text.
 */

import { expandSmoothCurves } from './expandSmoothCurves.js';

/** a b c d e f, as in SVG's matrix(): x' = a x + c y + e, y' = b x + d y + f (y down). */
export type Matrix = readonly [number, number, number, number, number, number];

export interface MathDrawing {
  /** Glyph outlines and other paths, in em units, y down, origin on the baseline. */
  paths: { d: string; m: Matrix }[];
  /** Fraction bars, square-root overlines, in em units. */
  rects: { x: number; y: number; w: number; h: number; m: Matrix }[];
  /** Characters MathJax has no outline for (accented letters in \text, Chinese): drawn in the sheet's fonts. */
  texts: { text: string; m: Matrix; size: number }[];
}

export interface TypesetMath {
  /** Width, height above and depth below the baseline, in em. */
  width: number;
  ascent: number;
  descent: number;
  drawing: MathDrawing;
  /** The SVG element, standalone (for a web page). */
  svg: string;
}

export interface Typesetter {
  /** Null with the reason when MathJax rejects the TeX. */
  typeset(tex: string, display: boolean): TypesetMath | { error: string };
}

/** Packages that load code or make links (html: \href, \class) or hide errors: left out. */
const LEFT_OUT = new Set(['bussproofs', 'noundefined', 'noerrors', 'html', 'require', 'autoload', 'action']);
/** The font size MathJax measures ex from; only ratios matter here. */
const EM = 16;

let loading: Promise<Typesetter> | null = null;

/** The typesetter, loaded once per process (worker thread). */
export function loadTypesetter(): Promise<Typesetter> {
  loading ??= createTypesetter();
  return loading;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(p: Matrix, q: Matrix): Matrix {
  return [p[0] * q[0] + p[2] * q[1], p[1] * q[0] + p[3] * q[1], p[0] * q[2] + p[2] * q[3], p[1] * q[2] + p[3] * q[3], p[0] * q[4] + p[2] * q[5] + p[4], p[1] * q[4] + p[3] * q[5] + p[5]];
}

/** SVG `transform` (translate, scale, matrix: what MathJax writes). */
function parseTransform(value: string | null | undefined): Matrix {
  let m = IDENTITY;
  if (!value) return m;
  for (const part of value.matchAll(/(translate|scale|matrix)\(([^)]*)\)/g)) {
    const n = part[2].split(/[\s,]+/).filter(Boolean).map(Number);
    if (part[1] === 'translate') m = multiply(m, [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0]);
    else if (part[1] === 'scale') m = multiply(m, [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0]);
    else if (n.length === 6) m = multiply(m, n as unknown as Matrix);
  }
  return m;
}

async function createTypesetter(): Promise<Typesetter> {
  const [{ mathjax }, { TeX }, { SVG }, { liteAdaptor }, { RegisterHTMLHandler }, { AllPackages }] = await Promise.all([
    import('mathjax-full/js/mathjax.js'),
    import('mathjax-full/js/input/tex.js'),
    import('mathjax-full/js/output/svg.js'),
    import('mathjax-full/js/adaptors/liteAdaptor.js'),
    import('mathjax-full/js/handlers/html.js'),
    import('mathjax-full/js/input/tex/AllPackages.js'),
  ]);
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const input = new TeX({
    packages: AllPackages.filter((p: string) => !LEFT_OUT.has(p)),
    formatError: (_jax: unknown, error: Error) => {
      throw error;
    },
  });
  const output = new SVG({ fontCache: 'none' });
  const html = mathjax.document('', { InputJax: input, OutputJax: output });
  type Node = Parameters<typeof adaptor.kind>[0];
  type Element = Parameters<typeof adaptor.childNodes>[0];

  const cache = new Map<string, TypesetMath | { error: string }>();
  return {
    typeset(tex, display) {
      const key = `${display ? 'D' : 'I'}${tex}`;
      const known = cache.get(key);
      if (known) return known;
      let result: TypesetMath | { error: string };
      try {
        const container = html.convert(tex, { display, em: EM, ex: EM / 2, containerWidth: 80 * EM }) as Element;
        const svg = adaptor.childNodes(container).find((n: Node) => adaptor.kind(n) === 'svg') as Element | undefined;
        if (!svg) throw new Error('MathJax gave no drawing');
        const viewBox = String(adaptor.getAttribute(svg, 'viewBox') ?? '0 0 0 0').split(/\s+/).map(Number);
        const drawing: MathDrawing = { paths: [], rects: [], texts: [] };
        // MathJax units are 1/1000 em; the drawing is kept in em.
        const walk = (node: Node, parent: Matrix) => {
          const kind = adaptor.kind(node);
          if (kind === '#text' || kind === '#comment') return;
          const element = node as Element;
          const m = multiply(parent, parseTransform(adaptor.getAttribute(element, 'transform')));
          if (kind === 'path') {
            const d = adaptor.getAttribute(element, 'd');
            if (d) drawing.paths.push({ d: expandSmoothCurves(String(d)), m });
          } else if (kind === 'rect') {
            const num = (name: string) => Number(adaptor.getAttribute(element, name) ?? 0);
            drawing.rects.push({ x: num('x'), y: num('y'), w: num('width'), h: num('height'), m });
          } else if (kind === 'text') {
            drawing.texts.push({ text: adaptor.textContent(element), m, size: Number.parseFloat(String(adaptor.getAttribute(element, 'font-size') ?? '1000')) });
            return;
          }
          for (const child of adaptor.childNodes(element)) walk(child, m);
        };
        const scale: Matrix = [0.001, 0, 0, 0.001, 0, 0];
        for (const child of adaptor.childNodes(svg)) walk(child, scale);
        const [, minY, width, height] = viewBox;
        result = { width: width / 1000, ascent: -minY / 1000, descent: (height + minY) / 1000, drawing, svg: adaptor.outerHTML(svg) };
      } catch (error) {
        result = { error: (error as Error)?.message ?? String(error) };
      }
      if (cache.size > 5000) cache.clear();
      cache.set(key, result);
      return result;
    },
  };
}
