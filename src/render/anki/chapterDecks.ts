export const EMPTY = 'nothing to put in a deck (no definitions, questions, clozes, sequences, tables, lists, key figures or authored questions found); no .apkg written';
export const LEFT_OUT = EMPTY.replace('no .apkg written', 'left out of the course deck');

/** `::` inside a title would make Anki nest decks the notes never asked for. */
export function deckPart(text: string, fallback: string): string {
  const cleaned = text.replace(/::+/g, ':').replace(/\s+/g, ' ').trim();
  return cleaned || fallback;
}

export function stem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '') || 'notes';
}

/**
 * `Course::Chapter` for each file of a course, in the order given. Anki merges decks by name, so
 * two chapters with one title (empty files count too) get their file name added.
 */
export function chapterDecks(course: string, files: readonly { file: string; title: string }[]): string[] {
  const titles = files.map((f) => deckPart(f.title, stem(f.file)));
  const count = new Map<string, number>();
  for (const t of titles) count.set(t, (count.get(t) ?? 0) + 1);
  return files.map((f, i) => `${course}::${count.get(titles[i])! > 1 ? `${titles[i]} (${deckPart(f.file, 'notes')})` : titles[i]}`);
}
