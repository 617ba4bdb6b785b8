import type { Reader } from '../Reader.js';
import { decodeReaderText } from '../decodeText.js';

/**
 * Plain text, as students paste it from a web page, a PDF viewer or a study app. Same rules as
 * Markdown: whatever Markdown such a file holds is honoured, the rest is read line by line.
 */
export const pastedReader: Reader = {
  name: 'pasted',
  extensions: ['.txt'],
  description: 'plain text pasted from a web page, a PDF or a study app',
  sniff: () => false,
  read: ({ bytes, file }) => decodeReaderText(bytes, file),
};
