import { createHash } from 'node:crypto';
import { normaliseKey } from '../../model/makeItemId.js';

/**
 * A note's identity across rebuilds: file path (relative to the build or course root) + item kind +
 * normalised term or question, never the answer, so editing an answer updates the same note.
 * `occurrence` (1-based) keeps two items with the same key apart inside one file.
 */
export function noteGuid(file: string, kind: string, key: string, occurrence = 1): string {
  const material = [file.replace(/\\/g, '/'), kind, normaliseKey(key) || key.trim(), occurrence > 1 ? String(occurrence) : '']
    .join('\u0000');
  // base64url has none of the characters Mnemosyne rewrites in GUIDs (` " & < >).
  return createHash('sha256').update(material).digest('base64url').slice(0, 16);
}
