import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/parseNotes.js';
import { decodeText } from '../../src/parse/readers/decodeText.js';
import { checkMcqBank } from '../../src/render/mcq/checkMcqBank.js';
import type { McqBank } from '../../src/render/mcq/McqBank.js';
import { buildMcqBank } from '../../src/render/mcq/buildMcqBank.js';
import { measureMcqCoverage } from '../../src/render/mcq/measureMcqCoverage.js';
import { run } from '../../src/run.js';
import { corpusDir, repoRoot } from './testPaths.js';
import { schemaErrors } from './schemaErrors.js';
import { keyPositions } from './keyPositions.js';

const samples = readdirSync(join(repoRoot, 'input')).filter((f) => f.endsWith('.md')).map((f) => join(repoRoot, 'input', f));
const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => join(corpusDir, f)) : [];
const files = [...samples, ...corpus].sort();
const outDirs: string[] = [];
const silent = { stdout: () => {}, stderr: () => {} };

async function buildAll(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'revise-mcq-'));
  outDirs.push(out);
  // Each file is its own build root so that outputs land flat, named after the notes file.
  for (const file of files) {
    const result = await run({ command: 'build', paths: [file], out, formats: ['mcq'], quiet: true }, silent);
    expect(result.code, file).toBe(0);
  }
  return out;
}

afterAll(() => outDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('mcq banks of the samples and the pasted-notes corpus', () => {
  it('finds the sample and corpus files', () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
  });

  it('writes a schema-valid bank with no item-writing violation for every file, byte-identical twice', async () => {
    const first = await buildAll();
    const second = await buildAll();
    for (const file of files) {
      const name = basename(file).replace(/\.[^.]+$/, '.mcq.json');
      const bytes = readFileSync(join(first, name));
      expect(readFileSync(join(second, name)).equals(bytes), `${name} differs between builds`).toBe(true);
      const bank = JSON.parse(bytes.toString('utf8')) as McqBank;
      expect(schemaErrors(bank), name).toEqual([]);
      expect(checkMcqBank(bank), name).toEqual([]);
      expect(bank.files).toEqual([basename(file)]);
    }
  });

  for (const file of files) {
    it(`asks or accounts for every fact that has siblings, and spreads keys, in ${basename(file)}`, () => {
      const { document } = parseNotes(decodeText(readFileSync(file), file), { file: basename(file) });
      const { bank, drafts, logs } = buildMcqBank([document]);
      const refused = new Set(logs[0].rejections.map((r) => r.item).filter((i): i is string => i !== undefined));
      const coverage = measureMcqCoverage(document, drafts, refused);
      // Nothing silently lost: a fact with enough siblings is asked, or the gate says why not.
      expect(coverage.accounted, JSON.stringify(coverage.kinds)).toBe(1);
      // The hand-written samples are good notes: most of their facts make good questions.
      if (samples.includes(file)) expect(coverage.ratio, JSON.stringify(coverage.kinds)).toBeGreaterThanOrEqual(0.6);
      const four = keyPositions(bank, 4);
      const total = four.reduce((a, b) => a + b, 0);
      if (total >= 20) expect(Math.max(...four) / total).toBeLessThanOrEqual(0.4);
      // The wording follows the notes' language when revise has templates for it.
      if (['fr', 'en', 'zh'].includes(document.language)) for (const q of bank.questions) expect(q.language).toBe(document.language);
    });
  }
});
