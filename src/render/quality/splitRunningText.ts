/** About how much running text a card side may hold before it reads better as a list. */
export const RUNNING_TEXT_LIMIT = 300;

const SENTENCE_END = new Set(['.', '!', '?', ';', '。', '！', '？', '；']);
const CLAUSE_END = new Set([',', '，', '、', ':', '：']);

/** Cuts after characters of `ends`: a CJK mark always, a Latin one when a space or the end follows ("3.5", "e.g." stay). */
function cutAfter(text: string, ends: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const chars = [...text];
  let piece = '';
  for (let i = 0; i < chars.length; i++) {
    piece += chars[i];
    const next = chars[i + 1];
    if (ends.has(chars[i]) && (chars[i] > '\u3000' || next === undefined || /\s/u.test(next))) {
      if (piece.trim()) out.push(piece.trim());
      piece = '';
    }
  }
  if (piece.trim()) out.push(piece.trim());
  return out;
}

/** Greedily joins pieces into chunks of at most `max` characters. */
function pack(pieces: readonly string[], max: number, joiner: (a: string, b: string) => string): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && [...joiner(last, p)].length <= max) out[out.length - 1] = joiner(last, p);
    else out.push(p);
  }
  return out;
}

const join = (a: string, b: string) => (/[\u3000-\u9fff\uff00-\uffef]$/u.test(a) ? `${a}${b}` : `${a} ${b}`);

/**
 * Running text cut into pieces of at most `max` characters for a bullet list: at sentence ends
 * first, then at commas, then at spaces (or anywhere, in CJK text). Short text comes back whole.
 */
export function splitRunningText(text: string, max = RUNNING_TEXT_LIMIT): string[] {
  const t = text.trim();
  if ([...t].length <= max) return t ? [t] : [];
  const out: string[] = [];
  for (const sentence of pack(cutAfter(t, SENTENCE_END), max, join)) {
    if ([...sentence].length <= max) {
      out.push(sentence);
      continue;
    }
    for (const clause of pack(cutAfter(sentence, CLAUSE_END), max, join)) {
      if ([...clause].length <= max) {
        out.push(clause);
        continue;
      }
      const chars = [...clause];
      for (let i = 0; i < chars.length; ) {
        let end = Math.min(chars.length, i + max);
        if (end < chars.length) {
          const space = chars.slice(i, end).lastIndexOf(' ');
          if (space > max / 2) end = i + space;
        }
        const piece = chars.slice(i, end).join('').trim();
        if (piece) out.push(piece);
        i = end;
      }
    }
  }
  return out;
}
