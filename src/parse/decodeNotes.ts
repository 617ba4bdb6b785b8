import { NotesError } from '../model/NotesError.js';

export interface DecodedNotes {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  /** Control characters replaced by spaces (see CONTROL_CHARACTER): how many, and where the first was. */
  replaced?: { count: number; line: number; column: number };
}

/** Share of control characters above which a file is taken for binary rather than text. */
const CONTROL_RATIO_LIMIT = 0.1;
/**
 * Share of unassigned, private-use and control code points above which decoded UTF-16 is taken for
 * binary. Random 16-bit units land there about 12 % of the time; notes almost never.
 */
const UNASSIGNED_RATIO_LIMIT = 0.05;
/** How much of a file without a BOM is looked at to tell UTF-16 from UTF-8. */
const SNIFF_BYTES = 65536;

/**
 * Control characters no notes mean to hold: C0 but tab and line ends, DEL and C1. U+001F would split
 * an Anki field, ESC would reach terminals as an escape sequence; they become spaces at decode
 * time, so no output (and no message quoting the notes) ever carries one. Form feed and vertical
 * tab, which PDF and Word pastes use as page and line breaks, become spaces too: counting them as
 * line ends would shift every line number from the editor's.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Counted for the binary guess: C0 but tab, line ends, form feed, vertical tab and ESC. */
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g;
const UNASSIGNED_OR_PRIVATE = /[\p{Cn}\p{Co}]/gu;

/**
 * Turns raw bytes into text with "\n" line ends. Notes come from every kind of editor, so BOMs
 * (UTF-8, UTF-16) and CRLF are accepted, and UTF-16 without a BOM is recognised by where its zero
 * bytes fall; anything that is not text fails with the line of the first bad byte instead of being
 * decoded into replacement characters and silently losing data. The whole file is checked, after
 * decoding: a NUL on the last line is found as surely as one on the first.
 */
export function decodeNotes(bytes: Uint8Array, file: string): DecodedNotes {
  let decoded = decodeUtf16(bytes, file);
  if (!decoded) {
    const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hasBom ? bytes.subarray(3) : bytes;
    rejectBinaryBytes(body, file);
    decoded = { text: decodeStrict('utf-8', body, file), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  }
  const { encoding } = decoded;
  let text = decoded.text;
  text = text.replace(/\r\n?/g, '\n');
  return { encoding, ...replaceControlCharacters(text) };
}

/**
 * The text with every control character of CONTROL_CHARACTER made a space, and how many there were
 * and where the first was. Text readers get this when decoding; readers of other formats (a PDF's
 * text, an HTML entity such as `&#27;`) get it in readNotes, so no reader can let one through.
 */
export function replaceControlCharacters(text: string): { text: string; replaced?: { count: number; line: number; column: number } } {
  const first = text.search(CONTROL_CHARACTER);
  if (first < 0) return { text };
  let count = 0;
  const replaced = text.replace(CONTROL_CHARACTER, () => {
    count++;
    return ' ';
  });
  return { text: replaced, replaced: { count, ...textPosition(replaced, first) } };
}

/**
 * UTF-16 text, by its BOM or, without one, by its zero bytes; null when the bytes are not UTF-16 (they
 * then go through the UTF-8 checks, which name a stray NUL). With a BOM the text must pass the
 * binary checks; without one, a guess that fails them is simply not UTF-16.
 */
function decodeUtf16(bytes: Uint8Array, file: string): { text: string; encoding: DecodedNotes['encoding'] } | null {
  const guess = utf16Encoding(bytes);
  if (!guess) return null;
  if (guess.bom) {
    const text = decodeStrict(guess.encoding, bytes.subarray(2), file);
    rejectBinaryText(text, file, 'UTF-16');
    return { text, encoding: guess.encoding };
  }
  try {
    const text = decodeStrict(guess.encoding, bytes, file);
    rejectBinaryText(text, file, guess.encoding.toUpperCase());
    // Real notes have line ends; UTF-8 bytes misread as UTF-16 almost never make one.
    if (text.length > 80 && !text.includes('\n')) return null;
    return { text, encoding: guess.encoding };
  } catch {
    return null;
  }
}

/** UTF-16 by its BOM, or by zero bytes falling mostly on one side of each pair (ASCII in UTF-16). */
function utf16Encoding(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  // Text in UTF-16 has a zero byte in most pairs for Latin scripts and in every space, digit and line
  // end for CJK (and in 1 CJK character out of 256 on the other side); a stray NUL in UTF-8 notes is
  // nowhere near that, and binary data has zeros on both sides.
  const enough = (n: number) => n >= Math.max(2, pairs * 0.02);
  if (enough(odd) && even * 4 <= odd) return { encoding: 'utf-16le', bom: false };
  if (enough(even) && odd * 4 <= even) return { encoding: 'utf-16be', bom: false };
  return null;
}

function rejectBinaryBytes(bytes: Uint8Array, file: string): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new NotesError(
      'binary',
      file,
      'looks like a binary file (it contains NUL bytes), not notes text; if it is UTF-16 text, save it as UTF-8',
      positionOf(bytes, nul).line,
    );
  }
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (bytes.length > 32 && control / bytes.length > CONTROL_RATIO_LIMIT) {
    throw new NotesError('binary', file, 'looks like a binary file (too many control bytes), not notes text');
  }
}

/** Decoded UTF-16 gets the checks UTF-8 gets on its bytes, plus one for code points no text uses. */
function rejectBinaryText(text: string, file: string, what: string): void {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new NotesError('binary', file, `is read as ${what} but holds NUL characters: it looks like a binary file, not notes text`, textPosition(text, nul).line);
  if (text.length <= 16) return;
  const control = countMatches(text, BINARY_CONTROL);
  const unassigned = countMatches(text, UNASSIGNED_OR_PRIVATE) + control;
  if (control / text.length > CONTROL_RATIO_LIMIT || (unassigned >= 8 && unassigned / text.length > UNASSIGNED_RATIO_LIMIT)) {
    throw new NotesError('binary', file, `is read as ${what} but most of it is not text (control, unassigned or private-use characters): it looks like a binary file`);
  }
}

function countMatches(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

function decodeStrict(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    if (label !== 'utf-8') throw new NotesError('encoding', file, `is not valid ${label.toUpperCase()} text (a broken surrogate pair or an odd number of bytes); save the file as UTF-8`);
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOf(bytes, bad);
    throw new NotesError(
      'encoding',
      file,
      `is not valid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at offset ${bad}); save the file as UTF-8`,
      line,
      column,
    );
  }
}

/** Offset of the first byte that breaks UTF-8, found by walking sequences by hand. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    if (i + need >= bytes.length && need > 0) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters, not bytes: count UTF-8 lead bytes between line start and offset.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i] & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** Line and column (in code points) of an offset in decoded text with `\n` line ends. */
function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}
