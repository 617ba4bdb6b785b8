import type { Outline, OutlineNode } from '../../model/StudyDocument.js';
import { foldText } from './foldText.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { joinFact } from './joinFact.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { selectDistractors } from './selectDistractors.js';

interface Placed {
  node: OutlineNode;
  parent: OutlineNode | null;
  depth: number;
  outline: Outline;
}

/**
 * "X belongs to which group?" for every node two levels or more below the root; the wrong groups
 * are the key group's siblings, then other groups at the same depth.
 */
export function generateOutlineQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording } = ctx;
  const placed: Placed[] = [];
  const walk = (node: OutlineNode, parent: OutlineNode | null, depth: number, outline: Outline) => {
    placed.push({ node, parent, depth, outline });
    for (const child of node.children) walk(child, node, depth + 1, outline);
  };
  for (const outline of document.outlines) walk(outline, null, 0, outline);
  const parentOf = new Map(placed.map((p) => [p.node, p]));
  const drafts: QuestionDraft[] = [];
  for (const p of placed) {
    if (p.depth < 2 || !p.parent) continue;
    const item = p.node.label.trim();
    const group = p.parent;
    const grand = parentOf.get(group)?.parent ?? null;
    const itemFold = foldText(item);
    // A group that also lists the item would be a second right answer.
    const holdsItem = (label: string) =>
      placed.some((q) => q.node.label.trim() === label && q.node.children.some((c) => foldText(c.label) === itemFold));
    const sameLevel = placed.filter((q) => q.depth === p.depth - 1 && q.node !== group);
    const siblings = grand ? grand.children.filter((c) => c !== group).map((c) => c.label) : [];
    const tiers = [
      siblings,
      sameLevel.filter((q) => q.outline === p.outline).map((q) => q.node.label),
      sameLevel.filter((q) => q.outline !== p.outline).map((q) => q.node.label),
    ];
    const stem = wording.render('outline-group', { item, root: p.outline.label.trim() === group.label.trim() ? '' : p.outline.label.trim() });
    const choice = selectDistractors({ key: group.label, stem, tiers, reject: (c) => holdsItem(c.trim()) });
    if (!choice) continue;
    drafts.push({
      id: makeQuestionId('outline-group', p.outline.id, `${group.label}\u0000${item}`),
      type: 'single-choice',
      template: 'outline-group',
      stem,
      key: group.label.trim(),
      distractors: choice.distractors,
      ascending: false,
      explanation: joinFact(document.language, group.label.trim(), group.children.map((c) => c.label.trim()).join(document.language === 'zh' ? '、' : ', ')),
      theme: p.outline.section,
      difficulty: rateDifficulty(choice.tiers),
      language: wording.language,
      source: { file: document.file, line: p.node.source.line, quote: item, item: p.outline.id },
      origin: `${p.outline.id}#${itemFold}`,
    });
  }
  return drafts;
}
