import { NotesError } from '../../../model/NotesError.js';
import { parseXml, type XmlElement } from '../zip/parseXml.js';
import { looksLikeZip, readZip } from '../zip/readZip.js';

/** content.xml and styles.xml of an OpenDocument package, after the zip's size checks. */
export function openOdfPackage(bytes: Uint8Array, file: string, what: string, mimetype: string): { content: XmlElement; styles?: XmlElement } {
  if (!looksLikeZip(bytes)) throw notPackage(bytes, file, what);
  const zip = readZip(bytes, file, what);
  const declared = zip.text('mimetype')?.trim();
  if (declared && declared !== mimetype) {
    throw new NotesError('wrong-format', file, `is an OpenDocument file of another kind (${declared}), not ${what}; give it its own extension`);
  }
  const content = zip.text('content.xml');
  if (content === undefined) throw new NotesError('corrupt', file, `is not a valid ${what}: it has no content.xml`);
  const styles = zip.text('styles.xml');
  return { content: parseXml(content, file, 'content.xml'), styles: styles === undefined ? undefined : parseXml(styles, file, 'styles.xml') };
}

/** The error for bytes that are not a zip package: names the old binary formats people rename. */
export function notPackage(bytes: Uint8Array, file: string, what: string): NotesError {
  const ole = bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
  if (ole) {
    return new NotesError(
      'old-office-format',
      file,
      `is an old binary Office file (Word 97-2003 .doc, PowerPoint .ppt), not ${what}: open it in Word or LibreOffice and save it as ${what} (or as PDF)`,
    );
  }
  if (bytes.length === 0) return new NotesError('empty', file, 'is empty: there are no notes to read');
  return new NotesError('corrupt', file, `is not a ${what} file (it is not a zip package): the file is damaged, truncated or of another format`);
}
