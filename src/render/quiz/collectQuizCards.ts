import type { StudyDocument } from '../../model/StudyDocument.js';
import type { AnkiNote } from '../anki/AnkiNote.js';
import { collectDeckNotes } from '../anki/collectDeckNotes.js';
import { fieldText } from './fieldText.js';
import { fieldSegments, type SegmentContext } from './fieldSegments.js';
import type { MediaTable } from '../../model/MediaFile.js';
import type { CardSegment, QuizCard } from './QuizChapter.js';

const CLOZE_MARK = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
const SECTION_JOIN = ' › ';

/** The cloze field with cloze number `n` hidden (front) or marked (back), the other deletions in clear. */
export function clozeSides(html: string, n: number, context?: SegmentContext): { front: CardSegment[]; back: CardSegment[] } {
  const front: CardSegment[] = [];
  const back: CardSegment[] = [];
  let last = 0;
  // Clear text next to clear text is one run.
  const push = (side: CardSegment[], s: string) => {
    const last = side.length - 1;
    if (typeof side[last] === 'string') side[last] += s;
    else side.push(s);
  };
  const text = (s: string) => {
    if (s) {
      push(front, s);
      push(back, s);
    }
  };
  // With a context, formulas, code and images become segments of their own.
  const rich = (part: string) => {
    if (!context) return text(fieldText(part));
    for (const seg of fieldSegments(part, context)) {
      if (typeof seg === 'string') text(seg);
      else {
        front.push(seg);
        back.push(seg);
      }
    }
  };
  for (const m of html.matchAll(CLOZE_MARK)) {
    rich(html.slice(last, m.index));
    const answer = fieldText(m[2]);
    if (Number(m[1]) === n) {
      front.push({ b: m[3] !== undefined ? `[${fieldText(m[3])}]` : '[…]' });
      const segments = context ? fieldSegments(m[2], context) : [answer];
      if (segments.every((seg) => typeof seg === 'string')) back.push({ m: answer });
      else back.push(...segments);
    } else rich(m[2]);
    last = m.index + m[0].length;
  }
  rich(html.slice(last));
  return { front, back };
}

/**
 * The item's heading path, found from its line among the document's sections; the Section field
 * (the path joined with " › ") decides when a heading itself holds " › " or the item sits oddly.
 */
function themeOf(document: StudyDocument, line: number, sectionField: string): string[] {
  const joined = fieldText(sectionField);
  let best: string[] = [];
  for (const s of document.sections) if (s.source.line <= line) best = s.path;
  if (best.join(SECTION_JOIN) === joined) return best;
  for (const s of document.sections) if (s.path.join(SECTION_JOIN) === joined) return s.path;
  return joined ? joined.split(SECTION_JOIN) : [];
}

/** Every card the Anki deck gives for this document, in deck order, as plain text for the quiz page. */
export function collectQuizCards(document: StudyDocument, context?: SegmentContext & { media?: MediaTable }): QuizCard[] {
  const notes: AnkiNote[] = collectDeckNotes(document, '', document.file, context?.media ? { media: context.media } : {});
  const side = (html: string): CardSegment[] => (context ? fieldSegments(html, context) : [fieldText(html)]);
  const cards: QuizCard[] = [];
  for (const note of notes) {
    const [first, second, section, source] = note.fields;
    const line = Number(/:(\d+)$/.exec(fieldText(source))?.[1] ?? 0);
    const theme = themeOf(document, line, section);
    for (const ord of note.cardOrds) {
      const id = `${note.guid}/${ord}`;
      if (note.type === 'cloze') {
        const sides = clozeSides(first, ord + 1, context);
        // The Extra field (a code block or a figure under the sentence) is part of the answer.
        if (second) sides.back.push('\n', ...side(second));
        cards.push({ id, theme, line, ...sides });
      } else {
        const [front, back] = ord === 0 ? [first, second] : [second, first];
        cards.push({ id, theme, line, front: side(front), back: side(back) });
      }
    }
  }
  return cards;
}
