import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { hashOf } from './BuildCache.js';
import type { BuildOptions } from './BuildOptions.js';
import { DEFAULT_MAX_FILE_BYTES } from './readNotesFile.js';

const REVISE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Everything besides a file's own path and bytes that decides what its outputs hold: revise's
 * version, the renderers, the options, the templates' bytes and SOURCE_DATE_EPOCH. When it changes,
 * every file is built again.
 */
export async function makeOptionsKey(options: BuildOptions): Promise<string> {
  return hashOf(
    REVISE_VERSION,
    options.renderers ? options.renderers.map((r) => `${r.name}${r.extension}`).join(',') : options.renderersKey ?? '',
    options.language ?? '',
    String(Boolean(options.keepBoilerplate)),
    String(options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES),
    JSON.stringify(options.rendererOptions ?? {}),
    await hashTemplates(options.templatesDir ?? null),
    process.env.SOURCE_DATE_EPOCH ?? '',
  );
}

/** Every template file's path and bytes: editing a template invalidates the cached outputs. */
async function hashTemplates(dir: string | null): Promise<string> {
  if (!dir) return '';
  const parts: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else parts.push(relative(dir, p), hashOf(await readFile(p).catch(() => Buffer.alloc(0))));
    }
  };
  await walk(dir);
  return hashOf(...parts);
}
