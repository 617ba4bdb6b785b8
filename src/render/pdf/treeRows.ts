import { breakLines } from './breakLines.js';
import type { FontChain } from './FontChain.js';
import { pushLine } from './pushLine.js';
import type { Op, Row } from './Row.js';
import { sheetStyle } from './sheetStyle.js';

export interface TreeNode {
  label: string;
  children: TreeNode[];
}

interface Flat {
  node: TreeNode;
  depth: number;
  last: boolean;
  /** For each ancestor depth 1..depth-1: whether that ancestor has a later sibling (its line goes on). */
  open: boolean[];
}

function flatten(root: TreeNode): { flat: Flat[]; maxDepth: number } {
  const flat: Flat[] = [];
  let maxDepth = 0;
  // Iterative: an outline can be 50 levels deep or more, and recursion depth is not worth risking.
  const stack: Flat[] = [{ node: root, depth: 0, last: true, open: [] }];
  while (stack.length) {
    const item = stack.pop()!;
    flat.push(item);
    maxDepth = Math.max(maxDepth, item.depth);
    const kids = item.node.children;
    const open = item.depth === 0 ? [] : [...item.open, !item.last];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], depth: item.depth + 1, last: i === kids.length - 1, open });
  }
  return { flat, maxDepth };
}

/**
 * An outline drawn as a tree with vector connector lines (box-drawing characters drift in a
 * proportional font). One row per label line, so a big tree flows across columns and pages and
 * every row draws its own piece of the connectors.
 */
export function treeRows(root: TreeNode, chain: FontChain, width: number, prepare: (s: string) => string, columnHeight = Infinity): Row[] {
  const st = sheetStyle.tree;
  const { flat, maxDepth } = flatten(root);
  // Deep trees squeeze their indent so labels keep at least 45 % of the width.
  const step = Math.max(1.5, Math.min(st.maxStep, (width * 0.55) / Math.max(1, maxDepth)));
  const lineHeight = st.size * 1.3;
  const color = sheetStyle.color.rule;
  const vx = (level: number) => (level - 1) * step + step * 0.35;
  const rows: Row[] = [];
  /** Index of the first row of each top-level branch, and where the root's lines end. */
  const branchStarts: number[] = [];
  let rootEnd = 0;
  for (const item of flat) {
    if (item.depth === 1) branchStarts.push(rows.length);
    const indent = item.depth * step;
    const lines = breakLines([{ text: prepare(item.node.label), style: item.depth === 0 ? 'bold' : 'regular' }], {
      chain,
      width: Math.max(st.size * 2, width - indent),
      size: st.size,
      color: item.depth === 0 ? sheetStyle.color.accentDark : sheetStyle.color.text,
    });
    if (lines.length === 0) lines.push({ width: 0, size: st.size, pieces: [], ascent: 0, descent: 0 });
    const hasChildren = item.node.children.length > 0;
    lines.forEach((line, li) => {
      rows.push({
        height: lineHeight,
        keepWithNext: item.depth === 0,
        draw(out: Op[], x, y) {
          const v = (level: number, y1: number, y2: number) => out.push({ kind: 'line', x1: x + vx(level), y1, x2: x + vx(level), y2, width: 0.5, color });
          const mid = y + lineHeight / 2;
          for (let level = 1; level < item.depth; level++) if (item.open[level - 1]) v(level, y, y + lineHeight);
          if (item.depth > 0) {
            if (li === 0) {
              v(item.depth, y, item.last ? mid : y + lineHeight);
              out.push({ kind: 'line', x1: x + vx(item.depth), y1: mid, x2: x + indent - 1.2, y2: mid, width: 0.5, color });
            } else if (!item.last) v(item.depth, y, y + lineHeight);
          }
          if (hasChildren) v(item.depth + 1, li === 0 ? mid + st.size * 0.45 : y, y + lineHeight);
          pushLine(out, line, x + indent, y, lineHeight);
        },
      });
    });
    if (item.depth === 0) rootEnd = rows.length;
  }
  return keepTogether(rows, rootEnd, branchStarts, columnHeight);
}

/**
 * A tree is never cut from its parent line: one that fits in a column is kept whole; a taller one
 * keeps each top-level branch whole (when it fits) and the root with its first branch, and the
 * root's lines are drawn again at the top of any column the tree goes on into.
 */
function keepTogether(rows: Row[], rootEnd: number, branchStarts: readonly number[], columnHeight: number): Row[] {
  const height = (from: number, to: number) => rows.slice(from, to).reduce((h, r) => h + r.height, 0);
  const chain = (from: number, to: number) => {
    for (let i = from; i < to - 1; i++) rows[i] = { ...rows[i], keepWithNext: true };
  };
  if (height(0, rows.length) <= columnHeight * 0.9) {
    chain(0, rows.length);
    return rows;
  }
  const ends = [...branchStarts.slice(1), rows.length];
  branchStarts.forEach((start, b) => {
    if (height(start, ends[b]) <= columnHeight * 0.8) chain(start, ends[b]);
  });
  if (branchStarts.length > 0) chain(0, branchStarts[0] + 1);
  const header = rows.slice(0, rootEnd).map((r) => ({ ...r, keepWithNext: false, spaceBefore: 0 }));
  for (let i = rootEnd; i < rows.length; i++) rows[i] = { ...rows[i], repeatHeader: header };
  return rows;
}
