import type { QuestionAnswer, StudyDocument } from '../../model/StudyDocument.js';
import { foldText } from '../quality/foldText.js';
import { MAX_ORDER_STEPS } from './generateSequenceQuestions.js';
import { isUsableDistractor } from './isUsableDistractor.js';
import { loadQuestionRules } from '../quality/QuestionRules.js';
import { readTable } from '../quality/readTable.js';
import type { QuestionDraft } from './QuestionDraft.js';

export interface KindCoverage {
  /** Facts of this kind in the model. */
  items: number;
  /** Facts with at least two siblings of any shape (distinct from the key after folding). */
  withSiblings: number;
  /** Facts with at least two siblings usable as wrong options (same script, kind, similar length). */
  eligible: number;
  /** Eligible facts that got at least one question. */
  covered: number;
  /** Eligible facts without a question whose item the quality gate turned away, with a reason in the build report. */
  refused: number;
  /** Facts with any two siblings that got at least one question (true/false items included). */
  coveredWithSiblings: number;
}

export type CoveredKind = 'definitions' | 'tableRows' | 'sequences' | 'qa';

export interface McqCoverage {
  kinds: Record<CoveredKind, KindCoverage>;
  /** covered / eligible over the four kinds together; 1 when nothing is eligible. */
  ratio: number;
  /** (covered + refused) / eligible: facts either asked or turned away with a named reason; 1 means none silently lost. */
  accounted: number;
  /** coveredWithSiblings / withSiblings over the four kinds together; 1 when no fact has siblings. */
  rawRatio: number;
}

/** One fact and the (key, sibling candidates) pairs any of its questions could be made from. */
interface Fact {
  origin: string;
  choices: { key: string; siblings: string[] }[];
  /** Facts that need no siblings (a sequence of three steps or more can always be put in order). */
  alwaysEligible?: boolean;
}

/**
 * How many of a document's definitions, table rows, sequences and question/answer pairs gave a
 * question, out of those that have enough siblings to make distractors. Eligibility comes from the
 * model and the intrinsic distractor rules only (isUsableDistractor), not from the generators, so a
 * fact lost to anything else counts as uncovered, unless the quality gate turned its item away
 * (`refusedItems`, from the build's QualityLog): then it is `refused`, with its reason reported.
 */
export function measureMcqCoverage(document: StudyDocument, drafts: readonly QuestionDraft[], refusedItems: ReadonlySet<string> = new Set()): McqCoverage {
  const rules = loadQuestionRules(document.language, null);
  const origins = new Set(drafts.filter((d) => d.source.file === document.file).map((d) => d.origin));
  const tally = (facts: Fact[]): KindCoverage => {
    const c: KindCoverage = { items: facts.length, withSiblings: 0, eligible: 0, covered: 0, refused: 0, coveredWithSiblings: 0 };
    for (const fact of facts) {
      // A key that is only punctuation ("---" read as a table row) is no fact to ask about.
      const f = { ...fact, choices: fact.choices.filter((o) => foldText(o.key)) };
      if (f.alwaysEligible || f.choices.some((o) => distinct(o.key, o.siblings) >= 2)) {
        c.withSiblings++;
        if (origins.has(f.origin)) c.coveredWithSiblings++;
      }
      const usable = f.choices.some((o) => distinct(o.key, o.siblings.filter((s) => isUsableDistractor(o.key, s))) >= 2);
      if (!f.alwaysEligible && !usable) continue;
      c.eligible++;
      if (origins.has(f.origin)) c.covered++;
      else if (refusedItems.has(f.origin.split('#')[0])) c.refused++;
    }
    return c;
  };
  const defs = document.definitions;
  const others = <T>(list: readonly T[], self: T) => list.filter((x) => x !== self);
  const answer = (q: QuestionAnswer) =>
    q.answers
      .map((a) => a.trim())
      .filter(Boolean)
      .join(' ');
  const kinds: Record<CoveredKind, KindCoverage> = {
    definitions: tally(
      defs.map((d) => ({
        origin: d.id,
        choices: [
          { key: d.term, siblings: others(defs, d).map((o) => o.term) },
          { key: d.definition, siblings: others(defs, d).map((o) => o.definition) },
        ],
      })),
    ),
    tableRows: tally(
      document.tables.flatMap((t) => {
        const reading = readTable(t, rules);
        return reading.things.map((thing, i) => ({
          origin: `${t.id}#${i}`,
          choices: thing.trim()
            ? reading.attributes
                .map((_, a) => ({ key: reading.value(i, a), siblings: reading.things.flatMap((_, o) => (o === i ? [] : [reading.value(o, a)])) }))
                .filter((choice) => choice.key.trim())
            : [],
        }));
      }),
    ),
    sequences: tally(
      document.sequences.map((s) => ({
        origin: s.id,
        alwaysEligible: s.steps.length <= MAX_ORDER_STEPS && new Set(s.steps.map(foldText)).size >= 3,
        choices: s.steps.slice(1).map((key) => ({
          key,
          siblings: [...s.steps, ...others(document.sequences, s).flatMap((o) => o.steps)],
        })),
      })),
    ),
    qa: tally(document.qa.map((q) => ({ origin: q.id, choices: [{ key: answer(q), siblings: others(document.qa, q).map(answer) }] }))),
  };
  const all = Object.values(kinds);
  const eligible = all.reduce((n, k) => n + k.eligible, 0);
  const covered = all.reduce((n, k) => n + k.covered, 0);
  const refused = all.reduce((n, k) => n + k.refused, 0);
  const withSiblings = all.reduce((n, k) => n + k.withSiblings, 0);
  const coveredWithSiblings = all.reduce((n, k) => n + k.coveredWithSiblings, 0);
  return {
    kinds,
    ratio: eligible === 0 ? 1 : covered / eligible,
    accounted: eligible === 0 ? 1 : (covered + refused) / eligible,
    rawRatio: withSiblings === 0 ? 1 : coveredWithSiblings / withSiblings,
  };
}

function distinct(key: string, siblings: string[]): number {
  const k = foldText(key);
  return new Set(siblings.map(foldText).filter((s) => s && s !== k)).size;
}
