import type { ListBlock, ListItem } from './Block.js';
import type { NotesLines } from './NotesLines.js';

/** An item line of the simplest kind: spaces, a marker, one to four spaces, text. */
const ITEM = /^( *)([-*+]|\d{1,9}[.)])( {1,4})(\S.*)$/;
/** Text that CommonMark would read as a block of its own inside the item (a heading, a quote, code, a nested marker, …). */
const BLOCK_START = /^(?:[#>`~<|]|\$\$|[-*+](?: |$)|\d{1,9}[.)](?: |$)|[=-]+\s*$|\*\s*\*\s*\*|_\s*_\s*_)/;
const TASK_BOX = /^\[([ xX])\][ \t]+/;
const MAX_DEPTH = 12;

interface Open {
  /** Column where the item's text starts: lines indented at least this much are inside it. */
  content: number;
  item: ListItem;
  /** The list this item belongs to, and the kind of marker that list uses. */
  list: ListBlock;
  kind: string;
  depth: number;
}

function kindOf(marker: string): string {
  return /\d/.test(marker) ? `ordered${marker.slice(-1)}` : `bullet${marker}`;
}

/**
 * A tight list of one-line items, the shape most notes' lists have, read without remark: one item
 * per line, nested by the column its text starts at, as CommonMark nests them. Anything else a list
 * may hold (a blank line, a continued line, a tab, a new kind of marker, a block inside an item) gives
 * null, and remark reads the region. A test checks that both readings agree on such lists.
 */
export function readSimpleList(lines: NotesLines): ListBlock[] | null {
  const top: ListBlock[] = [];
  const stack: Open[] = [];
  for (let i = 0; i < lines.text.length; i++) {
    const m = ITEM.exec(lines.text[i]);
    if (!m || BLOCK_START.test(m[4])) return null;
    const indent = m[1].length;
    const marker = m[2];
    const kind = kindOf(marker);
    while (stack.length && stack[stack.length - 1].content > indent) stack.pop();
    const parent = stack[stack.length - 1];
    // A marker four or more columns into its parent's text is indented code there.
    if (indent - (parent ? parent.content : 0) >= 4) return null;
    const at = (col: number) => ({ line: lines.line[i], column: lines.column[i] + col });
    let text = m[4].trimEnd();
    if (text.endsWith('\\')) text = text.slice(0, -1).trimEnd();
    let checked: boolean | null = null;
    let textColumn = indent + marker.length + m[3].length;
    const box = TASK_BOX.exec(text);
    if (box) {
      checked = box[1] !== ' ';
      text = text.slice(box[0].length);
      textColumn += box[0].length;
    }
    const item: ListItem = { lines: text ? [{ text, source: at(textColumn) }] : [], checked, marker, children: [], source: at(indent) };
    let list: ListBlock;
    if (parent) {
      const sub = parent.item.children[0] as ListBlock | undefined;
      if (sub && kindOf(sub.items[0].marker) !== kind) return null;
      if (parent.depth + 1 >= MAX_DEPTH) return null;
      // An ordered list can interrupt the parent's text only when it starts at 1: otherwise it is that text.
      if (!sub && /\d/.test(marker) && Number.parseInt(marker, 10) !== 1) return null;
      list = sub ?? { type: 'list', ordered: kind.startsWith('ordered'), items: [], source: at(indent) };
      if (!sub) parent.item.children.push(list);
    } else {
      const last = top[top.length - 1];
      if (last && kindOf(last.items[0].marker) !== kind) return null;
      list = last ?? { type: 'list', ordered: kind.startsWith('ordered'), items: [], source: at(indent) };
      if (!last) top.push(list);
    }
    list.items.push(item);
    stack.push({ content: indent + marker.length + m[3].length, item, list, kind, depth: parent ? parent.depth + 1 : 0 });
  }
  return top;
}
