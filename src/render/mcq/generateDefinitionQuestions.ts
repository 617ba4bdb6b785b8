import type { Definition } from '../../model/StudyDocument.js';
import { containsFolded } from './containsFolded.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { joinFact } from './joinFact.js';
import { makeQuestionId } from './makeQuestionId.js';
import { makeTrueFalseDraft } from './makeTrueFalseDraft.js';
import { pickFalseSibling } from './pickFalseSibling.js';
import { maskTerm } from './maskTerm.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { sameSection } from './sameSection.js';
import { selectDistractors } from './selectDistractors.js';

/**
 * "Which term matches this definition?" and "What does X mean?" for every definition; a true/false
 * item instead when neither finds two good wrong options.
 */
export function generateDefinitionQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording } = ctx;
  const defs = document.definitions.filter((d) => d.term.trim() && d.definition.trim());
  const drafts: QuestionDraft[] = [];
  const tiersFor = (d: Definition, pick: (x: Definition) => string) => [
    defs.filter((o) => o !== d && sameSection(o.section, d.section)).map(pick),
    defs.filter((o) => o !== d && !sameSection(o.section, d.section)).map(pick),
  ];
  // A definition that repeats its own term ("X: X is …") tells the student it is not the key.
  const selfNaming = new Set(defs.filter((d) => containsFolded(d.definition, d.term)).map((d) => d.definition.trim()));
  for (const d of defs) {
    const base = {
      ascending: false,
      explanation: joinFact(document.language, d.term, d.definition),
      theme: d.section,
      language: wording.language,
      source: { file: document.file, line: d.source.line, quote: joinFact(document.language, d.term, d.definition), item: d.id },
      origin: d.id,
    };
    const masked = maskTerm(d.definition, d.term, wording.words.blank);
    const termStem = wording.render('definition-term', { definition: masked, term: d.term });
    const terms = selectDistractors({ key: d.term, stem: termStem, tiers: tiersFor(d, (x) => x.term) });
    if (terms) {
      drafts.push({
        ...base,
        id: makeQuestionId('definition-term', d.id),
        type: 'single-choice',
        template: 'definition-term',
        stem: termStem,
        key: d.term.trim(),
        distractors: terms.distractors,
        difficulty: rateDifficulty(terms.tiers),
      });
    }
    const fallBack = () => {
      if (terms) return;
      // Too few siblings for four options: a true/false item with a sibling's definition swapped in.
      const pools = tiersFor(d, (x) => x.definition).map((pool) => pool.filter((text) => !selfNaming.has(text.trim())));
      const other = pickFalseSibling(d.definition, pools);
      if (!other) return;
      drafts.push(
        makeTrueFalseDraft(wording, {
          template: 'definition-statement',
          itemId: d.id,
          statement: wording.render('definition-statement', { term: d.term.trim(), definition: d.definition.trim() }),
          falsified: wording.render('definition-statement', { term: d.term.trim(), definition: other }),
          explanation: base.explanation,
          theme: d.section,
          source: base.source,
          origin: d.id,
        }),
      );
    };
    if (selfNaming.has(d.definition.trim())) {
      fallBack();
      continue;
    }
    const meaningStem = wording.render('definition-meaning', { term: d.term });
    const meanings = selectDistractors({
      key: d.definition,
      stem: meaningStem,
      tiers: tiersFor(d, (x) => x.definition),
      reject: (candidate) => selfNaming.has(candidate),
    });
    if (meanings) {
      drafts.push({
        ...base,
        id: makeQuestionId('definition-meaning', d.id),
        type: 'single-choice',
        template: 'definition-meaning',
        stem: meaningStem,
        key: d.definition.trim(),
        distractors: meanings.distractors,
        difficulty: rateDifficulty(meanings.tiers),
      });
    } else {
      fallBack();
    }
  }
  return drafts;
}
