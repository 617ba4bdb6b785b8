import type { Renderer } from '../Renderer.js';
import { QualityLog } from '../quality/QualityLog.js';
import { buildDeckPackage } from './buildDeckPackage.js';
import { collectDeckNotes } from './collectDeckNotes.js';
import { buildCourseDeck, encodePart, joinCourseDeck } from './joinCourseDeck.js';
import { chapterDecks, deckPart, EMPTY, stem } from './chapterDecks.js';
import { NOTE_GATE_RULES } from './noteGateRules.js';

/** One deck per notes file; a folder build can also give one course deck with a sub-deck per file. */
export const ankiRenderer: Renderer = {
  name: 'anki',
  extension: '.apkg',
  binary: true,
  description: 'Anki deck (.apkg) that imports again after every edit without duplicates',

  async render(document, context) {
    const log = new QualityLog('anki', 'notes', NOTE_GATE_RULES);
    const notes = collectDeckNotes(document, deckPart(document.title, stem(document.file)), document.file, { templatesDir: context.templatesDir, log, media: context.media });
    log.considered = notes.length + log.rejections.length;
    for (const m of log.messages()) context.report(m);
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
    const files = documents.map((doc, i) => ({ file: doc.file, deck: decks[i], notes: collectDeckNotes(doc, decks[i], doc.file, { templatesDir: context.templatesDir }) }));
    return (await buildCourseDeck(files, course, context)).output;
  },

  // The notes without their deck: the sub-deck name depends on the other files' titles.
  coursePart(document, context) {
    return encodePart(collectDeckNotes(document, '', document.file, { templatesDir: context?.templatesDir ?? null, media: context?.media }));
  },

  joinCourse: joinCourseDeck,
};
