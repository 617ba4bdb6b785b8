import type { OutlineNode } from '../../../model/StudyDocument.js';
import type { ListBlock, ListItem } from '../../blocks/Block.js';
import { BULLET, glyphLevel } from '../../pasted/bulletLine.js';
import { matchQuestionLine } from '../../pasted/matchQuestionLine.js';
import { matchTreeLine, nestByColumn, type PlacedLine } from '../../pasted/readDrawnTree.js';
import { MAX_ITEM_LINE } from '../LineStretch.js';
import type { LineRule } from '../Rule.js';

/**
 * Lists as pasting leaves them: typographic bullets (`•`, `●`, `○`, `■`, `➢`), `1、`, `a)`, `(1)`,
 * `①`, indentation with tabs or ideographic spaces. Levels come from indentation and from the glyph
 * (word processors mark levels with ● ○ ■); an indented line without a bullet continues its item.
 */
export const pastedBullets: LineRule = {
  name: 'pasted-bullets',
  stage: 'lines',
  read(stretch, start) {
    const first = stretch.text(start);
    if (!BULLET.test(first) || /^\s*\d{1,3}[.)、．]\s*$/.test(first)) return 0;
    const placed: (PlacedLine & { marker: string })[] = [];
    const markers = new Map<number, string>();
    let i = start;
    for (; i < stretch.length; i++) {
      const line = stretch.text(i);
      if (stretch.blank(i)) {
        const next = stretch.nextNonBlank(i);
        if (next < 0 || !BULLET.test(stretch.text(next)) || stretch.text(next).length > MAX_ITEM_LINE) break;
        continue;
      }
      if (line.length > MAX_ITEM_LINE) break;
      const m = BULLET.exec(line);
      if (m && !matchQuestionLine(stretch.plain(i))) {
        const column = [...m[1].replace(/\t/g, '    ').replace(/\u3000/g, '  ')].length + glyphLevel(line.trim()[0]);
        const marker = line.slice(m[1].length, line.length - m[2].length).trim();
        placed.push({ column, last: false, label: m[2], marker, source: stretch.source(i, line.length - m[2].length + 1) });
        markers.set(placed[placed.length - 1].source.line, marker);
      } else if (/^[ \t]+\S/.test(line) && placed.length && !matchTreeLine(line)) {
        placed[placed.length - 1].label += ` ${line.trim()}`;
      } else break;
    }
    if (placed.length === 0) return 0;
    const root = nestByColumn({ label: '', children: [], source: stretch.source(start) }, placed);
    stretch.emit(toList(root, markers));
    stretch.state.atStart = false;
    return i - start;
  },
};

function toList(node: OutlineNode, markers: ReadonlyMap<number, string>): ListBlock {
  const items: ListItem[] = node.children.map((child) => ({
    lines: [{ text: child.label, source: child.source }],
    checked: null,
    marker: markers.get(child.source.line) ?? '•',
    children: child.children.length ? [toList(child, markers)] : [],
    source: child.source,
  }));
  return { type: 'list', ordered: false, items, source: node.children[0]?.source ?? node.source };
}
