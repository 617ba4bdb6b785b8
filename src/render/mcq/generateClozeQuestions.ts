import type { StudyDocument } from '../../model/StudyDocument.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { blankDeletions } from './blankDeletions.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { sameSection } from './sameSection.js';
import { selectDistractors } from './selectDistractors.js';

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
