import { stat } from 'node:fs/promises';
import type { InputFile } from './collectInputs.js';

/**
 * Every date written into an output comes from here: SOURCE_DATE_EPOCH when set (reproducible
 * builds convention), else the notes file's modification time. Once built, a file keeps that date for
 * as long as its content does not change (see BuildCache).
 */
export async function sourceTimestamp(input: Pick<InputFile, 'absolute'>): Promise<number> {
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  if (!input.absolute) return 0;
  try {
    return Math.floor((await stat(input.absolute)).mtimeMs / 1000);
  } catch {
    return 0;
  }
}
