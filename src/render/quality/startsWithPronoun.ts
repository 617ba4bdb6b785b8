import { foldForMatch } from './keyVariantMatcher.js';
import type { QuestionRules } from './QuestionRules.js';

const HAN = /\p{Script=Han}/u;

/**
 * Whether a statement opens with a word that stands for something said before ("It was published
 * in 1970", "Il coûte…", "它是…"): alone on a card or in a quiz it says nothing, so its section
 * heading has to come with it.
 */
export function startsWithPronoun(text: string, rules: Pick<QuestionRules, 'pronounStarts'>): boolean {
  const t = text.trim();
  const first = foldForMatch(/^[\p{L}\p{M}'’]+/u.exec(t)?.[0] ?? '').replace(/['’].*$/u, '');
  return rules.pronounStarts.some((p) => (HAN.test(p) ? t.startsWith(p) : first === foldForMatch(p)));
}

/** The statement with its own section heading in front when it opens with such a word; null when it has none. */
export function withContext(text: string, section: readonly string[], rules: Pick<QuestionRules, 'pronounStarts'>, join: (head: string, body: string) => string): string | null {
  if (!startsWithPronoun(text, rules)) return text;
  const heading = section[section.length - 1]?.trim();
  return heading ? join(heading, text) : null;
}
