import type { DroppedLine } from '../model/StudyDocument.js';

/**
 * Text as handed to remark after the line-level pass: one entry per line, each with the 1-based line
 * of the original file it came from, so every item can point back to the user's own file.
 */
export interface PreparedText {
  lines: string[];
  origin: number[];
  dropped: DroppedLine[];
}

export function prepareIdentity(body: string, bodyLineOffset: number): PreparedText {
  const lines = body.split('\n');
  return { lines, origin: lines.map((_, i) => i + 1 + bodyLineOffset), dropped: [] };
}
