import type { BlockContent, PhrasingContent, RootContent } from 'mdast';

/** One slide as the slide readers (.pptx, .odp) see it, before it is written as Markdown. */
export interface Slide {
  /** 1-based, in the presentation's order. */
  number: number;
  /** The title placeholder's text; a slide without one gets no heading. */
  title?: PhrasingContent[];
  /** A title slide (centred title, subtitle): its title is the deck's. */
  titleSlide: boolean;
  /** Bullets as lists (levels kept), other text boxes as paragraphs, tables; top to bottom. */
  blocks: (RootContent & BlockContent)[];
  /** The speaker notes, kept as prose under the slide. */
  notes: (RootContent & BlockContent)[];
  /** Footer, date and slide-number placeholders: furniture, listed as dropped. */
  furniture: string[];
}
