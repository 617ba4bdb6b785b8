import { NotesError } from '../../../model/NotesError.js';
import type { Reader, ReaderText } from '../Reader.js';
import { writeDocument } from '../writeMarkdown.js';
import { descendants } from '../zip/parseXml.js';
import { listZipNames, looksLikeZip, readZip } from '../zip/readZip.js';
import { odfBlocks, readOdfStyles } from './odfToMdast.js';
import { openOdfPackage } from './openOdfPackage.js';

export const odtReader: Reader = {
  name: 'odt',
  extensions: ['.odt'],
  description: 'OpenDocument text (LibreOffice Writer): headings, lists, tables, bold terms',
  sniff: (bytes) => looksLikeZip(bytes) && odfMimetype(bytes) === 'application/vnd.oasis.opendocument.text',
  read: ({ bytes, file }): ReaderText => {
    const { content, styles } = openOdfPackage(bytes, file, '.odt', 'application/vnd.oasis.opendocument.text');
    const body = descendants(content, 'office:text')[0];
    if (!body) throw new NotesError('corrupt', file, 'is not an OpenDocument text: content.xml has no office:text body');
    const out = writeDocument(odfBlocks(body, readOdfStyles(content, styles)));
    if (!out.text.trim()) throw new NotesError('empty', file, 'has no text: there are no notes to read');
    return out;
  },
};

/** The `mimetype` entry OpenDocument packages start with, stored uncompressed. */
export function odfMimetype(bytes: Uint8Array): string | undefined {
  if (!listZipNames(bytes).includes('mimetype')) return undefined;
  try {
    return readZip(bytes, '', 'package').text('mimetype')?.trim();
  } catch {
    return undefined;
  }
}

