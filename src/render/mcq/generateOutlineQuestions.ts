import type { Outline, OutlineNode } from '../../model/StudyDocument.js';
import { capText } from './capText.js';
import { DistractorPool } from './DistractorPool.js';
import { foldText } from '../quality/foldText.js';
import { whyNoChoice, type GeneratorContext } from './GeneratorContext.js';
import { joinFact } from './joinFact.js';
import { makeQuestionId } from './makeQuestionId.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { rateDifficulty } from './rateDifficulty.js';
import { selectDistractors } from './selectDistractors.js';

interface Placed {
  node: OutlineNode;
  parent: Placed | null;
  depth: number;
  outline: Outline;
}

const FLOW = /→|->|=>|⇒/u;

/**
 * What an item looks like at a glance: a flow, a dated or numbered entry ("1990s: …", "Pre-1914:
 * …"), a "head: details" pair, or plain words. Items of a shape only the key group has give it away.
 */
export function itemShape(label: string): 'flow' | 'dated' | 'pair' | 'plain' {
  if (FLOW.test(label)) return 'flow';
  const colon = label.search(/[:：]/u);
  const head = colon === -1 ? label : label.slice(0, colon);
  if (/\d/u.test(head)) return 'dated';
  if (colon > 0 && head.trim().split(/\s+/u).length <= 4) return 'pair';
  return 'plain';
}

/**
 * "X belongs to which group?" for items two levels or more below the root; the wrong groups are the
 * key group's siblings, then other groups at the same depth. Only nodes with children are groups,
 * a group that also lists X is never offered, a flow drawn inside an outline is not an item, and a
 * question whose item shape (a date) only the key group's items have is refused as a giveaway.
 */
export function generateOutlineQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording, log } = ctx;
  const placed: Placed[] = [];
  for (const outline of document.outlines) {
    // Iterative walk: outlines can be very deep.
    const stack: Placed[] = [{ node: outline, parent: null, depth: 0, outline }];
    while (stack.length) {
      const p = stack.pop()!;
      placed.push(p);
      for (let i = p.node.children.length - 1; i >= 0; i--) stack.push({ node: p.node.children[i], parent: p, depth: p.depth + 1, outline });
    }
  }
  placed.sort((a, b) => a.node.source.line - b.node.source.line || a.depth - b.depth);
  const groups = placed.filter((p) => p.node.children.length > 0);
  // Which groups list an item: a group that also holds X would be a second right answer.
  const holders = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const c of g.node.children) {
      const key = foldText(c.label);
      const set = holders.get(key) ?? new Set<string>();
      set.add(foldText(g.node.label));
      holders.set(key, set);
    }
  }
  const shapesOf = new Map<string, Set<string>>();
  for (const g of groups) {
    const key = foldText(g.node.label);
    const set = shapesOf.get(key) ?? new Set<string>();
    for (const c of g.node.children) set.add(itemShape(c.label));
    shapesOf.set(key, set);
  }
  const pools = new Map<string, DistractorPool>();
  const poolAt = (key: string, members: () => Placed[]) => {
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = new DistractorPool(members().map((q) => q.node.label))));
    return pool;
  };
  const byDepth = new Map<number, Placed[]>();
  for (const g of groups) {
    const list = byDepth.get(g.depth);
    if (list) list.push(g);
    else byDepth.set(g.depth, [g]);
  }
  const siblingGroups = new Map<Placed, string[] | DistractorPool>();
  const drafts: QuestionDraft[] = [];
  for (const p of placed) {
    if (p.depth < 2 || !p.parent) continue;
    const item = p.node.label.trim();
    const group = p.parent;
    const itemFold = foldText(item);
    if (!itemFold || itemShape(item) === 'flow') continue;
    // The key group's own label is among its siblings' labels: refused as equal to the key.
    const grand = group.parent;
    let siblings = grand ? siblingGroups.get(grand) : [];
    if (grand && !siblings) {
      const labels = grand.node.children.filter((c) => c.children.length > 0).map((c) => c.label);
      siblings = labels.length > 64 ? new DistractorPool(labels) : labels;
      siblingGroups.set(grand, siblings);
    }
    const sameDepth = byDepth.get(group.depth) ?? [];
    const tiers = [
      siblings ?? [],
      poolAt(`o:${p.outline.id}:${group.depth}`, () => sameDepth.filter((q) => q.outline === p.outline)),
      poolAt(`d:${group.depth}`, () => sameDepth),
    ];
    const root = p.outline.label.trim();
    const stem = wording.render('outline-group', { item, root: foldText(root) === foldText(group.node.label) ? '' : root });
    const line = p.node.source.line;
    const held = holders.get(itemFold) ?? new Set<string>();
    const choice = selectDistractors({ key: group.node.label, stem, variants: ctx.matcher, tiers, reject: (c) => held.has(foldText(c)), prefer: ctx.echoPreference(group.node.label, item) });
    if (!choice) {
      log.reject(whyNoChoice(ctx, group.node.label, stem), line, stem, p.outline.id);
      continue;
    }
    const shape = itemShape(item);
    if (shape !== 'plain' && choice.distractors.every((d) => !(shapesOf.get(foldText(d))?.has(shape) ?? false))) {
      log.reject('shape-giveaway', line, stem, p.outline.id);
      continue;
    }
    const members = group.node.children.map((c) => c.label.trim()).join(document.language === 'zh' ? '、' : ', ');
    drafts.push({
      id: makeQuestionId('outline-group', p.outline.id, `${group.node.label}\u0000${item}`),
      type: 'single-choice',
      template: 'outline-group',
      stem,
      key: group.node.label.trim(),
      distractors: choice.distractors,
      ascending: false,
      explanation: capText(joinFact(document.language, group.node.label.trim(), members), 400),
      theme: p.outline.section,
      difficulty: rateDifficulty(choice.tiers),
      language: wording.language,
      source: { file: document.file, line, quote: capText(item), item: p.outline.id },
      origin: `${p.outline.id}#${itemFold}`,
      group: `${p.outline.id}#${foldText(group.node.label)}#${group.node.source.line}`,
      echoFrom: item,
    });
  }
  return drafts;
}
