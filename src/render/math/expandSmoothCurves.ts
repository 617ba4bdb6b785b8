/**
 * MathJax's glyph outlines use `T` (smooth quadratic curves), which pdf-lib's path reader gets
 * wrong after a new subpath (it reflects a control point from the previous one). The same path with
 * every `T` written out as the `Q` it stands for draws right everywhere. MathJax writes absolute
 * commands only; a path with relative ones is returned as it is.
 */
export function expandSmoothCurves(d: string): string {
  if (!d.includes('T') || /[a-z]/.test(d.replace(/e-?\d/g, ''))) return d;
  const tokens = d.match(/[MLHVQTCZ]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const out: string[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  /** Control point of the last Q or T, for the next T; null after anything else. */
  let control: [number, number] | null = null;
  let command = '';
  for (let i = 0; i < tokens.length; ) {
    if (/[A-Z]/.test(tokens[i])) command = tokens[i++];
    const num = () => Number(tokens[i++]);
    switch (command) {
      case 'M':
      case 'L': {
        x = num();
        y = num();
        if (command === 'M') {
          startX = x;
          startY = y;
        }
        out.push(`${command}${x} ${y}`);
        control = null;
        if (command === 'M') command = 'L';
        break;
      }
      case 'H':
        x = num();
        out.push(`H${x}`);
        control = null;
        break;
      case 'V':
        y = num();
        out.push(`V${y}`);
        control = null;
        break;
      case 'Q': {
        const cx = num();
        const cy = num();
        x = num();
        y = num();
        out.push(`Q${cx} ${cy} ${x} ${y}`);
        control = [cx, cy];
        break;
      }
      case 'T': {
        const previous: [number, number] | null = control;
        const cx: number = previous ? 2 * x - previous[0] : x;
        const cy: number = previous ? 2 * y - previous[1] : y;
        x = num();
        y = num();
        out.push(`Q${cx} ${cy} ${x} ${y}`);
        control = [cx, cy];
        break;
      }
      case 'C': {
        const values = [num(), num(), num(), num(), num(), num()];
        x = values[4];
        y = values[5];
        out.push(`C${values.join(' ')}`);
        control = null;
        break;
      }
      case 'Z':
        out.push('Z');
        x = startX;
        y = startY;
        control = null;
        command = '';
        break;
      default:
        return d;
    }
    if (i < tokens.length && !/[A-Z]/.test(tokens[i]) && command === '') return d;
  }
  return out.join('');
}
