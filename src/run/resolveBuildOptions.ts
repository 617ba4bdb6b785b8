import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config/ConfigError.js';
import { loadConfig } from '../config/loadConfig.js';
import { loadIgnoreFile } from '../config/loadIgnoreFile.js';
import { loadPlugin, type PluginSource } from '../config/loadPlugin.js';
import type { LoadedConfig } from '../config/ReviseConfig.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import { toLanguageTag } from '../model/toLanguageTag.js';
import { hashOf } from '../pipeline/BuildCache.js';
import type { BuildOptions, LoadedRenderers } from '../pipeline/BuildOptions.js';
import { DEFAULT_MAX_FILE_BYTES } from '../pipeline/readNotesFile.js';
import type { RendererSpec } from '../pipeline/RendererSpec.js';
import type { Renderer } from '../render/Renderer.js';
import type { RendererRegistry } from '../render/registry.js';
import { checkOutputFolder } from './checkOutputFolder.js';
import { choosePlugins } from './choosePlugins.js';
import { UsageError, type BuildCommand } from './RunOptions.js';

export interface ResolvedBuild {
  options: BuildOptions;
  /** Warnings about the options themselves (an unknown language, plugins left out), for the report. */
  messages: Diagnostic[];
}

/** CLI flags over the configuration file over the defaults; throws UsageError or ConfigError (exit 2). */
export async function resolveBuildOptions(command: BuildCommand, cwd: string, registry: RendererRegistry | undefined): Promise<ResolvedBuild> {
  const messages: Diagnostic[] = [];
  const first = command.paths.find((p) => p !== '-');
  const from = first ? await folderOf(resolve(cwd, first)) : cwd;
  const loaded: LoadedConfig =
    command.config === false ? { config: {}, file: null, dir: cwd } : await loadConfig({ from, explicit: command.config ? resolve(cwd, command.config) : undefined });
  const config = loaded.config;
  const fromConfig = (p: string | undefined) => (p === undefined ? undefined : resolve(loaded.dir, p));
  const formatsFromConfig = !(command.formats && command.formats.length > 0);
  let formats = formatsFromConfig ? config.formats : command.formats;
  const templates = command.templates ? resolve(cwd, command.templates) : fromConfig(config.templates);
  if (templates && !(await stat(templates).then((s) => s.isDirectory(), () => false))) {
    throw new UsageError(`templates folder ${templates} does not exist${command.templates ? '' : ` (set by "templates" in ${loaded.file})`}`);
  }
  const plugins = await choosePlugins(command, loaded, cwd, messages);
  if (command.plugins === false && formatsFromConfig && formats && (config.renderers?.length ?? 0) > 0) {
    formats = await withoutPluginFormats(formats, registry, loaded.file ?? 'configuration', messages);
  }
  const rendererOptions: Record<string, Record<string, unknown>> = { ...config.options };
  const ignore = await loadIgnoreFile(from);
  // Plugins by their path from the configuration's folder and their bytes: a moved project keeps its cache.
  const pluginStamps = await Promise.all(
    plugins.map(async (p) => `${stablePath(p.url, loaded.dir)}|${JSON.stringify(p.options)}|${await fileStamp(new URL(p.url))}`),
  );

  let renderersKey: string;
  if (registry) {
    // Formats may name plugins not loaded yet; without plugins, a bad format is caught here already.
    const known = plugins.length > 0 ? registry.all() : registry.select(formats);
    renderersKey = `${formats?.join(',') ?? '*'}|${known.map((r) => `${r.name}${r.extension}`).join(',')}`;
  } else {
    renderersKey = `default:${formats?.join(',') ?? '*'}|${await fileStamp(new URL('../render/registry.js', import.meta.url))}`;
  }
  renderersKey += `|${pluginStamps.join(',')}`;

  const loadRenderers = async (): Promise<LoadedRenderers> => {
    const { createDefaultRegistry, RendererRegistry } = await import('../render/registry.js');
    const builtIn = createDefaultRegistry();
    // A copy: plugins registered for this build must not stay in the caller's registry.
    const chosen = registry ? new RendererRegistry(registry.all()) : createDefaultRegistry();
    const pluginOf = new Map<Renderer, PluginSource>();
    for (const [i, source] of plugins.entries()) {
      const renderer = await loadPlugin(source, `${loaded.file}: "renderers[${i}]"`);
      if (chosen.names().some((n) => n.toLowerCase() === renderer.name.toLowerCase())) {
        throw new ConfigError(loaded.file ?? 'configuration', [`"renderers[${i}]" is named "${renderer.name}", like a renderer already there; pick another name`]);
      }
      chosen.register(renderer);
      pluginOf.set(renderer, { ...source, options: { ...source.options, ...rendererOptions[renderer.name] } });
    }
    const renderers = chosen.select(formats);
    const specs = renderers.map((r): RendererSpec | null => {
      const plugin = pluginOf.get(r);
      if (plugin) return { name: r.name, plugin };
      return builtIn.names().includes(r.name) && builtIn.get(r.name) === r ? { name: r.name, builtin: true } : null;
    });
    // Plugin options reach the renderer both ways: as the factory's argument and as context.options.
    for (const [renderer, source] of pluginOf) rendererOptions[renderer.name] = source.options;
    return { renderers, specs };
  };

  const outGiven = command.out ?? config.out ?? 'output';
  const outDir = resolve(cwd, command.out ?? fromConfig(config.out) ?? 'output');
  for (const p of command.paths) {
    const input = resolve(cwd, p);
    if (p !== '-' && (input === outDir || input.startsWith(outDir + sep))) {
      throw new UsageError(`the output folder ${outDir} holds the notes ${p}; outputs go to a folder of their own (--out dist)`);
    }
  }
  await checkOutputFolder(outDir, outGiven);

  return {
    messages,
    options: {
      paths: command.paths,
      outDir,
      loadRenderers,
      renderersKey,
      cwd,
      language: checkLanguage(command.lang ?? config.language, command.lang !== undefined ? '--lang' : `${loaded.file}: "language"`, messages),
      keepBoilerplate: command.keepBoilerplate || config.keepBoilerplate,
      templatesDir: templates ?? null,
      maxFileBytes: maxBytes(command.maxSize ?? config.maxSize),
      rendererOptions,
      ignore: ignore?.filter,
      force: command.force,
      jobs: command.jobs ?? config.jobs,
      timeoutMs: secondsToMs(command.timeout ?? config.timeout),
      courseName: command.deckName ?? config.deckName,
      index: config.index,
    },
  };
}

export function maxBytes(maxSize: number | undefined): number {
  return maxSize && maxSize > 0 ? Math.round(maxSize * 1048576) : DEFAULT_MAX_FILE_BYTES;
}

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

/**
 * A language given as an option must name a language; one that does not is left out with a warning
 * (each file's front matter or detection decides instead), the way a bad front-matter `lang` is.
 */
export function checkLanguage(value: string | undefined, where: string, messages: Diagnostic[]): string | undefined {
  if (value === undefined) return undefined;
  const tag = toLanguageTag(value);
  if (!tag) {
    messages.push({ file: where, severity: 'warning', message: `"${value}" is not a known language code (such as fr, en or zh); each file's language is detected instead`, ruleId: 'unknown-language' });
  }
  return tag ?? undefined;
}

/** With --no-plugins, formats of the configuration that only plugins provide are dropped, and said so. */
async function withoutPluginFormats(formats: string[], registry: RendererRegistry | undefined, file: string, messages: Diagnostic[]): Promise<string[]> {
  const known = registry ?? (await import('../render/registry.js')).createDefaultRegistry();
  const names = new Set(known.names().map((n) => n.toLowerCase()));
  const kept = formats.filter((f) => names.has(f.toLowerCase()));
  const dropped = formats.filter((f) => !names.has(f.toLowerCase()));
  if (dropped.length > 0) messages.push({ file, severity: 'warning', message: `formats ${dropped.join(', ')} come from plugins, which --no-plugins leaves out`, ruleId: 'plugins-off' });
  if (kept.length === 0) throw new UsageError(`every format in ${file} (${formats.join(', ')}) comes from a plugin, and --no-plugins leaves them out; choose formats with --format`);
  return kept;
}

async function folderOf(path: string): Promise<string> {
  return (await stat(path).then((s) => s.isDirectory(), () => false)) ? path : dirname(path);
}

/** A plugin's path relative to the configuration's folder (its URL when it is not a file). */
function stablePath(url: string, dir: string): string {
  return url.startsWith('file:') ? relative(dir, fileURLToPath(url)).split(sep).join('/') : url;
}

/** A hash of a module's text, so a changed renderer or plugin invalidates the cache (a rebuild with the same text does not). */
async function fileStamp(url: URL): Promise<string> {
  return readFile(url).then((bytes) => hashOf(bytes), () => 'missing');
}
