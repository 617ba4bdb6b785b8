/** A third-party renderer named by npm package or path: `"pkg"` or `["pkg", { options }]`. */
export type RendererEntry = string | [string, Record<string, unknown>];

/** What `revise.config.json`, `.reviserc*` or `package.json#revise` may set; every key optional. */
export interface ReviseConfig {
  formats?: string[];
  out?: string;
  /** Name of the course outputs (deck, question bank); defaults to the folder's name. */
  deckName?: string;
  templates?: string;
  language?: string;
  keepBoilerplate?: boolean;
  /** Largest notes file accepted, in MiB. */
  maxSize?: number;
  /** Worker threads; 1 builds in the main thread. */
  jobs?: number;
  /** Time budget per notes file, in seconds; 0 for none. */
  timeout?: number;
  /** File name of the index of outputs written at the top of `out`, or false for none. */
  index?: string | false;
  renderers?: RendererEntry[];
  /** Options per format name, handed to the renderer as `context.options`. */
  options?: Record<string, Record<string, unknown>>;
}

export const CONFIG_KEYS: readonly (keyof ReviseConfig)[] = [
  'formats',
  'out',
  'deckName',
  'templates',
  'language',
  'keepBoilerplate',
  'maxSize',
  'jobs',
  'timeout',
  'index',
  'renderers',
  'options',
];

/** A configuration as found on disk, paths in it still relative to `dir`. */
export interface LoadedConfig {
  config: ReviseConfig;
  /** The file it came from (with `#revise` for package.json), or null when none was found. */
  file: string | null;
  /** Folder that relative paths in the configuration are resolved against. */
  dir: string;
}
