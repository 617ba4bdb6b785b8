import type { Diagnostic } from '../../../model/Diagnostic.js';
import { NotesError } from '../../../model/NotesError.js';
import type { ReaderDroppedLine, ReaderText } from '../Reader.js';
import { writeMarkdown } from '../writeMarkdown.js';
import { findRunningLines } from './findRunningLines.js';
import { isPdf } from './isPdf.js';
import { layoutPage, type PdfLine } from './layoutPage.js';
import { linesToBlocks, measureTypography } from './linesToBlocks.js';
import { loadPdfPages } from './loadPdfPages.js';

/** A PDF's text as Markdown lines with their page and line, and its page furniture as dropped lines. */
export async function readPdf({ bytes, file }: { bytes: Uint8Array; file: string }): Promise<ReaderText> {
  if (!isPdf(bytes)) {
    throw new NotesError('not-pdf', file, 'is not a PDF (it has no %PDF- header): check the file, or give it the extension of its real format');
  }
  const pages = await loadPdfPages(bytes, file);
  const messages: Omit<Diagnostic, 'file'>[] = [];
  const laid = pages.map(layoutPage);
  const textPages = laid.filter((l) => l.length > 0).length;
  if (textPages === 0) {
    const scanned = pages.some((p) => p.hasImages);
    throw new NotesError(
      'no-text',
      file,
      scanned
        ? `has no text to read: its ${pages.length === 1 ? 'page is an image' : `${pages.length} pages are images`} (a scan) without a text layer; run it through OCR (for example ocrmypdf) and build the result`
        : 'has no text to read: its pages are empty or drawn without a text layer',
    );
  }
  for (const page of pages) {
    if (laid[page.number - 1].length === 0 && page.hasImages) {
      messages.push({ line: 1, severity: 'warning', message: `page ${page.number} is an image without a text layer (a scanned page?): nothing was read from it`, ruleId: 'pdf-page-without-text' });
    }
  }
  const running = findRunningLines(laid);
  const dropped: ReaderDroppedLine[] = [];
  const kept: PdfLine[] = [];
  for (const line of laid.flat()) {
    const reason = running.get(line);
    if (reason) dropped.push({ line: line.lineOnPage, page: line.page, text: line.text, reason });
    else kept.push(line);
  }
  for (const page of pages) {
    for (const text of page.rotated) dropped.push({ line: 1, page: page.number, text, reason: 'rotated text (a watermark or a margin note)' });
  }
  const out = writeMarkdown(linesToBlocks(kept, measureTypography(kept)));
  return { ...out, messages, dropped };
}
