import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZipEntry, writeZip } from '../../src/render/anki/zip.js';

const T = 1_767_225_600; // 2026-01-01 00:00:00 UTC

describe('zip writer and reader (node:zlib)', () => {
  const big = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
  const entries = [
    { name: 'collection.anki2', data: big },
    { name: 'media', data: new TextEncoder().encode('{}') },
    { name: 'empty', data: new Uint8Array(0) },
  ];

  it('writes a zip that JSZip reads back with the given UTC date, and the same bytes every time', async () => {
    const bytes = await writeZip(entries, T + 59);
    expect(Buffer.from(await writeZip(entries, T + 59)).equals(Buffer.from(bytes))).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(['collection.anki2', 'media', 'empty']);
    expect(Buffer.from(await zip.file('collection.anki2')!.async('uint8array')).equals(Buffer.from(big))).toBe(true);
    expect(await zip.file('media')!.async('string')).toBe('{}');
    // DOS dates have two-second steps.
    expect(zip.file('media')!.date.toISOString()).toBe('2026-01-01T00:00:58.000Z');
  });

  it('clamps dates to the DOS range (1980 … 2107)', async () => {
    const early = await JSZip.loadAsync(await writeZip(entries.slice(1, 2), 0));
    expect(early.file('media')!.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });

  it('passes Python zipfile testzip()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revise-zip-'));
    try {
      // Over 2 MiB, so zlib (not only pako) reads a sliced stream too.
      const large = new Uint8Array(5 * 1024 * 1024).map((_, i) => (i * 31 + (i >> 12)) % 253);
      await writeFile(join(dir, 'a.zip'), await writeZip([...entries, { name: 'large', data: large }], T));
      const r = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), [i.date_time for i in z.infolist()][0])', join(dir, 'a.zip')], { encoding: 'utf8' });
      if (r.error) return; // no python3: the check_apkg test in cli.test.ts says so
      expect(r.stdout.trim()).toBe('None (2026, 1, 1, 0, 0, 0)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads entries of its own zips and of JSZip zips (stored or deflated), and null for a missing one', async () => {
    const own = await writeZip(entries, T);
    expect(Buffer.from(readZipEntry(own, 'collection.anki2')!).equals(Buffer.from(big))).toBe(true);
    expect(readZipEntry(own, 'empty')!.length).toBe(0);
    expect(readZipEntry(own, 'nope')).toBeNull();
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const zip = new JSZip();
      zip.file('media', '{}');
      zip.file('collection.anki2', big);
      const bytes = await zip.generateAsync({ type: 'uint8array', compression });
      expect(Buffer.from(readZipEntry(bytes, 'collection.anki2')!).equals(Buffer.from(big))).toBe(true);
    }
  });

  it('compresses entries over 2 MiB in slices that decode as one stream, each slice seeing the 32 KiB before it', async () => {
    // 6 MiB of one 20 KiB random block, repeated: three slices. A slice that did not get the end of
    // the previous one as its dictionary would have to store the block again (20 KiB more each).
    const block = new Uint8Array(20 * 1024);
    let seed = 7;
    for (let i = 0; i < block.length; i++) block[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const data = new Uint8Array(6 * 1024 * 1024 + 123);
    for (let i = 0; i < data.length; i += block.length) data.set(block.subarray(0, Math.min(block.length, data.length - i)), i);
    const bytes = await writeZip([{ name: 'collection.anki2', data }], T);
    expect(bytes.length).toBeLessThan(block.length + 40 * 1024);
    expect(Buffer.from(readZipEntry(bytes, 'collection.anki2')!).equals(Buffer.from(data))).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    expect(Buffer.from(await zip.file('collection.anki2')!.async('uint8array')).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses what is not a zip, and an entry whose data was damaged', async () => {
    expect(() => readZipEntry(new TextEncoder().encode('not a zip at all, not even close'), 'media')).toThrow(/not a zip/);
    const damaged = Buffer.from(await writeZip(entries, T));
    damaged[100] ^= 0xff;
    expect(() => readZipEntry(damaged, 'collection.anki2')).toThrow();
  });
});
