import { memoizeText } from '../quality/memoizeText.js';
export type ValueClass = 'number' | 'boolean' | 'text';

const BOOLEAN_WORDS = new Set([
  'yes', 'no', 'true', 'false', 'oui', 'non', 'vrai', 'faux', 'present', 'absent', 'présent', 'présente',
  '是', '否', '有', '无', '没有', '对', '错', '√', '×', '✓', '✗', 'x', '-', '+',
]);

/**
 * Rough type of a fact value, so that a distractor is of the same kind as the key: "No" is not a
 * plausible wrong answer to "What is the size of …?" whose key is "1–10 µm".
 */
function classifyValueUncached(text: string): ValueClass {
  const t = text.trim().toLowerCase().replace(/[.。!！]$/u, '');
  if (BOOLEAN_WORDS.has(t)) return 'boolean';
  if (/\d/u.test(t) && (t.match(/\p{L}/gu)?.length ?? 0) <= 6) return 'number';
  return 'text';
}

export const classifyValue = memoizeText(classifyValueUncached);
