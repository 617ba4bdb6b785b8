import type { Reader } from '../Reader.js';
import { odfMimetype } from '../odf/odfMimetype.js';
import { looksLikeZip } from '../zip/readZip.js';

const MIME = 'application/vnd.oasis.opendocument.presentation';

/** The row of the readers table; the XML reading loads only when an .odp is read. */
export const odpReader: Reader = {
  name: 'odp',
  extensions: ['.odp'],
  description: 'OpenDocument slides (LibreOffice Impress): a section per slide, bullets as outlines, speaker notes',
  sniff: (bytes) => looksLikeZip(bytes) && odfMimetype(bytes) === MIME,
  read: async (input) => (await import('./readOdp.js')).readOdp(input),
};
