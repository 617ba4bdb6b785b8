import type { PluginSource } from '../config/loadPlugin.js';

/** How a worker thread gets hold of a renderer: a built-in by name, or a plugin module by URL. */
export type RendererSpec = { name: string; builtin: true } | { name: string; plugin: PluginSource };
