import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../src/parse/parseNotes.js';
import { toModelJson } from '../src/model/toModelJson.js';

// One folder per scenario: input.md and the reviewed model in expected.json. Run with UPDATE=1 to
// rewrite expected.json after an intended change, then review the diff before committing.
const root = join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE === '1';

describe('fixture models', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const inputPath = join(dir, 'input.md');
    if (!existsSync(inputPath)) continue;
    it(name, () => {
      const { document } = parseNotes(readFileSync(inputPath, 'utf8'), { file: 'input.md' });
      const actual = toModelJson(document);
      const expectedPath = join(dir, 'expected.json');
      if (update || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, actual);
        if (!update) throw new Error(`wrote ${expectedPath}; review it, then run again`);
      }
      expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
