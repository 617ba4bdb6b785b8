import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first (README, "Project layout"): a module may import its own layer
 * and the ones below, never one above. `index.ts` is the library's face and may import anything.
 */
const LAYERS: readonly (readonly string[])[] = [['model'], ['parse', 'render'], ['config'], ['pipeline'], ['views'], ['run.ts', 'run'], ['cli']];

const srcDir = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports of a module, static and dynamic, type-only ones included, as .ts paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  // `from '…'`, `import('…')` and bare `import '…'`: one pass each, no nested quantifiers.
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)) {
    found.push(resolve(dirname(file), m[1]).replace(/\.js$/, '.ts'));
  }
  return found;
}

function layerOf(file: string): number {
  const top = relative(srcDir, file).split(sep)[0];
  return LAYERS.findIndex((names) => names.includes(top));
}

const files = sourceFiles(srcDir);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const name = (f: string) => relative(srcDir, f).split(sep).join('/');

describe('module structure', () => {
  it('has a layer for every top-level entry of src/ but index.ts and types/', () => {
    const tops = [...new Set(files.map((f) => relative(srcDir, f).split(sep)[0]))].filter((t) => t !== 'index.ts' && t !== 'types');
    expect(tops.filter((t) => layerOf(join(srcDir, t)) < 0)).toEqual([]);
  });

  it('resolves every relative import to a file that exists', () => {
    const missing = [...graph].flatMap(([f, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${name(f)} → ${name(d)}`));
    expect(missing).toEqual([]);
  });

  it('has no import running upward', () => {
    const upward: string[] = [];
    for (const [file, deps] of graph) {
      if (name(file) === 'index.ts') continue;
      for (const dep of deps) if (layerOf(dep) > layerOf(file)) upward.push(`${name(file)} → ${name(dep)}`);
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (state.get(dep) === 'open') cycles.push([...path.slice(path.indexOf(dep)), dep].map(name).join(' → '));
        else if (!state.has(dep) && graph.has(dep)) visit(dep);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps the steps of the build pipeline small', () => {
    const pipeline = files.filter((f) => name(f).startsWith('pipeline/'));
    const long = pipeline.map((f) => [name(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 250);
    expect(long).toEqual([]);
  });
});
