import { harmoniseCase } from './harmoniseCase.js';
import type { McqOption, McqQuestion } from './McqBank.js';
import { parseNumber } from './parseNumber.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { hashSeed } from './seededRandom.js';
import { seededShuffle } from './seededShuffle.js';

/**
 * Places every key so that positions come out even over the bank. Each question prefers the slot
 * its id hashes to (stable across rebuilds); a slot already holding its share of keys is refused
 * and the least used slot after it taken instead, so among N questions with n options no slot holds
 * more than ceil(N / n) keys. Numeric options keep ascending order and take whatever slot that gives.
 * True/false items balance true against false the same way (slot 0 = true statement).
 */
export function arrangeQuestions(drafts: readonly QuestionDraft[]): McqQuestion[] {
  const counts = new Map<number, number[]>();
  const processed = new Map<number, number>();
  const tally = (n: number) => {
    if (!counts.has(n)) counts.set(n, new Array<number>(n).fill(0));
    return counts.get(n)!;
  };
  const slots = new Map<QuestionDraft, number>();
  for (const d of drafts) {
    if (!d.ascending || d.type !== 'single-choice') continue;
    const sorted = sortAscending([d.key, ...d.distractors]);
    const slot = sorted.indexOf(d.key);
    slots.set(d, slot);
    tally(sorted.length)[slot]++;
    processed.set(sorted.length, (processed.get(sorted.length) ?? 0) + 1);
  }
  for (const d of drafts) {
    // Authored questions keep their options where the author put them.
    if (slots.has(d) || d.authored) continue;
    const n = d.type === 'true-false' ? 2 : d.distractors.length + 1;
    const count = tally(n);
    const done = (processed.get(n) ?? 0) + 1;
    processed.set(n, done);
    const share = Math.ceil(done / n);
    const preferred = hashSeed(d.id) % n;
    let slot = preferred;
    if (count[preferred] >= share) {
      let least = Infinity;
      for (let k = 0; k < n; k++) {
        const candidate = (preferred + k) % n;
        if (count[candidate] < least) {
          least = count[candidate];
          slot = candidate;
        }
      }
    }
    count[slot]++;
    slots.set(d, slot);
  }
  return drafts.map((d) => toQuestion(d, slots.get(d) ?? 0));
}

function sortAscending(texts: string[]): string[] {
  return [...texts].sort((a, b) => parseNumber(a)! - parseNumber(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

function toQuestion(d: QuestionDraft, slot: number): McqQuestion {
  let stem = d.stem;
  let options: McqOption[];
  if (d.authored) {
    options = d.authored.options.map((o) => ({ ...o }));
  } else if (d.type === 'true-false' && d.trueFalse) {
    const statementTrue = slot === 0;
    stem = statementTrue ? d.trueFalse.trueStem : d.trueFalse.falseStem;
    options = [
      { text: d.trueFalse.trueLabel, correct: statementTrue },
      { text: d.trueFalse.falseLabel, correct: !statementTrue },
    ];
  } else if (d.ascending) {
    options = sortAscending([d.key, ...d.distractors]).map((text) => ({ text, correct: text === d.key }));
  } else {
    const wrong = seededShuffle(d.distractors, d.id).map((text) => ({ text: harmoniseCase(text, d.key), correct: false }));
    options = [...wrong.slice(0, slot), { text: d.key, correct: true }, ...wrong.slice(slot)];
  }
  const question: McqQuestion = {
    id: d.id,
    type: d.type,
    template: d.template,
    stem,
    options,
    explanation: d.explanation,
    theme: [...d.theme],
    difficulty: d.difficulty,
    language: d.language,
    source: { ...d.source },
  };
  if (d.authored) question.authored = true;
  return question;
}
