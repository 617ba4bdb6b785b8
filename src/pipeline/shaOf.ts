import { createHash } from 'node:crypto';

/** SHA-256 of one output's bytes, hex: what the build cache checks an output against. */
export function shaOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
