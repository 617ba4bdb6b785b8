import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_TABLE } from '../src/parse/rules/ruleTable.js';

describe('the rule table', () => {
  it('names each rule once, and README lists them in the order they are tried', async () => {
    const names = RULE_TABLE.map((r) => r.rule.name);
    expect(new Set(names).size).toBe(names.length);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const listed = [...readme.matchAll(/^\| \d+ \| [^|]+ \| `([\w-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(names);
    // The generator is the one way the README table is written: it must agree with the table row by row.
    const { rulesTable } = (await import('../scripts/rules-table.mjs')) as { rulesTable: () => string };
    expect(readme).toContain(rulesTable());
  });

  it('keeps the stages in order: line rules, then block rules, then text rules', () => {
    const stages = RULE_TABLE.map((r) => r.rule.stage);
    expect(stages).toEqual([...stages].sort((a, b) => ['lines', 'blocks', 'text'].indexOf(a) - ['lines', 'blocks', 'text'].indexOf(b)));
  });
});
