import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutlineNode, StudyDocument } from '../src/model/StudyDocument.js';
import { parseNotes } from '../src/parse/parseNotes.js';

/**
 * One folder per case, each written up to three ways: Markdown with headings (markdown.md), Markdown
 * without a heading (bare.md) and pasted text (pasted.txt). Every way must give the same items
 * (sections, titles and positions may differ); expected.json holds them, reviewed, and the warnings
 * of each way. Run with UPDATE=1 to rewrite expected.json, then review the diff.
 */
const root = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE === '1';
const VARIANTS = ['markdown.md', 'bare.md', 'pasted.txt'];

const tree = (n: OutlineNode): unknown => (n.children.length ? { [n.label]: n.children.map(tree) } : n.label);

/** The items of a document without ids, positions and sections: what must not depend on the way notes are written. */
function items(doc: StudyDocument) {
  return {
    definitions: doc.definitions.map((d) => (d.legendOf ? [d.term, d.definition, 'legend'] : [d.term, d.definition])),
    tables: doc.tables.map((t) => [t.header, ...t.rows]),
    outlines: doc.outlines.map(tree),
    sequences: doc.sequences.map((s) => s.steps),
    qa: doc.qa.map((q) => [q.question, q.answers, q.reversible === true]),
    clozes: doc.clozes.map((c) => c.cloze),
    keyPoints: doc.keyPoints.map((k) => k.text),
    formulas: doc.formulas.map((f) => [f.expression, f.variables.map((v) => `${v.symbol}=${v.meaning}`)]),
    choices: doc.choices.map((c) => [c.stem, c.options.map((o) => `${o.correct ? '+' : '-'} ${o.text}`), c.explanation ?? null]),
  };
}

describe('golden cases: Markdown with headings, without, and pasted give the same items', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const variants = VARIANTS.filter((v) => existsSync(join(dir, v)));
    it(`${name} (${variants.join(', ')})`, () => {
      const parsed = variants.map((v) => parseNotes(readFileSync(join(dir, v), 'utf8'), { file: v }));
      const actual = {
        items: items(parsed[0].document),
        messages: Object.fromEntries(variants.map((v, k) => [v, parsed[k].messages.map((m) => `${m.ruleId}@${m.line}`)])),
      };
      const expectedPath = join(dir, 'expected.json');
      if (update || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
        if (!update) throw new Error(`wrote ${expectedPath}; review it, then run again`);
      }
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
      parsed.forEach((p, k) => expect(items(p.document), variants[k]).toEqual(expected.items));
      expect(actual.messages).toEqual(expected.messages);
    });
  }
});
