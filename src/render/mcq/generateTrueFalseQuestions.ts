import type { OutlineNode, StudyDocument } from '../../model/StudyDocument.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { joinFact } from './joinFact.js';
import { makeTrueFalseDraft } from './makeTrueFalseDraft.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { shiftNumber } from './shiftNumber.js';
import { swapSibling } from './swapSibling.js';

/** Sets of names that can stand for one another: a column, a flow's steps, an outline's siblings. */
function siblingGroups(doc: StudyDocument): string[][] {
  const groups: string[][] = [doc.definitions.map((d) => d.term)];
  for (const t of doc.tables) for (let c = 0; c < t.header.length; c++) groups.push(t.rows.map((r) => r[c] ?? ''));
  for (const s of doc.sequences) groups.push(s.steps);
  const walk = (n: OutlineNode) => {
    if (n.children.length > 1) groups.push(n.children.map((c) => c.label));
    n.children.forEach(walk);
  };
  doc.outlines.forEach(walk);
  return groups.filter((g) => g.length > 1);
}

/**
 * True/false items from key points (a sibling swapped or a number shifted) and from definitions
 * that state a number. Whether the bank shows the true or the falsified statement is decided when
 * the bank is arranged, to balance true and false keys.
 */
export function generateTrueFalseQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording } = ctx;
  const groups = siblingGroups(document);
  const drafts: QuestionDraft[] = [];
  const add = (itemId: string, statement: string, falsified: string | null, section: string[], line: number) => {
    if (!falsified || falsified === statement) return;
    drafts.push(
      makeTrueFalseDraft(wording, {
        template: 'true-false',
        itemId,
        statement,
        falsified,
        explanation: statement,
        theme: section,
        source: { file: document.file, line, quote: statement, item: itemId },
        origin: itemId,
      }),
    );
  };
  for (const kp of document.keyPoints) {
    const text = kp.text.trim();
    if (!text) continue;
    add(kp.id, text, swapSibling(text, groups, kp.id) ?? shiftNumber(text, kp.id), kp.section, kp.source.line);
  }
  for (const d of document.definitions) {
    const shifted = shiftNumber(d.definition.trim(), d.id);
    if (!shifted) continue;
    const statement = joinFact(document.language, d.term.trim(), d.definition.trim());
    add(d.id, statement, joinFact(document.language, d.term.trim(), shifted), d.section, d.source.line);
  }
  return drafts;
}
