import type { Reader } from '../Reader.js';
import { isPdf } from './isPdf.js';

/** The row of the readers table; pdf.js and the layout code load only when a PDF is read. */
export const pdfReader: Reader = {
  name: 'pdf',
  extensions: ['.pdf'],
  description: 'PDF with a text layer (handouts, exported slides): reading order, headings, lists, page numbers',
  sniff: isPdf,
  read: async (input) => (await import('./readPdf.js')).readPdf(input),
};
