import { createHash } from 'node:crypto';
import { open, readdir, readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/Diagnostic.js';
import type { ImageInline } from '../model/Inline.js';
import type { MediaFile } from '../model/MediaFile.js';
import { forEachInline, type StudyDocument } from '../model/StudyDocument.js';
import { resolveInside } from './resolveInside.js';
import { sniffImage } from './sniffImage.js';

/** Largest image file read: a bigger one is left out (its alt text shown) with a warning. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Largest image in pixels: decoding a bigger PNG to draw it would take gigabytes. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export interface ReadMediaResult {
  media: Map<string, MediaFile>;
  messages: Diagnostic[];
  /** Every image file looked at (relative to the root) → sha256 of its bytes, '' when it could not be read: a change to any makes the outputs stale. */
  looked: Record<string, string>;
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

/**
 * Reads the images a document refers to, from inside `root` (the build root) only: a path whose
 * real location (symbolic links followed) is outside it is refused before a byte is read, and so is
 * a file that is too large or not an image. Every image that cannot be shown gets a warning with its
 * line; renderers then show its alt text. Each file is read once, whatever the number of references.
 */
export async function readMedia(document: StudyDocument, root: string, display: string): Promise<ReadMediaResult> {
  const media = new Map<string, MediaFile>();
  const messages: Diagnostic[] = [];
  const images: { image: ImageInline; line: number }[] = [];
  forEachInline(document, (inline, source) => {
    if (inline.type === 'image') images.push({ image: inline, line: inline.line ?? source.line });
  });
  const looked: Record<string, string> = {};
  if (images.length === 0) return { media, messages, looked };
  const warn = (line: number, message: string, ruleId: string) => messages.push({ file: display, line, severity: 'warning', message, ruleId });
  const realRoot = await realpath(root).catch(() => resolve(root));
  const failed = new Set<string>();
  for (const { image, line } of images) {
    const shown = `"${clip(image.alt || image.src)}"`;
    if (image.path === undefined) {
      if (/^(?:https?|ftp):/i.test(image.src)) warn(line, `image ${clip(image.src)} is on the web and revise works offline: ${shown} is shown instead`, 'image-remote');
      else if (/^data:/i.test(image.src)) warn(line, `image given as a data: address is not read: ${shown} is shown instead`, 'image-unsupported');
      else warn(line, `image ${clip(image.src)} is outside the notes' folder (or not a .png, .jpg, .gif, .svg or .webp file): refused, never read; ${shown} is shown instead`, 'image-outside');
      continue;
    }
    if (media.has(image.path) || failed.has(image.path)) continue;
    let problem = await readOne(image.path, realRoot, media);
    looked[image.path] = media.get(image.path)?.sha256 ?? '';
    // Obsidian finds `![[name.png]]` anywhere in the vault: a bare name not beside the notes is looked for under the build root.
    if (problem === 'not found' && !/[\\/]/.test(image.src)) {
      const found = await findByName(realRoot, image.src.split(/[?#|]/)[0].trim());
      if (found) {
        problem = await readOne(found, realRoot, media, image.path);
        looked[found] = media.get(image.path)?.sha256 ?? '';
      }
    }
    if (problem) {
      failed.add(image.path);
      warn(line, `image ${clip(image.src)} ${problem}; ${shown} is shown instead`, problem.startsWith('is outside') ? 'image-outside' : problem.startsWith('not found') ? 'image-missing' : 'image-unreadable');
    }
  }
  return { media, messages, looked };
}

/** Whether the image files a build looked at are still as they were (same bytes, still missing). */
export async function mediaUnchanged(root: string, looked: Readonly<Record<string, string>>): Promise<boolean> {
  for (const [path, sha256] of Object.entries(looked)) {
    const inside = resolveInside(root, path);
    if (!inside) return false;
    const now = await realpath(inside)
      .then((real) => readFile(real))
      .then((bytes) => createHash('sha256').update(bytes).digest('hex'), () => '');
    if (now !== sha256) return false;
  }
  return true;
}

/** Folders searched for a bare image name, at most: a vault is walked in name order, hidden folders skipped. */
const MAX_SEARCH = 5000;

async function findByName(root: string, name: string): Promise<string | null> {
  const queue = [''];
  let seen = 0;
  while (queue.length && seen < MAX_SEARCH) {
    const dir = queue.shift()!;
    seen++;
    const entries = await readdir(resolve(root, dir), { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = dir ? `${dir}/${e.name}` : e.name;
      if (e.isFile() && e.name === name) return path;
      if (e.isDirectory()) queue.push(path);
    }
  }
  return null;
}

async function readOne(path: string, root: string, media: Map<string, MediaFile>, key = path): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(resolve(root, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'not found' : `cannot be read (${code ?? 'error'})`;
  }
  const inside = relative(root, real);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return 'is outside the notes\' folder (through a symbolic link): refused, never read';
  const handle = await open(real, 'r').catch((error: NodeJS.ErrnoException) => error);
  if (!('read' in handle)) return `cannot be read (${handle.code ?? 'error'})`;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return 'is not a file';
    if (info.size > MAX_IMAGE_BYTES) return `is ${(info.size / 1048576).toFixed(1)} MiB, over the ${MAX_IMAGE_BYTES / 1048576} MiB limit for images: left out`;
    const bytes = new Uint8Array(await handle.readFile());
    const kind = sniffImage(bytes);
    if (!kind) return 'is not a PNG, JPEG, GIF, WebP or SVG image';
    if (kind.width * kind.height > MAX_IMAGE_PIXELS) return `is ${kind.width}×${kind.height} pixels, over the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit: left out`;
    media.set(key, { path: key, bytes, ...kind, sha256: createHash('sha256').update(bytes).digest('hex') });
    return null;
  } finally {
    await handle.close();
  }
}

/** The folder the file's `relative` path starts from: image paths in the model are relative to it. */
export function buildRoot(task: { absolute: string | null; relative: string }): string {
  if (!task.absolute) return process.cwd();
  const parts = task.relative.split('/').length;
  let root = task.absolute;
  for (let i = 0; i < parts; i++) root = dirname(root);
  return root.endsWith(sep) && root.length > 1 ? root.slice(0, -1) : root;
}
