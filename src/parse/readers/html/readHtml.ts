import { NotesError } from '../../../model/NotesError.js';
import { decodeNotes } from '../../decodeNotes.js';
import type { ReaderText } from '../Reader.js';
import { writeDocument } from '../writeMarkdown.js';
import { htmlToBlocks } from './htmlToBlocks.js';

/** Elements that are never the article: consent banners and dialogs, navigation, forms, comment threads. */
const FURNITURE = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'form',
  'dialog',
  '[role=navigation]',
  '[role=dialog]',
  '[role=alertdialog]',
  '[role=banner]',
  '[role=contentinfo]',
  '[aria-modal=true]',
  '[hidden]',
  '[aria-hidden=true]',
  '[id*=cookie i]',
  '[class*=cookie i]',
  '[id*=consent i]',
  '[class*=consent i]',
  '[class*=gdpr i]',
  '[id*=gdpr i]',
  '[id*=comments i]',
  '[class*=comments i]',
  '[id=respond]',
  '[class*=share i]',
  '[class*=newsletter i]',
].join(', ');

/** Words below which what Readability kept is not an article (a page of links, an error page). */
const MIN_WORDS = 25;

interface ReadabilityArticle {
  title?: string | null;
  content?: string | null;
  textContent?: string | null;
}

let libs: Promise<{ parseHTML: (html: string) => { document: unknown }; Readability: new (doc: unknown, options?: Record<string, unknown>) => { parse(): ReadabilityArticle | null } }> | undefined;

/** A saved page's article as Markdown. */
export async function readHtml({ bytes, file }: { bytes: Uint8Array; file: string }): Promise<ReaderText> {
  const html = decodeHtml(bytes, file);
  libs ??= Promise.all([import('linkedom'), import('@mozilla/readability')]).then(([linkedom, readability]) => ({
    parseHTML: linkedom.parseHTML as unknown as (html: string) => { document: unknown },
    Readability: readability.Readability as unknown as new (doc: unknown, options?: Record<string, unknown>) => { parse(): ReadabilityArticle | null },
  }));
  const { parseHTML, Readability } = await libs;
  const { document } = parseHTML(html);
  const doc = document as { querySelectorAll(s: string): ArrayLike<{ remove(): void }>; title?: string };
  for (const el of Array.from(doc.querySelectorAll(FURNITURE))) el.remove();
  // The page's own top heading is the title; the <title> often carries the site's name after it.
  const h1 = (Array.from(doc.querySelectorAll('h1'))[0] as { textContent?: string } | undefined)?.textContent?.replace(/\s+/g, ' ').trim();
  let article: ReadabilityArticle | null = null;
  try {
    article = new Readability(document, { charThreshold: 200, keepClasses: false }).parse();
  } catch {
    article = null;
  }
  const words = (article?.textContent ?? '').match(/[\p{Script=Han}]|[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (!article?.content || words < MIN_WORDS) {
    throw new NotesError(
      'no-main-content',
      file,
      'has no main content to read (only navigation, banners or too little text was found): save the article page itself, or copy its text into a .md or .txt file',
    );
  }
  const blocks = htmlToBlocks(article.content);
  const pageTitle = article.title?.trim();
  const title = h1 && (!pageTitle || pageTitle.includes(h1)) ? h1 : pageTitle;
  const hasTopHeading = blocks.some((b) => b.type === 'heading' && b.depth === 1);
  if (title && !hasTopHeading) blocks.unshift({ type: 'heading', depth: 1, children: [{ type: 'text', value: title }] });
  return writeDocument(blocks);
}

/** A saved page's bytes as text: a BOM, else the charset its meta tag declares, else UTF-8. */
function decodeHtml(bytes: Uint8Array, file: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (declared && !hasBom && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to UTF-8, which reports bad bytes with their line.
    }
  }
  const { text } = decodeNotes(bytes, file);
  if (!text.trim()) throw new NotesError('empty', file, 'is empty: there are no notes to read');
  return text;
}
