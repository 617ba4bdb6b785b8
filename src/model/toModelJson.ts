import type { StudyDocument } from './StudyDocument.js';

/** The inspect JSON: stable key order (as built), two-space indent, trailing newline. */
export function toModelJson(doc: StudyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
