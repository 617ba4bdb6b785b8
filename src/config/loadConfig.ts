import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './ConfigError.js';
import type { LoadedConfig } from './ReviseConfig.js';
import { validateConfig } from './validateConfig.js';

/** Looked for in this order in each folder, from the notes up to the file system root. */
export const CONFIG_FILES = ['revise.config.json', '.reviserc', '.reviserc.json', '.reviserc.yaml', '.reviserc.yml', 'package.json'];

export interface LoadConfigOptions {
  /** Folder the search starts from (the folder being built, or the folder of the file). */
  from: string;
  /** A file named with --config: used as is, no search. */
  explicit?: string;
}

/**
 * Finds the configuration the way unified-engine does: the nearest `revise.config.json`, `.reviserc*`
 * or `package.json` with a `revise` field, walking up. A package.json without that field does not stop
 * the search. No file found is not an error: every setting has a default.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  if (options.explicit) {
    const file = resolve(options.explicit);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ConfigError(options.explicit!, [`cannot be read (${error.code ?? error.message})`]);
    });
    const found = parseConfigText(text, file);
    if (found === undefined) throw new ConfigError(file, ['has no "revise" field']);
    return { config: validateConfig(found, displayName(file)), file: displayName(file), dir: dirname(file) };
  }
  let dir = resolve(options.from);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const file = join(dir, name);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      const found = parseConfigText(text, file);
      if (found === undefined) continue;
      return { config: validateConfig(found, displayName(file)), file: displayName(file), dir };
    }
    const parent = dirname(dir);
    if (parent === dir) return { config: {}, file: null, dir: resolve(options.from) };
    dir = parent;
  }
}

function displayName(file: string): string {
  return basename(file) === 'package.json' ? `${file}#revise` : file;
}

/** The raw settings in a config file, or undefined for a package.json without a `revise` field. */
function parseConfigText(text: string, file: string): unknown {
  const name = basename(file);
  if (name === 'package.json' || name.endsWith('.json')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(file, [`is not valid JSON: ${(error as Error).message}${excerpt(text, error as Error)}`]);
    }
    if (name === 'package.json') {
      const field = (value as Record<string, unknown> | null)?.revise;
      return field === undefined ? undefined : field;
    }
    return value;
  }
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    throw new ConfigError(file, [`is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`]);
  }
}

/** Quotes the line JSON.parse stopped at, when its message says where. */
function excerpt(text: string, error: Error): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return '';
  const at = Number(match[1]);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const lineNumber = text.slice(0, at).split('\n').length;
  return `\n      ${lineNumber} | ${line.length > 80 ? `${line.slice(0, 77)}...` : line}`;
}
