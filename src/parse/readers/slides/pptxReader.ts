import type { Reader } from '../Reader.js';
import { listZipNames, looksLikeZip } from '../zip/readZip.js';

/** The row of the readers table; the slide XML reading loads only when a .pptx is read. */
export const pptxReader: Reader = {
  name: 'pptx',
  extensions: ['.pptx'],
  description: 'PowerPoint slides: a section per slide, bullets as outlines, speaker notes, slide numbers',
  sniff: (bytes) => looksLikeZip(bytes) && listZipNames(bytes).includes('ppt/presentation.xml'),
  read: async (input) => (await import('./readPptx.js')).readPptx(input),
};
