import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { resolvePlugins, type PluginSource } from '../config/loadPlugin.js';
import type { LoadedConfig } from '../config/ReviseConfig.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import { UsageError, type BuildCommand } from './RunOptions.js';

/**
 * The renderer plugins a build may load. Plugins are code: one named by a configuration that revise
 * found by itself inside the folder being built (a student's folder, a downloaded course) runs only
 * with the user's consent. Consent is `--allow-plugins`, naming the file with `--config`, or the file
 * sitting in or above the working directory (the user's own project). `--no-plugins` loads none.
 */
export async function choosePlugins(command: BuildCommand, loaded: LoadedConfig, cwd: string, messages: Diagnostic[]): Promise<PluginSource[]> {
  const entries = loaded.config.renderers ?? [];
  if (entries.length === 0) return [];
  const file = loaded.file ?? 'configuration';
  const names = entries.map((e) => (typeof e === 'string' ? e : e[0]));
  if (command.plugins === false) {
    messages.push({ file, severity: 'warning', message: `renderer plugins not loaded (--no-plugins): ${names.join(', ')}`, ruleId: 'plugins-off' });
    return [];
  }
  const consented = command.allowPlugins === true || typeof command.config === 'string' || (await isInOrAbove(loaded.dir, cwd));
  if (!consented) {
    throw new UsageError(
      `${file} names renderer plugins (${names.join(', ')}), which run code on this machine, and it lies inside the folder being built, ` +
        'not in or above the working directory; nothing was built. If you trust it, run again with --allow-plugins; to build without them, use --no-plugins',
    );
  }
  return resolvePlugins(entries, loaded.dir, file);
}

/** `dir` is `cwd` or one of its parents (compared after resolving symbolic links). */
async function isInOrAbove(dir: string, cwd: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => p);
  const [d, c] = await Promise.all([real(dir), real(cwd)]);
  return c === d || c.startsWith(d.endsWith(sep) ? d : d + sep);
}
