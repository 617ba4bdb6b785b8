import { NotesError } from '../../model/NotesError.js';
import type { Reader } from './Reader.js';
import { docxReader } from './docx/docxReader.js';
import { htmlReader } from './html/htmlReader.js';
import { markdownReader } from './markdown/markdownReader.js';
import { odtReader } from './odf/odtReader.js';
import { pastedReader } from './pasted/pastedReader.js';
import { pdfReader } from './pdf/pdfReader.js';
import { odpReader } from './slides/odpReader.js';
import { pptxReader } from './slides/pptxReader.js';

/**
 * Every input format, one row each. Order matters only for sniffing (standard input, unknown
 * extensions): binary formats with a signature come first (PDF, then the zip packages, each
 * recognised by the parts it holds), HTML next, text readers last, `markdown` being the fallback
 * since Markdown reads any text.
 */
export const READERS: readonly Reader[] = [pdfReader, docxReader, pptxReader, odpReader, odtReader, htmlReader, pastedReader, markdownReader];

/** Every file name ending a folder build picks up. */
export const NOTES_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

/** Formats students have that revise does not read, with what to do instead. */
const NOT_READ: Record<string, string> = {
  '.doc': 'an old Word 97-2003 document: open it in Word or LibreOffice and save it as .docx (or as PDF)',
  '.ppt': 'an old PowerPoint 97-2003 file: open it in PowerPoint or LibreOffice and save it as .pptx (or as PDF)',
  '.rtf': 'a Rich Text file: open it in a word processor and save it as .docx, .odt or PDF',
  '.pages': 'an Apple Pages document: export it as .docx or PDF',
  '.key': 'an Apple Keynote file: export it as .pptx or PDF',
  '.epub': 'an e-book: revise does not read e-books yet; export the chapter you need as PDF or copy its text into a .md file',
  '.xls': 'a spreadsheet: revise does not read spreadsheets; copy the table into a .md file',
  '.xlsx': 'a spreadsheet: revise does not read spreadsheets; copy the table into a .md file',
  '.ods': 'a spreadsheet: revise does not read spreadsheets; copy the table into a .md file',
};

/** The reader for a file: by its extension, else by its content, else Markdown. */
export function chooseReader(path: string, bytes: Uint8Array): Reader {
  const lower = path.toLowerCase();
  const byName = READERS.find((r) => r.extensions.some((e) => lower.endsWith(e)));
  if (byName) return byName;
  const sniffed = READERS.find((r) => r.sniff(bytes));
  if (sniffed) return sniffed;
  const ending = Object.keys(NOT_READ).find((e) => lower.endsWith(e));
  if (ending) return notRead(ending);
  return markdownReader;
}

function notRead(ending: string): Reader {
  return {
    name: ending.slice(1),
    extensions: [],
    description: 'a format revise does not read',
    sniff: () => false,
    read: ({ file }) => {
      throw new NotesError('unsupported-format', file, `is ${NOT_READ[ending]}. revise reads ${NOTES_EXTENSIONS.join(', ')}`);
    },
  };
}
