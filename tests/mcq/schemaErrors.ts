import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/mcq.schema.json', import.meta.url), 'utf8'));
const validateBank = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Schema errors of a bank as readable lines (empty when valid). */
export function schemaErrors(bank: unknown): string[] {
  return validateBank(bank) ? [] : (validateBank.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
