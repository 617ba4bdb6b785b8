import type { Reader } from '../Reader.js';
import { looksLikeZip } from '../zip/readZip.js';
import { odfMimetype } from './odfMimetype.js';

/** The row of the readers table; the XML reading loads only when an .odt is read. */
export const odtReader: Reader = {
  name: 'odt',
  extensions: ['.odt'],
  description: 'OpenDocument text (LibreOffice Writer): headings, lists, tables, bold terms',
  sniff: (bytes) => looksLikeZip(bytes) && odfMimetype(bytes) === 'application/vnd.oasis.opendocument.text',
  read: async (input) => (await import('./readOdt.js')).readOdt(input),
};
