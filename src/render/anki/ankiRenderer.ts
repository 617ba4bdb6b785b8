import type { Renderer } from '../Renderer.js';
import { buildDeckPackage } from './buildDeckPackage.js';
import { collectDeckNotes } from './collectDeckNotes.js';
import { buildCourseDeck, encodePart, joinCourseDeck } from './joinCourseDeck.js';
import { chapterDecks, deckPart, EMPTY, stem } from './chapterDecks.js';

/** One deck per notes file; a folder build can also give one course deck with a sub-deck per file. */
export const ankiRenderer: Renderer = {
  name: 'anki',
  extension: '.apkg',
  binary: true,
  description: 'Anki deck (.apkg) that imports again after every edit without duplicates',

  async render(document, context) {
    const notes = collectDeckNotes(document, deckPart(document.title, stem(document.file)), document.file, context.media);
    if (notes.length === 0) {
      context.report({ message: EMPTY, ruleId: 'anki-empty' });
      return null;
    }
    return buildDeckPackage(notes, { templatesDir: context.templatesDir, timestamp: context.timestamp, previousPath: context.outputPath ?? null });
  },

  async renderCourse(documents, context) {
    const course = deckPart(context.courseName, 'Course');
    const decks = chapterDecks(course, documents);
    // Documents alone carry no image bytes: a course deck built this way shows images by their alt text.
    const files = documents.map((doc, i) => ({ file: doc.file, deck: decks[i], notes: collectDeckNotes(doc, decks[i]) }));
    return (await buildCourseDeck(files, course, context)).output;
  },

  // The notes without their deck: the sub-deck name depends on the other files' titles.
  coursePart(document, context) {
    return encodePart(collectDeckNotes(document, '', document.file, context.media));
  },

  joinCourse: joinCourseDeck,
};
