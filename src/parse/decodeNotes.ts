import { NotesError } from '../model/NotesError.js';

export interface DecodedNotes {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
}

/** Share of control bytes above which a file is taken for binary rather than text. */
const CONTROL_RATIO_LIMIT = 0.1;

/**
 * Turns raw bytes into text with "\n" line ends. Notes come from every kind of editor, so BOMs
 * (UTF-8, UTF-16) and CRLF are accepted; anything that is not text fails with the line of the
 * first bad byte instead of being decoded into replacement characters and silently losing data.
 */
export function decodeNotes(bytes: Uint8Array, file: string): DecodedNotes {
  let text: string;
  let encoding: DecodedNotes['encoding'];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decodeStrict('utf-16le', bytes.subarray(2), file);
    encoding = 'utf-16le';
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decodeStrict('utf-16be', bytes.subarray(2), file);
    encoding = 'utf-16be';
  } else {
    const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hasBom ? bytes.subarray(3) : bytes;
    rejectBinary(body, file);
    text = decodeStrict('utf-8', body, file);
    encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}

function rejectBinary(bytes: Uint8Array, file: string): void {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) {
      throw new NotesError('binary', file, 'looks like a binary file (it contains NUL bytes), not notes text', lineAt(bytes, i));
    }
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (sample.length > 32 && control / sample.length > CONTROL_RATIO_LIMIT) {
    throw new NotesError('binary', file, 'looks like a binary file (too many control bytes), not notes text');
  }
}

function decodeStrict(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    if (label !== 'utf-8') throw new NotesError('encoding', file, `is not valid ${label.toUpperCase()} text`);
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

function lineAt(bytes: Uint8Array, offset: number): number {
  return positionOf(bytes, offset).line;
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
