import { NotesError } from '../../../model/NotesError.js';
import type { ReaderText } from '../Reader.js';
import { writeDocument } from '../writeMarkdown.js';
import { descendants } from '../zip/parseXml.js';
import { odfBlocks, readOdfStyles } from './odfToMdast.js';
import { openOdfPackage } from './openOdfPackage.js';

/** An OpenDocument text as Markdown, from its content.xml and styles.xml. */
export function readOdt({ bytes, file }: { bytes: Uint8Array; file: string }): ReaderText {
  const { content, styles } = openOdfPackage(bytes, file, '.odt', 'application/vnd.oasis.opendocument.text');
  const body = descendants(content, 'office:text')[0];
  if (!body) throw new NotesError('corrupt', file, 'is not an OpenDocument text: content.xml has no office:text body');
  const out = writeDocument(odfBlocks(body, readOdfStyles(content, styles)));
  if (!out.text.trim()) throw new NotesError('empty', file, 'has no text: there are no notes to read');
  return out;
}
