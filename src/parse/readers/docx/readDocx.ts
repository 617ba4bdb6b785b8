import { NotesError } from '../../../model/NotesError.js';
import type { ReaderText } from '../Reader.js';
import { htmlToBlocks } from '../html/htmlToBlocks.js';
import { notPackage } from '../odf/openOdfPackage.js';
import { writeDocument } from '../writeMarkdown.js';
import { looksLikeZip, readZip } from '../zip/readZip.js';

/**
 * Word styles mammoth does not map by default, as a teacher's documents use them: the title, code
 * set in a preformatted or code style, and quotations.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Preformatted Text'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "p[style-name='Code'] => pre:separator('\\n')",
  "p[style-name='Source Text'] => pre:separator('\\n')",
  "r[style-name='Source Text'] => code",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "r[style-name='Strong'] => strong",
  "r[style-name='Strong Emphasis'] => strong",
];

interface Mammoth {
  convertToHtml(input: { buffer: Buffer }, options: Record<string, unknown>): Promise<{ value: string; messages: { type: string; message: string }[] }>;
  images: { imgElement(f: () => Promise<Record<string, string>>): unknown };
}

let mammoth: Promise<Mammoth> | undefined;

/** A Word document as Markdown, through mammoth's HTML. */
export async function readDocx({ bytes, file }: { bytes: Uint8Array; file: string }): Promise<ReaderText> {
  if (!looksLikeZip(bytes)) throw notPackage(bytes, file, '.docx');
  const zip = readZip(bytes, file, '.docx');
  if (!zip.has('word/document.xml')) {
    const other = zip.has('ppt/presentation.xml') ? ' (it is a PowerPoint file: name it .pptx)' : zip.has('content.xml') ? ' (it is an OpenDocument file: name it .odt or .odp)' : '';
    throw new NotesError('wrong-format', file, `is a zip package without word/document.xml, not a Word .docx${other}`);
  }
  // mammoth inflates the package with its own zip reader: every entry is inflated here first within
  // the size limits, so that a bomb stops at the limit instead of inside mammoth.
  zip.verifyAll();
  mammoth ??= import('mammoth').then((m) => ((m as unknown as { default?: Mammoth }).default ?? m) as unknown as Mammoth);
  const lib = await mammoth;
  let html: string;
  try {
    const result = await lib.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, includeDefaultStyleMap: true, ignoreEmptyParagraphs: true, convertImage: lib.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new NotesError('corrupt', file, `is a damaged Word document (${(error as Error).message}); open it in Word or LibreOffice and save it again`);
  }
  const out = writeDocument(htmlToBlocks(html));
  if (!out.text.trim()) throw new NotesError('empty', file, 'has no text: there are no notes to read');
  return out;
}
