import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { McqBank } from '../../src/render/mcq/McqBank.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

const schema = JSON.parse(readFileSync(new URL('../../schema/mcq.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateBank = ajv.compile(schema);

/** Schema errors of a bank as readable lines (empty when valid). */
export function schemaErrors(bank: unknown): string[] {
  return validateBank(bank) ? [] : (validateBank.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Index of the correct option of every single-choice question with `n` options. */
export function keyPositions(bank: McqBank, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const q of bank.questions) if (q.type === 'single-choice' && q.options.length === n) counts[q.options.findIndex((o) => o.correct)]++;
  return counts;
}
