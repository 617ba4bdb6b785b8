import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Renderer } from '../../src/render/Renderer.js';
import { RendererRegistry } from '../../src/render/registry.js';
import { jsonRenderer } from '../../src/render/json/jsonRenderer.js';
import type { RunIO } from '../../src/run.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sample = (name: string) => readFile(join(repoRoot, 'input', name), 'utf8');

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'revise-batch-'));
}

export async function put(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Every file under `dir`, relative, forward slashes, sorted; the cache folder left out unless asked. */
export async function listFiles(dir: string, withCache = false): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => withCache || !p.startsWith('.revise-cache/'))
    .sort();
}

export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listFiles(dir)) out[f] = (await readFile(join(dir, f))).toString('base64');
  return out;
}

export interface CapturedIO extends RunIO {
  out: string[];
  err: string[];
}

export function captureIO(extra: Partial<RunIO> = {}): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, env: {}, ...extra };
}

/**
 * A test renderer: one line per item kind count, and a course output that names a sub-deck per file the
 * way the Anki deck does (`Course::Chapter`). Throws on notes whose title contains EXPLODE.
 */
export function makeListRenderer(calls = { files: 0, courses: 0 }): Renderer & { calls: typeof calls } {
  return {
    calls,
    name: 'list',
    extension: '.list.txt',
    binary: false,
    description: 'test renderer',
    render(document) {
      calls.files++;
      if (document.title.includes('EXPLODE')) throw new Error('cannot render a title that says EXPLODE');
      return `${document.file}\n${document.title}\n${document.definitions.map((d) => d.term).join('|')}\n`;
    },
    renderCourse(documents, context) {
      calls.courses++;
      return documents.map((d) => `${context.courseName}::${d.file.replace(/\.[^./]+$/, '').split('/').join('::')}\t${d.title}`).join('\n') + '\n';
    },
  };
}

export function registryWith(...renderers: Renderer[]): RendererRegistry {
  return new RendererRegistry([jsonRenderer, ...renderers]);
}

export async function cleanup(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
