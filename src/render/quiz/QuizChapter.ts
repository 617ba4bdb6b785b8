/**
 * What the quiz page holds for one notes file: its flashcards (from the Anki deck's notes) and its
 * question bank (from the MCQ bank builder), as plain text. The page's script shows every string
 * with textContent, so nothing here is ever parsed as HTML.
 */

/**
 * A run of card text: plain text, a blank to recall (`b`, its hint or an ellipsis), the recalled
 * answer (`m`), a formula typeset at build time (`x`, MathJax's SVG; `d` when displayed), a code span
 * (`c`), a code block (`k`: lines of [text, colour?] runs), an image (`i`, a data: address, `a` its alt text).
 */
export type CardSegment = string | { b: string } | { m: string } | { x: string; d?: 1 } | { c: string } | { k: [string, string?][][] } | { i: string; a: string };

export interface QuizCard {
  /** The Anki note's GUID and the card's ordinal: the same card in the deck and on the page. */
  id: string;
  front: CardSegment[];
  back: CardSegment[];
  /** Heading path of the item the card comes from. */
  theme: string[];
  line: number;
}

export interface QuizOption {
  text: string;
  correct: boolean;
  /** The text with its formulas typeset, when it has any. */
  rich?: CardSegment[];
}

/** A question of the bank; more than one correct option makes it a multiple-answer question. */
export interface QuizQuestion {
  id: string;
  type: string;
  stem: string;
  options: QuizOption[];
  explanation: string;
  theme: string[];
  line: number;
  /** Stem and explanation with their formulas typeset, when they have any (the texts stay for printing and search). */
  rich?: { stem?: CardSegment[]; explanation?: CardSegment[] };
}

export interface QuizChapter {
  /** Notes file, relative to the build (or course) root. */
  file: string;
  title: string;
  language: string;
  cards: QuizCard[];
  questions: QuizQuestion[];
}
