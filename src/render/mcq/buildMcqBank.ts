import { countItems, type StudyDocument } from '../../model/StudyDocument.js';
import { QualityLog } from '../quality/QualityLog.js';
import { arrangeQuestions } from './arrangeQuestions.js';
import { generateChoiceQuestions } from './generateChoiceQuestions.js';
import { bankLanguage } from './joinCourseBank.js';
import { generateClozeQuestions } from './generateClozeQuestions.js';
import { generateDefinitionQuestions } from './generateDefinitionQuestions.js';
import { generateOutlineQuestions } from './generateOutlineQuestions.js';
import { generateQaQuestions } from './generateQaQuestions.js';
import { generateSequenceQuestions } from './generateSequenceQuestions.js';
import { generateTableQuestions } from './generateTableQuestions.js';
import { generateTrueFalseQuestions } from './generateTrueFalseQuestions.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { keyVariantMatcher, type VariantMatcher } from '../quality/keyVariantMatcher.js';
import { MCQ_FORMAT_VERSION, MCQ_SCHEMA_ID, type McqBank } from './McqBank.js';
import { McqWording } from './McqWording.js';
import { QUESTION_GATE_RULES } from './questionGateRules.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { carriesPart, reviewDraft, sharedParts } from './reviewDraft.js';
import { VocabularyStats } from './VocabularyStats.js';
import { hashSeed } from './seededRandom.js';

export interface McqBuildOptions {
  templatesDir?: string | null;
  /** Bank title; defaults to the single document's title (or file name). */
  title?: string;
}

export interface McqBuildResult {
  bank: McqBank;
  /** The questions before arrangement, with the fact each one covers (for coverage figures). */
  drafts: QuestionDraft[];
  /** Why a document gave no question, one entry per such document. */
  warnings: { file: string; message: string }[];
  /** What the quality gate turned away, per document (same order as the documents). */
  logs: QualityLog[];
}

/**
 * A document's bank is at most this many times the size of the text its items hold, plus
 * BANK_SIZE_ALLOWANCE bytes (JSON as written, indented): each question quotes a bounded part of one
 * fact, so the bound only bites on pathological notes, where the last questions are left out.
 */
export const BANK_SIZE_FACTOR = 40;
export const BANK_SIZE_ALLOWANCE = 64 * 1024;

/** Generators in the order their questions appear in the bank: authored questions first, then kinds in model order. */
const GENERATORS = [
  generateChoiceQuestions,
  generateDefinitionQuestions,
  generateTableQuestions,
  generateOutlineQuestions,
  generateSequenceQuestions,
  generateQaQuestions,
  generateClozeQuestions,
  generateTrueFalseQuestions,
];

/** Characters of text the document's items hold: what the bank's size is measured against. */
export function modelTextSize(document: StudyDocument): number {
  let n = 0;
  const add = (s: string | undefined) => void (n += s?.length ?? 0);
  for (const d of document.definitions) {
    add(d.term);
    add(d.definition);
  }
  for (const t of document.tables) for (const row of [t.header, ...t.rows]) for (const cell of row) add(cell);
  const stack = [...document.outlines] as { label: string; children: unknown[] }[];
  while (stack.length) {
    const node = stack.pop()!;
    add(node.label);
    for (const c of node.children) stack.push(c as { label: string; children: unknown[] });
  }
  for (const s of document.sequences) for (const step of s.steps) add(step);
  for (const q of document.qa) {
    add(q.question);
    q.answers.forEach(add);
  }
  for (const c of document.clozes) add(c.text);
  for (const k of document.keyPoints) add(k.text);
  for (const c of document.choices ?? []) {
    add(c.stem);
    c.options.forEach((o) => add(o.text));
    add(c.explanation);
  }
  return n;
}

/**
 * The gate over one document's drafts, in bank order: the review of each finished draft, then at
 * most one question per template and group of siblings (the one whose id hashes lowest, so the
 * choice survives edits to the others), then the size budget.
 */
function gate(drafts: QuestionDraft[], document: StudyDocument, ctx: GeneratorContext): QuestionDraft[] {
  const reviewed = drafts.filter((d) => {
    const rule = reviewDraft(d, { rules: ctx.wording.rules, matcher: ctx.matcher, isCommon: ctx.isCommon });
    if (rule) ctx.log.reject(rule, d.source.line, d.trueFalse?.trueStem ?? d.stem, d.source.item);
    return !rule;
  });
  const chosen = new Map<string, QuestionDraft>();
  for (const d of reviewed) {
    if (!d.group) continue;
    const slot = `${d.template}\u0000${d.group}`;
    const held = chosen.get(slot);
    if (!held || hashSeed(d.id) < hashSeed(held.id)) chosen.set(slot, d);
  }
  const grouped = reviewed.filter((d) => {
    if (!d.group || chosen.get(`${d.template}\u0000${d.group}`) === d) return true;
    ctx.log.reject('one-per-group', d.source.line, d.trueFalse?.trueStem ?? d.stem, d.source.item);
    return false;
  });
  let budget = BANK_SIZE_FACTOR * modelTextSize(document) + BANK_SIZE_ALLOWANCE;
  return grouped.filter((d) => {
    // Indented JSON is about 1.5 times the compact form.
    const size = Math.ceil(JSON.stringify(d).length * 1.5);
    if (size <= budget) {
      budget -= size;
      return true;
    }
    budget = -1;
    ctx.log.reject('bank-size', d.source.line, d.stem, d.source.item);
    return false;
  });
}

/** One bank from one document or a whole course; key positions are balanced over the whole bank. */
export function buildMcqBank(documents: readonly StudyDocument[], options: McqBuildOptions = {}): McqBuildResult {
  const drafts: QuestionDraft[] = [];
  const warnings: McqBuildResult['warnings'] = [];
  const logs: QualityLog[] = [];
  const seen = new Map<string, number>();
  for (const document of documents) {
    const wording = McqWording.forLanguage(document.language, options.templatesDir ?? null);
    const matchers = new Map<string, VariantMatcher>();
    const log = new QualityLog('mcq', 'questions', QUESTION_GATE_RULES);
    const vocabulary = new VocabularyStats(document, wording.rules.particles);
    const isCommon = (part: string) => vocabulary.isCommon(part);
    const ctx: GeneratorContext = {
      document,
      wording,
      log,
      isCommon,
      echoPreference(name, text) {
        const parts = sharedParts(name, text, wording.rules, isCommon);
        return parts.length === 0 ? undefined : (c) => parts.some((p) => carriesPart(c, p, wording.rules));
      },
      matcher(key) {
        let m = matchers.get(key);
        if (!m) {
          if (matchers.size > 20_000) matchers.clear();
          matchers.set(key, (m = keyVariantMatcher(key, wording.rules)));
        }
        return m;
      },
    };
    const own = gate(
      GENERATORS.flatMap((generate) => generate(ctx)),
      document,
      ctx,
    );
    log.considered = own.length + log.rejections.length;
    logs.push(log);
    for (const d of own) {
      // Two facts with the same key in the same section would share an id: number the repeats.
      const n = (seen.get(d.id) ?? 0) + 1;
      seen.set(d.id, n);
      if (n > 1) d.id = `${d.id}-${n}`;
      drafts.push(d);
    }
    if (own.length === 0) warnings.push({ file: document.file, message: explainEmpty(document, log) });
  }
  const single = documents.length === 1 ? documents[0] : null;
  const bank: McqBank = {
    $schema: MCQ_SCHEMA_ID,
    format: 'revise-mcq',
    version: MCQ_FORMAT_VERSION,
    title: options.title ?? (single ? single.title || single.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '') : 'course'),
    language: bankLanguage(documents.map((d) => d.language)),
    files: documents.map((d) => d.file),
    questions: arrangeQuestions(drafts),
  };
  return { bank, drafts, warnings, logs };
}

function explainEmpty(document: StudyDocument, log: QualityLog): string {
  // Prose kept as paragraphs is on the sheet, but no question is made of it.
  const items = countItems(document) - document.paragraphs.length;
  if (items === 0) return 'no multiple-choice question: the notes hold no definition, table, list, question or key point';
  if (log.rejections.some((r) => r.rule !== 'too-few-distractors')) {
    return `no multiple-choice question: the quality gate turned every candidate away (${Object.entries(log.counts()).map(([r, n]) => `${r} ${n}`).join(', ')})`;
  }
  return `no multiple-choice question: none of the ${items} item${items === 1 ? '' : 's'} has at least two distinct siblings to serve as wrong options`;
}
