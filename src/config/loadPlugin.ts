import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { resolve as resolveImport } from 'import-meta-resolve';
import type { Renderer } from '../render/Renderer.js';
import { ConfigError } from './ConfigError.js';
import type { RendererEntry } from './ReviseConfig.js';
import { describe } from './validateConfig.js';

/** How a worker thread loads the same plugin again: its resolved URL and its options. */
export interface PluginSource {
  url: string;
  options: Record<string, unknown>;
}

const SHAPE_EXAMPLE =
  'export default { name: "gift", extension: ".gift", binary: false, description: "Moodle GIFT", render(document, context) { return "..."; } }';

/** Turns every `renderers` entry into its resolved module URL; fails with all unresolvable entries. */
export function resolvePlugins(entries: readonly RendererEntry[], configDir: string, configFile: string): PluginSource[] {
  const parent = pathToFileURL(join(configDir, 'package.json')).href;
  const problems: string[] = [];
  const sources: PluginSource[] = [];
  entries.forEach((entry, i) => {
    const [specifier, options] = typeof entry === 'string' ? [entry, {}] : entry;
    try {
      sources.push({ url: resolveImport(specifier, parent), options });
    } catch (error) {
      problems.push(`"renderers[${i}]": cannot find "${specifier}" from ${configDir} (${(error as Error).message.split('\n')[0]}); install it with \`npm install ${specifier}\``);
    }
  });
  if (problems.length > 0) throw new ConfigError(configFile, problems);
  return sources;
}

/**
 * Imports a plugin module. Its default export is a renderer object, or a function taking the options
 * and returning one (changesets style); either way its shape is checked before use.
 */
export async function loadPlugin(source: PluginSource, where: string): Promise<Renderer> {
  let module: Record<string, unknown>;
  try {
    module = (await import(source.url)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(where, [`cannot be loaded: ${(error as Error).message.split('\n')[0]}`]);
  }
  let candidate = module.default ?? module.renderer;
  if (typeof candidate === 'function') {
    try {
      candidate = await (candidate as (o: unknown) => unknown)(source.options);
    } catch (error) {
      throw new ConfigError(where, [`its default export threw when called with the options: ${(error as Error).message}`]);
    }
  }
  const problems = checkRendererShape(candidate);
  if (problems.length > 0) throw new ConfigError(where, [...problems.map((p) => `default export ${p}`), `a renderer module looks like: ${SHAPE_EXAMPLE}`]);
  return candidate as Renderer;
}

/** Every way `value` falls short of the Renderer interface. */
export function checkRendererShape(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [`must be a renderer object; got ${describe(value)}`];
  const r = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof r.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/i.test(r.name)) problems.push(`"name" must be a format name such as "gift"; got ${describe(r.name)}`);
  if (typeof r.extension !== 'string' || !/^\.[^\\/]+$/.test(r.extension)) problems.push(`"extension" must start with a dot, such as ".gift"; got ${describe(r.extension)}`);
  if (typeof r.binary !== 'boolean') problems.push(`"binary" must be true or false; got ${describe(r.binary)}`);
  if (r.description !== undefined && typeof r.description !== 'string') problems.push(`"description" must be a string; got ${describe(r.description)}`);
  if (typeof r.render !== 'function') problems.push(`"render" must be a function (document, context) => output; got ${describe(r.render)}`);
  if (r.renderCourse !== undefined && typeof r.renderCourse !== 'function') problems.push(`"renderCourse" must be a function when present; got ${describe(r.renderCourse)}`);
  for (const key of ['coursePart', 'joinCourse'] as const) {
    if (r[key] !== undefined && typeof r[key] !== 'function') problems.push(`"${key}" must be a function when present; got ${describe(r[key])}`);
  }
  if ((r.coursePart === undefined) !== (r.joinCourse === undefined)) problems.push('"coursePart" and "joinCourse" go together: give both or neither');
  return problems;
}
