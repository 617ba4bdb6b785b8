import type { PdfLine } from './layoutPage.js';

/** Share of the page height, at the top and at the bottom, where running headers and footers live. */
const EDGE = 0.12;

const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,4}\s*[-–—]?$/,
  /^(?:page|p\.|pg\.?|seite|pagina|página)\s*\d{1,4}(?:\s*(?:\/|of|sur|de|von|di)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*(?:\/|of|sur|de|von)\s*\d{1,4}$/i,
  /^第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?$/,
  /^[ivxlcdm]{1,7}$/i,
];

/** Digits masked and spacing flattened: the same header with another page number has the same key. */
function keyOf(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function edgeOf(line: PdfLine): 'header' | 'footer' | null {
  if (line.y <= EDGE * line.pageHeight) return 'header';
  if (line.y >= (1 - EDGE) * line.pageHeight) return 'footer';
  return null;
}

/**
 * Lines that are the page's furniture rather than the notes: page numbers at the top or bottom of a
 * page, and text repeated at the top or bottom of most pages (running headers and footers, whatever
 * page number they carry). Each with the reason `inspect` shows.
 */
export function findRunningLines(pages: readonly PdfLine[][]): Map<PdfLine, string> {
  const dropped = new Map<PdfLine, string>();
  const seen = new Map<string, Set<number>>();
  const body = bodySize(pages.flat());
  // A heading opening each page ("Chapitre 3", "Chapitre 4") differs from page to page only by its
  // number, like a running header: lines set larger than the text must repeat word for word.
  const keyFor = (line: PdfLine, edge: string) => `${edge}|${line.size > body * 1.1 ? line.text.trim() : keyOf(line.text)}`;
  for (const lines of pages) {
    for (const line of lines) {
      const edge = edgeOf(line);
      if (!edge) continue;
      const key = keyFor(line, edge);
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(line.page);
    }
  }
  const withText = pages.filter((p) => p.length > 0).length;
  const enough = Math.max(2, Math.ceil(0.4 * withText));
  for (const lines of pages) {
    for (const line of lines) {
      const edge = edgeOf(line);
      if (!edge) continue;
      const text = line.text.trim();
      if (PAGE_NUMBER.some((re) => re.test(text))) {
        dropped.set(line, `page number (${edge === 'header' ? 'top' : 'bottom'} of the page)`);
        continue;
      }
      const count = seen.get(keyFor(line, edge))?.size ?? 0;
      if (withText >= 2 && count >= enough) dropped.set(line, `running ${edge} (repeated on ${count} of ${withText} pages)`);
    }
  }
  return dropped;
}

function bodySize(lines: readonly PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 10;
}
