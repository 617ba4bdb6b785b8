import { containsFolded } from './containsFolded.js';
import { keyVariantMatcher } from '../quality/keyVariantMatcher.js';
import { loadQuestionRules } from '../quality/QuestionRules.js';
import { detectScript } from './detectScript.js';
import { foldText } from '../quality/foldText.js';
import { isCatchAll } from './isCatchAll.js';
import type { McqBank, McqQuestion } from './McqBank.js';
import { measureLength } from '../quality/measureLength.js';

export type McqRule =
  | 'too-few-options'
  | 'key-count'
  | 'empty-option'
  | 'duplicate-options'
  | 'key-in-stem'
  | 'option-in-stem'
  | 'other-script'
  | 'key-too-long'
  | 'catch-all-option'
  | 'duplicate-id';

export interface McqViolation {
  questionId: string;
  rule: McqRule;
  message: string;
}

/** The key may be at most this many times longer than the longest wrong option. */
export const KEY_LENGTH_FACTOR = 2;

/**
 * Item-writing rules checked on a finished bank, independently of how it was generated: what a
 * careful teacher would reject when reading the questions.
 */
export function checkMcqBank(bank: McqBank): McqViolation[] {
  const out: McqViolation[] = [];
  const ids = new Set<string>();
  for (const q of bank.questions) {
    const flag = (rule: McqRule, message: string) => out.push({ questionId: q.id, rule, message });
    if (ids.has(q.id)) flag('duplicate-id', `id ${q.id} is used twice`);
    ids.add(q.id);
    checkQuestion(q, flag);
  }
  return out;
}

function checkQuestion(q: McqQuestion, flag: (rule: McqRule, message: string) => void): void {
  const keys = q.options.filter((o) => o.correct);
  if (q.type === 'multiple-choice' ? keys.length < 1 : keys.length !== 1) flag('key-count', `${keys.length} options are marked correct`);
  // An authored question is kept as written: two options are enough, and its wording is the author's.
  const minimum = q.type === 'true-false' || q.authored ? 2 : 3;
  if (q.options.length < minimum) flag('too-few-options', `${q.options.length} options, at least ${minimum} needed`);
  if (q.type === 'true-false' && q.options.length !== 2) flag('too-few-options', 'a true/false item has exactly two options');
  const folded = q.options.map((o) => foldText(o.text));
  folded.forEach((f, i) => {
    if (!f) flag('empty-option', `option ${i + 1} is empty`);
    if (folded.indexOf(f) !== i) flag('duplicate-options', `options ${folded.indexOf(f) + 1} and ${i + 1} are the same: "${q.options[i].text}"`);
    if (isCatchAll(q.options[i].text)) flag('catch-all-option', `"${q.options[i].text}" is an all/none-of-the-above option`);
  });
  // True/false labels ("True", "Vrai") naturally echo the stem's "True or false?".
  if (q.type !== 'single-choice' || keys.length !== 1 || q.authored) return;
  const key = keys[0];
  const wrong = q.options.filter((o) => !o.correct);
  // Small words and plurals do not hide a key: "客户的忠诚度" is written in "客户忠诚度是指…".
  const variant = keyVariantMatcher(key.text, loadQuestionRules(q.language, null)).find(q.stem).length > 0;
  if (containsFolded(q.stem, key.text) || variant) flag('key-in-stem', `the key "${key.text}" is written in the stem`);
  for (const o of wrong) if (containsFolded(q.stem, o.text)) flag('option-in-stem', `the option "${o.text}" is written in the stem`);
  const script = detectScript(key.text);
  for (const o of wrong) {
    const s = detectScript(o.text);
    if (s !== script) flag('other-script', `"${o.text}" is in ${s} script, the key in ${script}`);
  }
  const longest = Math.max(0, ...wrong.map((o) => measureLength(o.text)));
  const keyLength = measureLength(key.text);
  if (wrong.length > 0 && keyLength > KEY_LENGTH_FACTOR * longest) {
    flag('key-too-long', `the key is ${keyLength} long, the longest wrong option ${longest}`);
  }
}
