import { listZipNames, readZip } from '../zip/readZip.js';

/** The `mimetype` entry OpenDocument packages start with, or undefined for other bytes. */
export function odfMimetype(bytes: Uint8Array): string | undefined {
  if (!listZipNames(bytes).includes('mimetype')) return undefined;
  try {
    return readZip(bytes, '', 'package').text('mimetype')?.trim();
  } catch {
    return undefined;
  }
}
