import { join } from 'node:path';
import type { InputFile } from './collectInputs.js';

/** Output path without the renderer's extension: the notes file's path under `--out`, minus its own. */
export function outputStem(outDir: string, input: Pick<InputFile, 'relative'>): string {
  return join(outDir, input.relative.replace(/\.[^./]+$/, ''));
}
