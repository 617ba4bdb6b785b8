import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, inflateRawSync, type ZlibOptions } from 'node:zlib';

const deflateRawAsync = promisify<Uint8Array, ZlibOptions, Buffer>(deflateRaw);

/**
 * The few zip features an .apkg needs, on node:zlib: writing two DEFLATE entries with fixed dates,
 * and reading one entry back. JSZip's deflate is pure JavaScript and takes about a second on a
 * 20 MB collection; zlib's native deflate about a third of that.
 *
 * Written: local headers without data descriptors, then the central directory and its end record;
 * no zip64 (an entry of 4 GiB or more is refused), no extra fields, no comments, DOS attributes.
 * The bytes depend only on the entries and the date, so identical input gives an identical file.
 */

/** Input slice compressed by one zlib call; slices are compressed side by side on libuv's threads. */
const SLICE = 2 * 1024 * 1024;
/** DEFLATE looks back at most 32 KiB. */
const WINDOW = 32 * 1024;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Zip (DOS) dates go from 1980 to 2107. */
const ZIP_EPOCH = 315_532_800;
const ZIP_END = 4_354_819_198;
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Version 2.0: the first that has DEFLATE. */
const VERSION = 20;
/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8 = 0x0800;
const LEVEL = 6;

/**
 * Raw DEFLATE of `data` cut into 2 MiB slices compressed in parallel, the way pigz does it: every
 * slice but the last ends with a sync flush (an empty stored block, so the next slice starts on a
 * byte boundary and the stream goes on), and each slice after the first is primed with the 32 KiB
 * before it as its dictionary, so it may refer back to them as a single stream would. The output is
 * one valid DEFLATE stream and depends only on `data` (slices are fixed, not tied to thread count).
 */
async function deflateSlices(data: Uint8Array): Promise<Buffer> {
  const jobs: Promise<Buffer>[] = [];
  for (let start = 0; start < data.length || start === 0; start += SLICE) {
    const end = Math.min(start + SLICE, data.length);
    const options: ZlibOptions = { level: LEVEL, finishFlush: end === data.length ? constants.Z_FINISH : constants.Z_SYNC_FLUSH };
    if (start > 0) options.dictionary = data.subarray(start - WINDOW, start);
    jobs.push(deflateRawAsync(data.subarray(start, end), options));
  }
  return Buffer.concat(await Promise.all(jobs));
}

function dosDateTime(seconds: number): { date: number; time: number } {
  const d = new Date(Math.min(Math.max(seconds, ZIP_EPOCH), ZIP_END) * 1000);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** A zip of `entries`, in that order, each DEFLATE level 6 and dated `seconds` (UTC, DOS resolution). */
export async function writeZip(entries: readonly ZipEntry[], seconds: number): Promise<Uint8Array> {
  const { date, time } = dosDateTime(seconds);
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : UTF8;
    const data = await deflateSlices(entry.data);
    if (entry.data.length >= 0xffffffff || data.length >= 0xffffffff) throw new Error(`zip entry ${entry.name} is too large (zip64 is not written)`);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL, 0);
    record.writeUInt16LE(VERSION, 4); // made by: MS-DOS (0), version 2.0
    record.writeUInt16LE(VERSION, 6);
    local.copy(record, 8, 6, 30); // flags … extra length are the same as in the local header
    // comment length, disk number, internal and external attributes: 0
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    chunks.push(local, name, data);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...chunks, directory, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * The uncompressed bytes of the entry called `name`, or null when the zip has none. Throws on what
 * is not a zip, or a zip this reader does not handle (zip64, encryption, methods other than
 * stored and DEFLATE), or an entry whose size or CRC is wrong.
 */
export function readZipEntry(zip: Uint8Array, name: string): Uint8Array | null {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 is not supported');
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw new Error('broken zip central directory');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const size = bytes.readUInt32LE(at + 20);
    const length = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    const entryName = bytes.toString(flags & UTF8 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (entryName !== name) continue;
    if (flags & 1) throw new Error(`zip entry ${name} is encrypted`);
    if (localAt + 30 > bytes.length || bytes.readUInt32LE(localAt) !== LOCAL) throw new Error(`broken zip local header for ${name}`);
    const start = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    if (start + size > bytes.length) throw new Error(`zip entry ${name} is cut short`);
    const raw = bytes.subarray(start, start + size);
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) data = inflateRawSync(raw, { maxOutputLength: Math.max(length, 1) });
    else throw new Error(`zip entry ${name} uses compression method ${method}`);
    if (data.length !== length || crc32(data) !== crc) throw new Error(`zip entry ${name} has a wrong size or CRC`);
    return data;
  }
  return null;
}

/** Names of the entries of a zip, in central-directory order (for repacking another writer's zip). */
export function zipEntryNames(zip: Uint8Array): string[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const names: string[] = [];
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0, count = bytes.readUInt16LE(end + 10); i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw new Error('broken zip central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    names.push(bytes.toString(bytes.readUInt16LE(at + 8) & UTF8 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return names;
}
