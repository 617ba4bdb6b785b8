import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const present = existsSync(`${shared}score.mjs`) && existsSync(`${shared}expected`);
if (!present) console.warn(`tests/pasted/corpus.test.ts: skipped, the shared corpus is absent (${shared})`);

/** Runs the shared scorer on the built CLI (`npm test` builds first) and checks the targets. */
describe.skipIf(!present)('shared pasted-notes corpus (../shared/corpus/score.mjs)', () => {
  it('meets macro F1 ≥ 0.90, each category ≥ 0.85, no noise leak, duplicate or failure', () => {
    if (!existsSync(`${root}dist/cli/main.js`)) execFileSync('npx', ['tsc', '-p', '.'], { cwd: root });
    const out = execFileSync('node', [`${shared}score.mjs`, shared, `${shared}expected`], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const lines = out.trim().split('\n');
    const summary = lines[lines.length - 1];
    const categories = lines[lines.length - 2];
    const m = /macro F1 ([\d.]+) noise leaks (\d+) duplicate defs (\d+) failures (\d+)/.exec(summary);
    expect(m, summary).not.toBeNull();
    const [, macro, leaks, dupes, failures] = m!;
    expect(Number(macro), out).toBeGreaterThanOrEqual(0.9);
    expect([Number(leaks), Number(dupes), Number(failures)], out).toEqual([0, 0, 0]);
    const perCategory = [...categories.matchAll(/(\w+) F1 ([\d.]+)/g)].map((c) => [c[1], Number(c[2])] as const);
    expect(perCategory.length).toBeGreaterThanOrEqual(4);
    for (const [name, f1] of perCategory) expect(f1, `${name}\n${out}`).toBeGreaterThanOrEqual(0.85);
  });
});
