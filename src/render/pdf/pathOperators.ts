/** a b c d e f, as in SVG's matrix(). */
type Matrix = readonly number[];

/** A matrix entry: MathJax's glyph matrices scale by about 1/1000, so they need more places than points do. */
export const matrixNum = (n: number): string => {
  const r = Math.round(n * 1e8) / 1e8;
  return Object.is(r, -0) ? '0' : String(r);
};

export const num = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * An SVG path with absolute commands (M L H V Q C Z, as MathJax's smooth curves written out and
 * fontkit's outlines give them) as PDF path operators, every point through `m`, filled. Written as
 * one string per formula and reused: drawing it through pdf-lib's SVG path reader, glyph by glyph,
 * was most of the cost of a sheet full of formulas.
 */
export function pathOperators(d: string, m: Matrix): string {
  const tokens = d.match(/[MLHVQCZ]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi) ?? [];
  const out: string[] = [];
  const at = (x: number, y: number) => `${num(m[0] * x + m[2] * y + m[4])} ${num(m[1] * x + m[3] * y + m[5])}`;
  let x = 0;
  let y = 0;
  let command = '';
  for (let i = 0; i < tokens.length; ) {
    if (/[A-Za-z]/.test(tokens[i])) command = tokens[i++].toUpperCase();
    const n = () => Number(tokens[i++]);
    switch (command) {
      case 'M':
        x = n();
        y = n();
        out.push(`${at(x, y)} m`);
        command = 'L';
        break;
      case 'L':
        x = n();
        y = n();
        out.push(`${at(x, y)} l`);
        break;
      case 'H':
        x = n();
        out.push(`${at(x, y)} l`);
        break;
      case 'V':
        y = n();
        out.push(`${at(x, y)} l`);
        break;
      case 'Q': {
        // A quadratic curve as the cubic PDF draws: control points two thirds of the way to the quadratic's.
        const cx = n();
        const cy = n();
        const ex = n();
        const ey = n();
        out.push(`${at(x + (2 / 3) * (cx - x), y + (2 / 3) * (cy - y))} ${at(ex + (2 / 3) * (cx - ex), ey + (2 / 3) * (cy - ey))} ${at(ex, ey)} c`);
        x = ex;
        y = ey;
        break;
      }
      case 'C': {
        const v = [n(), n(), n(), n(), n(), n()];
        out.push(`${at(v[0], v[1])} ${at(v[2], v[3])} ${at(v[4], v[5])} c`);
        x = v[4];
        y = v[5];
        break;
      }
      case 'Z':
        out.push('h');
        command = '';
        break;
      default:
        i++;
    }
  }
  return out.length ? `${out.join('\n')}\nf` : '';
}

/** A rectangle through `m` (a fraction bar), filled. */
export function rectOperators(r: { x: number; y: number; w: number; h: number }, m: Matrix): string {
  return pathOperators(`M${r.x} ${r.y}L${r.x + r.w} ${r.y}L${r.x + r.w} ${r.y + r.h}L${r.x} ${r.y + r.h}Z`, m);
}

/** The box holding every point of a path (control points included), for a Form XObject's BBox. */
export function pathBox(d: string): [number, number, number, number] {
  const values = (d.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi) ?? []).map(Number);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // H and V take one number: a bounding box from every number on both axes is larger, never smaller.
  for (const v of values) {
    minX = Math.min(minX, v);
    maxX = Math.max(maxX, v);
    minY = Math.min(minY, v);
    maxY = Math.max(maxY, v);
  }
  return Number.isFinite(minX) ? [minX - 1, minY - 1, maxX + 1, maxY + 1] : [0, 0, 0, 0];
}
