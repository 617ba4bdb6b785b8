import type { OutlineNode, StudyDocument } from '../../model/StudyDocument.js';
import { blankDeletions } from './blankDeletions.js';
import { foldText } from '../quality/foldText.js';
import { capText } from './capText.js';
import { whyNoChoice, type GeneratorContext } from './GeneratorContext.js';
import { isSymbolAnswer } from '../quality/isSymbolAnswer.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { SectionPools } from './sectionPools.js';
import { selectDistractors } from './selectDistractors.js';

/** Short names the notes use (terms, labels, steps, hidden words), by section: plausible fillers for a blank. */
function termLike(doc: StudyDocument): SectionPools<{ section: readonly string[]; names: string[] }> {
  const entries: { section: readonly string[]; names: string[] }[] = [];
  for (const c of doc.clozes) entries.push({ section: c.section, names: c.deletions });
  // A formula's variable ("image size") is not the kind of word a sentence about organelles lacks.
  const variables = new Set(doc.formulas.flatMap((f) => f.variables.map((v) => foldText(v.symbol))));
  for (const d of doc.definitions) if (!variables.has(foldText(d.term))) entries.push({ section: d.section, names: [d.term] });
  for (const t of doc.tables) entries.push({ section: t.section, names: t.rows.map((r) => r[0] ?? '') });
  for (const s of doc.sequences) entries.push({ section: s.section, names: s.steps });
  for (const o of doc.outlines) {
    const names: string[] = [];
    const stack: OutlineNode[] = [o];
    while (stack.length) {
      const n = stack.pop()!;
      names.push(n.label);
      for (const c of n.children) stack.push(c);
    }
    entries.push({ section: o.section, names });
  }
  return new SectionPools(entries, (e) => e.names);
}

/** The hidden word among other hidden words and terms of the notes, nearest section first; one per sentence. */
export function generateClozeQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording, log } = ctx;
  const drafts: QuestionDraft[] = [];
  if (document.clozes.length === 0) return drafts;
  const pools = termLike(document);
  for (const cloze of document.clozes) {
    for (const { text, hidden: key, hint, number } of blankDeletions(cloze.cloze, wording.words.blank)) {
      const line = cloze.source.line;
      if (isSymbolAnswer(key)) {
        log.reject('symbol-answer', line, cloze.text, cloze.id);
        continue;
      }
      const stem = wording.render('cloze-blank', { text, hint });
      const choice = selectDistractors({ key, stem, variants: ctx.matcher, tiers: pools.tiers(cloze.section), prefer: ctx.echoPreference(key, text) });
      if (!choice) {
        log.reject(whyNoChoice(ctx, key, stem), line, stem, cloze.id);
        continue;
      }
      drafts.push({
        id: makeQuestionId('cloze-blank', cloze.id, `${number}\u0000${key}`),
        type: 'single-choice',
        template: 'cloze-blank',
        stem,
        key,
        distractors: choice.distractors,
        ascending: false,
        explanation: capText(cloze.text, 400),
        theme: cloze.section,
        difficulty: rateDifficulty(choice.tiers),
        language: wording.language,
        source: { file: document.file, line, quote: capText(cloze.text), item: cloze.id },
        origin: `${cloze.id}#c${number}`,
        group: cloze.id,
        echoFrom: text,
      });
    }
  }
  return drafts;
}
