import type { Reader } from './Reader.js';
import { markdownReader } from './markdown/markdownReader.js';
import { pastedReader } from './pasted/pastedReader.js';
import { pdfReader } from './pdf/pdfReader.js';
import { odtReader } from './odf/odtReader.js';
import { docxReader } from './docx/docxReader.js';
import { odpReader } from './slides/odpReader.js';
import { pptxReader } from './slides/pptxReader.js';

/**
 * Every input format, one row each. Order matters only for sniffing (standard input, unknown
 * extensions): binary formats with a signature come first, text readers last, `markdown` being the
 * fallback since Markdown reads any text.
 */
export const READERS: readonly Reader[] = [pdfReader, docxReader, pptxReader, odpReader, odtReader, pastedReader, markdownReader];

/** Every file name ending a folder build picks up. */
export const NOTES_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

/** The reader for a file: by its extension, else by its content, else Markdown. */
export function chooseReader(path: string, bytes: Uint8Array): Reader {
  const lower = path.toLowerCase();
  const byName = READERS.find((r) => r.extensions.some((e) => lower.endsWith(e)));
  if (byName) return byName;
  return READERS.find((r) => r.sniff(bytes)) ?? markdownReader;
}
