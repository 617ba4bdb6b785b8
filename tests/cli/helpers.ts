import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunIO } from '../../src/run.js';

export interface CapturedIO extends RunIO {
  out: string;
  err: string;
}

export function captureIO(stdin?: string | Uint8Array): CapturedIO {
  const io: CapturedIO = {
    out: '',
    err: '',
    stdout(text) {
      io.out += text;
    },
    stderr(text) {
      io.err += text;
    },
  };
  if (stdin !== undefined) io.readStdin = async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin);
  return io;
}

export function tempDir(prefix = 'revise-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const repoRoot = join(import.meta.dirname, '..', '..');
