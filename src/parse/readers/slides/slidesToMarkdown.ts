import type { Heading } from 'mdast';
import type { LineOrigin, ReaderDroppedLine, ReaderText } from '../Reader.js';
import { nodeToMarkdown, writeMarkdown, type MarkdownBlock } from '../writeMarkdown.js';
import type { Slide } from './Slide.js';

/**
 * Slides as Markdown: each slide a section titled by its title placeholder (`#` for the deck's title
 * slide, `##` for the others; `#` for all when the deck has no title slide), then its bullets, text
 * and tables, then its speaker notes as paragraphs. Every line's origin is its slide and its line of
 * text on that slide (the title is line 1).
 */
export function slidesToMarkdown(slides: readonly Slide[]): ReaderText {
  const hasTitleSlide = slides[0]?.titleSlide ?? false;
  const blocks: MarkdownBlock[] = [];
  const dropped: ReaderDroppedLine[] = [];
  for (const slide of slides) {
    let line = 1;
    const at = (): LineOrigin => ({ line: line++, slide: slide.number });
    if (slide.title?.length) {
      const depth = hasTitleSlide && slide !== slides[0] ? 2 : 1;
      const heading: Heading = { type: 'heading', depth, children: slide.title };
      blocks.push({ node: heading, origins: [at()] });
    }
    for (const node of [...slide.blocks, ...slide.notes]) {
      const origins: LineOrigin[] = [];
      for (const text of nodeToMarkdown(node).split('\n')) {
        const rule = /^\s*\|(?:\s*:?-+:?\s*\|)+\s*$/.test(text);
        origins.push(rule ? (origins.at(-1) ?? at()) : at());
      }
      blocks.push({ node, origins });
    }
    for (const text of slide.furniture) dropped.push({ line: 1, slide: slide.number, text, reason: 'slide footer, date or number placeholder' });
  }
  return { ...writeMarkdown(blocks), dropped };
}
