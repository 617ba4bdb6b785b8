import { foldForMatch } from './keyVariantMatcher.js';
import type { QuestionRules } from './QuestionRules.js';

/**
 * A yes/no answer ("Yes, in examination mode only.", "Non, le RGPD…", "是，…"): it only answers a
 * yes/no question, so it is an option only among other yes/no answers, and never swapped into
 * another kind of question.
 */
export function isPolarAnswer(text: string, rules: Pick<QuestionRules, 'polarWords'>): boolean {
  const t = foldForMatch(text.trim());
  return rules.polarWords.some((w) => {
    const word = foldForMatch(w);
    if (!t.startsWith(word)) return false;
    const next = t.slice(word.length, word.length + 1);
    return next === '' || /[\s\p{P}]/u.test(next);
  });
}
