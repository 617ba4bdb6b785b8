import type { Reader } from '../Reader.js';

/** The row of the readers table; Readability, linkedom and the Markdown writer load only when a page is read. */
export const htmlReader: Reader = {
  name: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  description: 'web pages saved from a browser: the article found with Readability, navigation, cookie banners and comments left out',
  sniff: (bytes) => /^(?:\uFEFF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(new TextDecoder('latin1').decode(bytes.subarray(0, 2048))),
  read: async (input) => (await import('./readHtml.js')).readHtml(input),
};
