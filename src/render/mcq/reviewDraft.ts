import { containsFolded } from './containsFolded.js';
import { contentWords, foldForMatch, textUnits, type VariantMatcher } from '../quality/keyVariantMatcher.js';
import { measureLength } from '../quality/measureLength.js';
import type { QuestionDraft } from './QuestionDraft.js';
import type { QuestionGateRule } from './questionGateRules.js';
import type { QuestionRules } from '../quality/QuestionRules.js';

const HAN = /\p{Script=Han}/u;

/**
 * Words a reader takes for one: the same word inflected ("cell" / "cells") or one built on the other
 * ("relation" / "relationship"), not two words sharing a root ("chlorophylle" / "chloroplaste").
 */
function akin(a: string, b: string): boolean {
  if (a === b) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const shorter = Math.min(a.length, b.length);
  return (n >= 4 && n >= shorter - 1) || (n >= 7 && n >= 0.7 * shorter);
}

const hanText = (text: string, particles: ReadonlySet<string>) =>
  textUnits(text)
    .map((u) => u.text)
    .filter((t) => !particles.has(t))
    .join('');

/**
 * Parts of a name (a term, a group, a step) that a text repeats: CJK runs of at least two
 * characters and a third of the name, or words of four letters or more (a shared beginning of six
 * counts: "relation" in "relationship"). Topic vocabulary (`isCommon`) is no cue and is left out.
 */
export function sharedParts(name: string, text: string, rules: Pick<QuestionRules, 'particles'>, isCommon: (part: string) => boolean = () => false): string[] {
  const particles = new Set(rules.particles.map(foldForMatch));
  const parts: string[] = [];
  if (HAN.test(name)) {
    const chars = [...hanText(name, particles)];
    const n = chars.length;
    if (n > 24) return parts;
    const hay = hanText(text, particles);
    const least = Math.max(2, Math.ceil(n / 3));
    for (let len = n; len >= least; len--) {
      for (let i = 0; i + len <= n; i++) {
        const run = chars.slice(i, i + len).join('');
        if (!HAN.test(run) || !hay.includes(run) || isCommon(run)) continue;
        // A shorter run inside one already found adds nothing.
        if (parts.some((p) => p.includes(run))) continue;
        parts.push(run);
      }
    }
    return parts;
  }
  const nameWords = contentWords(name, particles);
  if (nameWords.length === 0 || nameWords.length > 12) return parts;
  const textWords = contentWords(text, particles);
  for (const w of nameWords) if (!isCommon(w) && textWords.some((s) => akin(w, s))) parts.push(w);
  return parts;
}

/** Whether an option carries a shared part too (then the part cues nothing). */
export function carriesPart(option: string, part: string, rules: Pick<QuestionRules, 'particles'>): boolean {
  const particles = new Set(rules.particles.map(foldForMatch));
  if (HAN.test(part)) return hanText(option, particles).includes(part);
  return contentWords(option, particles).some((w) => akin(part, w)) || containsFolded(option, part);
}

/**
 * Part of a name that a text repeats and no wrong option carries: "Experience: proactive…" asked
 * to belong to "Relationship vs. Experience", "客户价值是…" defining "客户价值及层次模型".
 */
export function findEcho(name: string, text: string, distractors: readonly string[], rules: Pick<QuestionRules, 'particles'>, isCommon?: (part: string) => boolean): string | null {
  for (const part of sharedParts(name, text, rules, isCommon)) {
    if (!distractors.some((d) => carriesPart(d, part, rules))) return part;
  }
  return null;
}

export interface ReviewTools {
  rules: QuestionRules;
  matcher(key: string): VariantMatcher;
  isCommon(part: string): boolean;
}

/**
 * The gate's checks on a finished draft (its key, wrong options and wording are known): the first
 * rule it breaks, or null. Checks made earlier, while the draft was built (a symbol answer, too few
 * wrong options, a comment column), are logged by the generators themselves.
 */
export function reviewDraft(d: QuestionDraft, tools: ReviewTools): QuestionGateRule | null {
  if (d.authored) return null;
  const { rules } = tools;
  if (d.type === 'true-false') {
    const statements = d.trueFalse ? [d.trueFalse.trueStem, d.trueFalse.falseStem] : [d.stem];
    return statements.some((s) => measureLength(s) > rules.limits.statement) ? 'too-long' : null;
  }
  if (measureLength(d.stem) > rules.limits.stem) return 'too-long';
  if ([d.key, ...d.distractors].some((o) => measureLength(o) > rules.limits.option)) return 'too-long';
  if (tools.matcher(d.key).find(d.stem).length > 0) return 'key-in-stem';
  if (d.echoFrom !== undefined && findEcho(d.key, d.echoFrom, d.distractors, rules, tools.isCommon)) return 'key-echo';
  if (d.echoName !== undefined && findEcho(d.echoName, d.key, d.distractors, rules, tools.isCommon)) return 'key-echo';
  return null;
}
