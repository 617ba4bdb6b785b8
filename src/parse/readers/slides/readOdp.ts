import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import { NotesError } from '../../../model/NotesError.js';
import type { ReaderText } from '../Reader.js';
import { odfBlocks, odfInline, readOdfStyles, tidyInline, type OdfStyles } from '../odf/odfToMdast.js';
import { openOdfPackage } from '../odf/openOdfPackage.js';
import { descendants, elements, lengthInPoints, type XmlElement } from '../zip/parseXml.js';
import type { Slide } from './Slide.js';
import { slidesToMarkdown } from './slidesToMarkdown.js';

const MIME = 'application/vnd.oasis.opendocument.presentation';

const FURNITURE = new Set(['page-number', 'footer', 'date-time', 'header']);

/** An Impress deck as Markdown: a section per slide, its notes under it, positions by slide. */
export function readOdp({ bytes, file }: { bytes: Uint8Array; file: string }): ReaderText {
  const { content, styles } = openOdfPackage(bytes, file, '.odp', MIME);
  const presentation = descendants(content, 'office:presentation')[0];
  if (!presentation) throw new NotesError('corrupt', file, 'is not an OpenDocument presentation: content.xml has no office:presentation');
  const odfStyles = readOdfStyles(content, styles);
  const slides = elements(presentation, 'draw:page').map((page, i) => readPage(page, i + 1, odfStyles));
  if (!slides.some((s) => s.title?.length || s.blocks.length || s.notes.length)) {
    throw new NotesError('empty', file, 'has no text on its slides: there are no notes to read (pictures of text are not read)');
  }
  return slidesToMarkdown(slides);
}

interface Frame {
  cls: string;
  element: XmlElement;
  x: number;
  y: number;
  order: number;
}

function framesOf(container: XmlElement, out: Frame[] = []): Frame[] {
  for (const el of elements(container)) {
    if (el.tagName === 'draw:g') framesOf(el, out);
    else if (el.tagName === 'draw:frame' || el.tagName === 'draw:custom-shape' || el.tagName === 'draw:rect') {
      out.push({ cls: el.getAttribute('presentation:class') ?? '', element: el, x: lengthInPoints(el.getAttribute('svg:x')), y: lengthInPoints(el.getAttribute('svg:y')), order: out.length });
    }
  }
  return out;
}

function readPage(page: XmlElement, number: number, styles: OdfStyles): Slide {
  const frames = framesOf(page);
  const slide: Slide = { number, titleSlide: frames.some((f) => f.cls === 'subtitle'), blocks: [], notes: [], furniture: [] };
  const title = frames.find((f) => f.cls === 'title');
  if (title) {
    const parts = descendants(title.element, 'text:p').map((p) => odfInline(p, styles));
    slide.title = tidyInline(parts.flatMap((c, i) => (i ? [{ type: 'text', value: ' ' } as PhrasingContent, ...c] : c))).map((n) => (n.type === 'strong' ? { type: 'text', value: n.children.map((c) => ('value' in c ? c.value : '')).join('') } : n));
  }
  for (const frame of frames.filter((f) => f !== title).sort((a, b) => a.y - b.y || a.x - b.x || a.order - b.order)) {
    if (FURNITURE.has(frame.cls)) {
      const text = (frame.element.textContent ?? '').trim();
      if (text) slide.furniture.push(text);
      continue;
    }
    slide.blocks.push(...frameBlocks(frame.element, styles));
  }
  const notes = elements(page, 'presentation:notes')[0];
  if (notes) for (const frame of framesOf(notes)) if (frame.cls !== 'page-thumbnail' && !FURNITURE.has(frame.cls)) slide.notes.push(...frameBlocks(frame.element, styles));
  return slide;
}

/** A frame's text box, table or shape text as blocks. */
function frameBlocks(frame: XmlElement, styles: OdfStyles): (RootContent & BlockContent)[] {
  const box = elements(frame, 'draw:text-box')[0];
  if (box) return odfBlocks(box, styles);
  return odfBlocks(frame, styles);
}
