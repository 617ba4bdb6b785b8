import type { StudyDocument } from '../../model/StudyDocument.js';
import type { Renderer } from '../Renderer.js';
import type { AnkiNote } from './AnkiNote.js';
import { buildDeckPackage } from './buildDeckPackage.js';
import { collectDeckNotes } from './collectDeckNotes.js';

const EMPTY = 'nothing to put in a deck (no definitions, questions, clozes or sequences found); no .apkg written';

/** `::` inside a title would make Anki nest decks the notes never asked for. */
function deckPart(text: string, fallback: string): string {
  const cleaned = text.replace(/::+/g, ':').replace(/\s+/g, ' ').trim();
  return cleaned || fallback;
}

function stem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '') || 'notes';
}

/** One deck per notes file; a folder build can also give one course deck with a sub-deck per file. */
export const ankiRenderer: Renderer = {
  name: 'anki',
  extension: '.apkg',
  binary: true,
  description: 'Anki deck (.apkg) that imports again after every edit without duplicates',

  async render(document, context) {
    const notes = collectDeckNotes(document, deckPart(document.title, stem(document.file)));
    if (notes.length === 0) {
      context.report({ message: EMPTY, ruleId: 'anki-empty' });
      return null;
    }
    return buildDeckPackage(notes, { templatesDir: context.templatesDir, timestamp: context.timestamp, previousPath: context.outputPath ?? null });
  },

  async renderCourse(documents, context) {
    const course = deckPart(context.courseName, 'Course');
    const titleCount = new Map<string, number>();
    const titles = documents.map((d) => deckPart(d.title, stem(d.file)));
    for (const t of titles) titleCount.set(t, (titleCount.get(t) ?? 0) + 1);
    const notes: AnkiNote[] = [];
    documents.forEach((doc: StudyDocument, i) => {
      // Anki merges decks by name, so two chapters with one title get their file name added.
      const chapter = titleCount.get(titles[i])! > 1 ? `${titles[i]} (${deckPart(doc.file, 'notes')})` : titles[i];
      const found = collectDeckNotes(doc, `${course}::${chapter}`);
      if (found.length === 0) context.report({ file: doc.file, message: EMPTY.replace('no .apkg written', 'left out of the course deck'), ruleId: 'anki-empty', severity: 'info' });
      notes.push(...found);
    });
    if (notes.length === 0) {
      context.report({ file: course, message: EMPTY, ruleId: 'anki-empty' });
      return null;
    }
    return buildDeckPackage(notes, { templatesDir: context.templatesDir, timestamp: context.timestamp, previousPath: context.outputPath ?? null });
  },
};
