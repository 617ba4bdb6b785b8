import type { StudyDocument } from '../../model/StudyDocument.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { sameSection } from './sameSection.js';
import { selectDistractors } from './selectDistractors.js';

const ANKI_CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export interface ClozeBlank {
  /** The sentence with every deletion of one cloze number blanked and the others shown. */
  text: string;
  hidden: string;
  hint: string;
  number: number;
}

/**
 * One blank per cloze number, in reading order: `{{c1::…}}` twice hides both places at once, as in
 * Anki. Numbers whose deletions differ in text have no single key and are left out.
 */
export function blankDeletions(cloze: string, blank: string): ClozeBlank[] {
  const found = [...cloze.matchAll(ANKI_CLOZE)].map((m) => ({ number: Number(m[1]), hidden: m[2].trim(), hint: (m[3] ?? '').trim() }));
  const numbers = [...new Set(found.map((f) => f.number))];
  const out: ClozeBlank[] = [];
  for (const number of numbers) {
    const mine = found.filter((f) => f.number === number);
    if (new Set(mine.map((f) => f.hidden)).size !== 1 || !mine[0].hidden) continue;
    const text = cloze.replace(ANKI_CLOZE, (_, n: string, hidden: string) => (Number(n) === number ? blank : hidden));
    out.push({ text, hidden: mine[0].hidden, hint: mine.find((f) => f.hint)?.hint ?? '', number });
  }
  return out;
}

/** Short names the notes use (terms, labels, steps, hidden words): plausible fillers for a blank. */
function termLike(doc: StudyDocument, near: (section: readonly string[]) => boolean): string[] {
  const out: string[] = [];
  for (const c of doc.clozes) if (near(c.section)) out.push(...c.deletions);
  for (const d of doc.definitions) if (near(d.section)) out.push(d.term);
  for (const t of doc.tables) if (near(t.section)) out.push(...t.rows.map((r) => r[0] ?? ''));
  for (const s of doc.sequences) if (near(s.section)) out.push(...s.steps);
  const labels = (n: { label: string; children: { label: string; children: unknown[] }[] }): string[] => [
    n.label,
    ...n.children.flatMap((c) => labels(c as typeof n)),
  ];
  for (const o of doc.outlines) if (near(o.section)) out.push(...labels(o));
  return out;
}

/** The hidden word among other hidden words and terms of the notes, nearest section first. */
export function generateClozeQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording } = ctx;
  const drafts: QuestionDraft[] = [];
  for (const cloze of document.clozes) {
    const here = termLike(document, (s) => sameSection(s, cloze.section));
    const elsewhere = termLike(document, (s) => !sameSection(s, cloze.section));
    for (const { text, hidden: key, hint, number } of blankDeletions(cloze.cloze, wording.words.blank)) {
      const stem = wording.render('cloze-blank', { text, hint });
      const choice = selectDistractors({ key, stem, tiers: [here, elsewhere] });
      if (!choice) continue;
      drafts.push({
        id: makeQuestionId('cloze-blank', cloze.id, `${number}\u0000${key}`),
        type: 'single-choice',
        template: 'cloze-blank',
        stem,
        key,
        distractors: choice.distractors,
        ascending: false,
        explanation: cloze.text,
        theme: cloze.section,
        difficulty: rateDifficulty(choice.tiers),
        language: wording.language,
        source: { file: document.file, line: cloze.source.line, quote: cloze.text, item: cloze.id },
        origin: `${cloze.id}#c${number}`,
      });
    }
  }
  return drafts;
}
