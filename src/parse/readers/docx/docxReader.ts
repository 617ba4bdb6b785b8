import type { Reader } from '../Reader.js';
import { listZipNames, looksLikeZip } from '../zip/readZip.js';

/** The row of the readers table; mammoth and the HTML → Markdown path load only when a .docx is read. */
export const docxReader: Reader = {
  name: 'docx',
  extensions: ['.docx'],
  description: 'Word documents: headings, lists, tables and bold terms, through mammoth',
  sniff: (bytes) => looksLikeZip(bytes) && listZipNames(bytes).includes('word/document.xml'),
  read: async (input) => (await import('./readDocx.js')).readDocx(input),
};
