import { BuildCache } from './BuildCache.js';
import type { BuildContext } from './BuildContext.js';
import type { BuildOptions, LoadedRenderers } from './BuildOptions.js';
import type { BuildReport } from './BuildReport.js';
import { makeOptionsKey } from './makeOptionsKey.js';

/** Sets up what the steps of a build share: the options key, the cache, the lazy renderer loader. */
export async function openBuild(options: BuildOptions, cwd: string, report: BuildReport): Promise<BuildContext> {
  const optionsKey = await makeOptionsKey(options);
  const useCache = options.cache !== false;
  const cache = await BuildCache.open(report.outDir, optionsKey, { reuse: useCache && !options.force });
  let loaded: Promise<LoadedRenderers> | null = options.renderers ? Promise.resolve({ renderers: options.renderers }) : null;
  const renderers = (): Promise<LoadedRenderers> => {
    if (!loaded) {
      if (!options.loadRenderers) return Promise.reject(new Error('buildFiles needs `renderers` or `loadRenderers`'));
      loaded = options.loadRenderers();
    }
    return loaded;
  };
  return { options, cwd, outDir: report.outDir, optionsKey, cache, useCache, claimed: new Map(), renderers, report };
}
