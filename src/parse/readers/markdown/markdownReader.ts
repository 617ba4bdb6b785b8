import type { Reader } from '../Reader.js';
import { decodeReaderText } from '../decodeText.js';

/** Markdown files: decoded as they are; the rules honour their Markdown and recover pasted stretches. */
export const markdownReader: Reader = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  description: 'Markdown notes (CommonMark, GFM, Obsidian and mkdocs extensions)',
  sniff: () => false,
  read: ({ bytes, file }) => decodeReaderText(bytes, file),
};
