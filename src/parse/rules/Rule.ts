import type { LineRule } from './LineStretch.js';
import type { BlockRule, TextRule } from './RuleContext.js';

export type { BlockRule, LineRule, TextRule };

export type Rule = LineRule | BlockRule | TextRule;

/** A row of the rule table: the rule, what it recognises, and why it stands where it does. */
export interface RuleRow {
  rule: Rule;
  /** What the rule recognises, as the README's table says it. */
  recognises: string;
  /** Why the rule comes at this point of the order. */
  why: string;
}
