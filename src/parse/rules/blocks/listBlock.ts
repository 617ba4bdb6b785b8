import type { OutlineNode } from '../../../model/StudyDocument.js';
import type { ListBlock, ListItem } from '../../blocks/Block.js';
import { matchQuestionLine, stripNumbering } from '../../pasted/matchQuestionLine.js';
import { stripInline } from '../../stripInline.js';
import { TextRun, type BlockWalk } from '../RuleContext.js';
import type { BlockRule } from '../Rule.js';
import { addQuestion } from './addQuestion.js';
import { cleanStem, readOptions } from './choiceSyntax.js';
import { readChoice } from './letteredChoice.js';

/** Deepest outline kept; deeper levels fold into their ancestor so renderers stay bounded. */
const MAX_OUTLINE_DEPTH = 12;

/**
 * A list: each item's lines go through the text rules (a definition, a card, a flow in an item is
 * that item); then a nested list is an outline, a list after a lead-in (`… :`) is an outline named
 * by it, and the items no rule took are key points. Under a question (a heading or a line ending in
 * `?`), the items are its answers.
 */
export const listBlock: BlockRule = {
  name: 'list',
  stage: 'blocks',
  apply(walk, i) {
    const list = walk.blocks[i];
    if (list.type !== 'list') return 0;
    const prev = walk.blocks[i - 1];
    const last = prev?.type === 'paragraph' ? prev.lines[prev.lines.length - 1] : null;
    if (last && !walk.state.pending && matchQuestionLine(stripInline(last.text))) {
      addQuestion(walk, stripNumbering(last.text), list.items.map((item) => ({ text: itemLabel(item), source: item.source })), last.source);
      for (const item of list.items) walk.walk(item.children);
      return 1;
    }

    const matched = list.items.map((item) => itemChoice(walk, item, list.ordered) || itemItems(walk, item));
    const pending = walk.state.pending;
    if (pending) pending.answers.push(...list.items.map(itemLabel).filter((l) => stripInline(l)));
    const nested = list.items.some((item) => item.children.some((c) => c.type === 'list'));
    const leadIn = walk.leadIn(i);
    if (nested) {
      const roots = list.items.map((item) => outlineNode(item, 1));
      if (roots.length === 1) walk.builder.addOutline(roots[0]);
      else walk.builder.addOutline({ label: leadIn ?? walk.builder.sectionPath.at(-1) ?? '', children: roots, source: list.source });
    } else if (leadIn && list.items.length >= 2) {
      walk.builder.addOutline({ label: leadIn, children: list.items.map((item) => outlineNode(item, 1)), source: list.source });
    } else if (!pending) {
      list.items.forEach((item, k) => {
        if (matched[k]) return;
        walk.builder.addKeyPoint(itemLabel(item), item.source);
      });
    }
    return 1;
  },
};

/** An item holding a question and its lettered options (`1. Question ?` / `a) …` / `b) …` / `Answer: b`). */
function itemChoice(walk: BlockWalk, item: ListItem, ordered: boolean): boolean {
  if (item.lines.length < 3 || !readOptions(item.lines, 1)) return false;
  const number = ordered ? Number.parseInt(item.marker, 10) : Number.NaN;
  const stem = { text: cleanStem(item.lines[0].text), source: item.lines[0].source, number: Number.isNaN(number) ? null : number };
  return readChoice(walk, stem, item.lines.slice(1), undefined) > 0;
}

/**
 * Text rules over an item's own lines, then its nested blocks; true when its lines gave an item.
 * An item nothing came of is a key point (below); the lines an item with items of its own leaves are prose.
 */
function itemItems(walk: BlockWalk, item: ListItem): boolean {
  const run = new TextRun(item.lines, walk.state);
  const matched = run.run();
  if (matched) run.prose();
  for (const child of item.children) {
    if (child.type === 'list') for (const sub of child.items) itemItems(walk, sub);
    else walk.walk([child]);
  }
  return matched;
}

/** An item's text as written (inline Markdown kept). */
export function itemLabel(item: ListItem): string {
  return item.lines.map((l) => l.text).join(' ').trim();
}

function outlineNode(item: ListItem, depth: number): OutlineNode {
  const children: OutlineNode[] = [];
  for (const child of item.children) {
    if (child.type !== 'list' || depth >= MAX_OUTLINE_DEPTH) continue;
    for (const sub of (child as ListBlock).items) children.push(outlineNode(sub, depth + 1));
  }
  return { label: itemLabel(item), children, source: item.source };
}
