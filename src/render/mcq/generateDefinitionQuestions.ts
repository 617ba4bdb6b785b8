import type { Definition } from '../../model/StudyDocument.js';
import { capText } from './capText.js';
import { containsFolded } from './containsFolded.js';
import { foldText } from '../quality/foldText.js';
import { whyNoChoice, type GeneratorContext } from './GeneratorContext.js';
import { joinFact } from './joinFact.js';
import { maskVariants } from '../quality/keyVariantMatcher.js';
import { makeQuestionId } from './makeQuestionId.js';
import { makeTrueFalseDraft } from './makeTrueFalseDraft.js';
import { measureLength } from '../quality/measureLength.js';
import { pickFalseSibling } from './pickFalseSibling.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { SectionPools } from './sectionPools.js';
import { selectDistractors } from './selectDistractors.js';
import { termKind } from './termKind.js';

/**
 * "Which term matches this definition?" and "What does X mean?" for every definition; a true/false
 * item instead when neither finds two good wrong options. Terms are only offered against terms of
 * the same kind (names against names, abbreviations against abbreviations); a formula legend ("m:
 * margin") is never asked; and a definition that is a facet, part or example of the asked concept
 * (written under a heading naming it, or naming it itself) is never offered as a wrong meaning.
 */
export function generateDefinitionQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording, log } = ctx;
  const rules = wording.rules;
  const defs = document.definitions.filter((d) => d.term.trim() && d.definition.trim());
  const formulaSymbols = new Set(document.formulas.flatMap((f) => f.variables.map((v) => foldText(v.symbol))));
  const kindOf = new Map(defs.map((d) => [d, termKind(d.term.trim(), formulaSymbols)]));
  const names = defs.filter((d) => kindOf.get(d) === 'name');
  const shorts = defs.filter((d) => kindOf.get(d) !== 'name');
  const termPools = {
    name: new SectionPools(names, (d) => d.term),
    abbreviation: new SectionPools(
      shorts.filter((d) => kindOf.get(d) === 'abbreviation'),
      (d) => d.term,
    ),
    legend: new SectionPools(
      shorts.filter((d) => kindOf.get(d) === 'legend'),
      (d) => d.term,
    ),
  };
  const meaningPools = { name: new SectionPools(names, (d) => d.definition), short: new SectionPools(shorts, (d) => d.definition) };
  // A true/false item shows one value only: any definition may be swapped in, its own kind first.
  const anyMeaning = new SectionPools(
    defs.filter((d) => kindOf.get(d) !== 'symbol'),
    (d) => d.definition,
  );
  const byDefinition = new Map<string, Definition[]>();
  for (const d of defs) {
    const key = foldText(d.definition);
    const list = byDefinition.get(key);
    if (list) list.push(d);
    else byDefinition.set(key, [d]);
  }
  // A facet, part or example of X: defined under a heading that names X, or naming X in its text.
  const facetOf = (y: Definition, x: Definition) => {
    const m = ctx.matcher(x.term.trim());
    return y.section.some((h) => m.find(h).length > 0) || m.find(y.definition).length > 0;
  };
  // A definition that repeats its own term ("X: X is …") tells the student it is not the key.
  const selfNaming = new Set(defs.filter((d) => ctx.matcher(d.term.trim()).find(d.definition).length > 0).map((d) => foldText(d.definition)));
  const drafts: QuestionDraft[] = [];
  for (const d of defs) {
    const term = d.term.trim();
    const definition = d.definition.trim();
    const kind = kindOf.get(d)!;
    const line = d.source.line;
    if (kind === 'symbol') {
      log.reject('symbol-answer', line, `${term}: ${definition}`, d.id);
      continue;
    }
    if (measureLength(term) > rules.limits.term) {
      log.reject('term-too-long', line, term, d.id);
      continue;
    }
    const fact = joinFact(document.language, term, definition);
    const base = {
      ascending: false,
      explanation: capText(fact, 400),
      theme: d.section,
      language: wording.language,
      source: { file: document.file, line, quote: capText(fact), item: d.id },
      origin: d.id,
    };
    const masked = maskVariants(definition, ctx.matcher(term), wording.words.blank);
    const termStem = wording.render('definition-term', { definition: masked, term });
    const terms = selectDistractors({
      key: term,
      stem: termStem,
      variants: ctx.matcher,
      tiers: termPools[kind].tiers(d.section),
      prefer: ctx.echoPreference(term, masked),
    });
    if (terms) {
      drafts.push({
        ...base,
        id: makeQuestionId('definition-term', d.id),
        type: 'single-choice',
        template: 'definition-term',
        stem: termStem,
        key: term,
        distractors: terms.distractors,
        difficulty: rateDifficulty(terms.tiers),
        echoFrom: masked,
      });
    }
    const pools = meaningPools[kind === 'name' ? 'name' : 'short'].tiers(d.section);
    const trueOfStem = (candidate: string) => selfNaming.has(foldText(candidate)) || (byDefinition.get(foldText(candidate)) ?? []).some((y) => y !== d && facetOf(y, d));
    const fallBack = () => {
      // Too few siblings for four options: a true/false item with a sibling's definition swapped in.
      const other = pickFalseSibling(definition, [...pools, ...anyMeaning.tiers(d.section)], trueOfStem);
      if (!other) {
        if (!terms) log.reject(whyNoChoice(ctx, term, termStem), line, termStem, d.id);
        return;
      }
      drafts.push(
        makeTrueFalseDraft(wording, {
          template: 'definition-statement',
          itemId: d.id,
          statement: wording.render('definition-statement', { term, definition }),
          falsified: wording.render('definition-statement', { term, definition: other }),
          explanation: base.explanation,
          theme: d.section,
          source: base.source,
          origin: d.id,
        }),
      );
    };
    if (selfNaming.has(foldText(definition)) || containsFolded(definition, term)) {
      if (!terms) fallBack();
      continue;
    }
    const meaningStem = wording.render('definition-meaning', { term });
    const meanings = selectDistractors({ key: definition, stem: meaningStem, variants: ctx.matcher, tiers: pools, reject: trueOfStem, prefer: ctx.echoPreference(term, definition) });
    if (meanings) {
      drafts.push({
        ...base,
        id: makeQuestionId('definition-meaning', d.id),
        type: 'single-choice',
        template: 'definition-meaning',
        stem: meaningStem,
        key: definition,
        distractors: meanings.distractors,
        difficulty: rateDifficulty(meanings.tiers),
        echoName: term,
      });
    } else if (!terms) {
      fallBack();
    }
  }
  return drafts;
}
