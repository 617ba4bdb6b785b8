import type { OutlineNode, SourcePosition } from '../../model/StudyDocument.js';

/** Deepest level kept; deeper nodes hang under the deepest kept ancestor so renderers stay bounded. */
export const MAX_TREE_DEPTH = 12;

/** `├─ label`, `└── label`, `│   ├─ label`, ASCII `+-- label`, `` `-- label``, `|-- label`. */
const BRANCH = /^([ \t│┃|]*)([├└┣┗╠╚]|[+`\\](?=-)|\|(?=--))[─━═—–-]*\s*(.*)$/u;

export interface TreeLine {
  column: number;
  /** `└`: the last child of its parent. */
  last: boolean;
  label: string;
}

export function matchTreeLine(line: string): TreeLine | null {
  if (line.length > 4000) return null;
  const m = BRANCH.exec(line);
  if (!m || !m[3].trim()) return null;
  const column = [...m[1].replace(/\t/g, '    ')].length;
  return { column, last: /[└┗╚`\\]/.test(m[2]), label: m[3].trim() };
}

export interface PlacedLine {
  column: number;
  last: boolean;
  label: string;
  source: SourcePosition;
}

/**
 * Nests lines by column under a root. Pasting often strips the blanks that stood under a `└`, so its
 * children come out in the same column as their parent: a line in the column of a `└` sibling is
 * read as that sibling's child, since nothing can follow the last child of a list.
 */
export function nestByColumn(root: OutlineNode, lines: readonly PlacedLine[]): OutlineNode {
  const stack: { column: number; node: OutlineNode; last: boolean; depth: number }[] = [{ column: -1, node: root, last: false, depth: 0 }];
  for (const line of lines) {
    while (stack.length > 1 && stack[stack.length - 1].column > line.column) stack.pop();
    let top = stack[stack.length - 1];
    if (stack.length > 1 && top.column === line.column && !top.last) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    const node: OutlineNode = { label: line.label, children: [], source: line.source };
    if (top.depth >= MAX_TREE_DEPTH) {
      top.node.children.push(node);
      continue;
    }
    top.node.children.push(node);
    stack.push({ column: line.column, node, last: line.last, depth: top.depth + 1 });
  }
  return root;
}
