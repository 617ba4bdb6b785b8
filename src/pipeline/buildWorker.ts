import { loadPlugin } from '../config/loadPlugin.js';
import type { Renderer } from '../render/Renderer.js';
import { createDefaultRegistry } from '../render/registry.js';
import { buildOneFile, type FileResult, type FileTask } from './buildOneFile.js';
import type { RendererSpec } from './RendererSpec.js';

export interface WorkerTask extends FileTask {
  renderers: RendererSpec[];
}

/** Renderers stay loaded for the life of the thread: plugins and heavy libraries load once per worker. */
const loaded = new Map<string, Promise<Renderer>>();

function getRenderer(spec: RendererSpec): Promise<Renderer> {
  const key = 'builtin' in spec ? `builtin:${spec.name}` : `plugin:${spec.plugin.url}:${JSON.stringify(spec.plugin.options)}`;
  let renderer = loaded.get(key);
  if (!renderer) {
    renderer = 'builtin' in spec ? Promise.resolve(createDefaultRegistry().get(spec.name)) : loadPlugin(spec.plugin, spec.name);
    loaded.set(key, renderer);
  }
  return renderer;
}

/** Worker-thread entry (tinypool calls the default export once per file). */
export default async function buildWorker(task: WorkerTask): Promise<FileResult> {
  const renderers = await Promise.all(task.renderers.map(getRenderer));
  return buildOneFile(task, renderers);
}
