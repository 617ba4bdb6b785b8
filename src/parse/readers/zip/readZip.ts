import { inflateRawSync } from 'node:zlib';
import { NotesError } from '../../../model/NotesError.js';

/**
 * Limits on what a zip package (.docx, .pptx, .odt, .odp) may unpack to. Office files compress their
 * XML about ten times; a package that says it holds more than this is refused before anything is
 * inflated, and every entry is inflated with its declared size as a hard ceiling, so one that lies
 * about its size stops there instead of filling the memory.
 */
export const ZIP_LIMITS = {
  /** Sum of the declared uncompressed sizes. */
  totalBytes: 256 * 1024 * 1024,
  /** One entry's declared uncompressed size. */
  entryBytes: 128 * 1024 * 1024,
  entries: 20000,
  /** Uncompressed ÷ compressed for entries over 1 MiB: text XML stays far below it. */
  ratio: 200,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  encrypted: boolean;
}

export interface ZipArchive {
  entries: ReadonlyMap<string, ZipEntry>;
  has(name: string): boolean;
  /** The entry's bytes; throws a NotesError naming the file when it cannot be inflated within its size. */
  bytes(name: string): Uint8Array;
  /** The entry as UTF-8 text, or undefined when there is no such entry. */
  text(name: string): string | undefined;
  /** Inflates every entry once within the limits, so that a library given the whole package meets no bomb. */
  verifyAll(): void;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True when the bytes start like a zip package (local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Names of a zip's entries from its central directory, or [] when the bytes are not a readable zip. */
export function listZipNames(bytes: Uint8Array): string[] {
  try {
    return [...readCentralDirectory(bytes, '').keys()];
  } catch {
    return [];
  }
}

/**
 * Opens a zip package from its central directory, without inflating anything: the declared sizes are
 * checked against ZIP_LIMITS first. `what` names the format in messages (".docx").
 */
export function readZip(bytes: Uint8Array, file: string, what: string): ZipArchive {
  const entries = readCentralDirectory(bytes, file, what);
  let total = 0;
  for (const e of entries.values()) {
    if (e.encrypted) throw new NotesError('encrypted', file, `is an encrypted ${what} (password-protected); save an unprotected copy and build that`);
    total += e.size;
    const bomb =
      e.size > ZIP_LIMITS.entryBytes ||
      total > ZIP_LIMITS.totalBytes ||
      (e.size > 1048576 && e.size > ZIP_LIMITS.ratio * Math.max(1, e.compressedSize));
    if (bomb) {
      throw new NotesError(
        'zip-bomb',
        file,
        `unpacks to more than revise accepts (${e.name}: ${mib(e.size)} from ${mib(e.compressedSize)}, ${mib(total)} so far; limit ${mib(ZIP_LIMITS.totalBytes)}): it looks like a zip bomb; re-save the document from its editor`,
      );
    }
  }
  const cache = new Map<string, Uint8Array>();
  const archive: ZipArchive = {
    entries,
    has: (name) => entries.has(name),
    bytes(name) {
      const cached = cache.get(name);
      if (cached) return cached;
      const entry = entries.get(name);
      if (!entry) throw new NotesError('corrupt', file, `is not a valid ${what}: it has no ${name}`);
      const data = inflateEntry(bytes, entry, file, what);
      cache.set(name, data);
      return data;
    },
    text(name) {
      if (!entries.has(name)) return undefined;
      return new TextDecoder('utf-8').decode(archive.bytes(name)).replace(/^\uFEFF/, '');
    },
    verifyAll() {
      for (const entry of entries.values()) if (!entry.name.endsWith('/')) inflateEntry(bytes, entry, file, what);
    },
  };
  return archive;
}

function readCentralDirectory(bytes: Uint8Array, file: string, what = 'zip package'): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string) => new NotesError('corrupt', file, `is not a readable ${what} (${why}): the file is damaged or truncated; re-download or re-save it`);
  // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || start === 0xffffffff) throw corrupt('ZIP64 packages are not read');
  if (count > ZIP_LIMITS.entries) throw corrupt(`${count} entries`);
  if (start + size > eocd) throw corrupt('central directory out of bounds');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let p = start;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw corrupt('bad central directory entry');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const entrySize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) throw corrupt('bad central directory entry');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.set(name, { name, method, compressedSize, size: entrySize, offset, encrypted: (flags & 1) === 1 });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry, file: string, what: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string) => new NotesError('corrupt', file, `is not a readable ${what} (${entry.name}: ${why}): the file is damaged or truncated; re-download or re-save it`);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt('bad local header');
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw corrupt('truncated');
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw corrupt('stored size mismatch');
    return data;
  }
  if (entry.method !== 8) throw corrupt(`compression method ${entry.method} is not supported`);
  let out: Buffer;
  try {
    // One byte of slack: output that reaches it is larger than declared, which is refused below.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size + 1) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new NotesError('zip-bomb', file, `unpacks to more than it declares (${entry.name}): it looks like a zip bomb; re-save the document from its editor`);
    }
    throw corrupt('cannot be inflated');
  }
  if (out.length !== entry.size) {
    if (out.length > entry.size) {
      throw new NotesError('zip-bomb', file, `unpacks to more than it declares (${entry.name}): it looks like a zip bomb; re-save the document from its editor`);
    }
    throw corrupt('size mismatch');
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

function mib(n: number): string {
  return `${(n / 1048576).toFixed(1)} MiB`;
}
