import type { OutlineNode } from '../../../model/StudyDocument.js';
import { matchQuestionLine } from '../../pasted/matchQuestionLine.js';
import { matchTreeLine, nestByColumn, type PlacedLine } from '../../pasted/readDrawnTree.js';
import { readPipeTable } from '../../pasted/readGluedTable.js';
import { stripInline } from '../../stripInline.js';
import { MAX_ITEM_LINE } from '../LineStretch.js';
import type { LineRule } from '../Rule.js';

/**
 * A tree drawn with `├─ └─ │` (or ASCII `+--`, `` `-- ``): nested by column, children pasted flush
 * under a `└` re-nested. A line just above the first branch is the root's label.
 */
export const drawnTree: LineRule = {
  name: 'drawn-tree',
  stage: 'lines',
  read(stretch, i) {
    const lines = stretch.lines.text;
    let first = i;
    let root: OutlineNode;
    let labelled = false;
    if (matchTreeLine(lines[i])) root = { label: '', children: [], source: stretch.source(i) };
    else if (i + 1 < lines.length && matchTreeLine(lines[i + 1]) && !matchQuestionLine(stretch.plain(i))) {
      root = { label: stretch.text(i).trim().replace(/\s*[:：]$/, ''), children: [], source: stretch.source(i) };
      labelled = true;
      first = i + 1;
    } else return 0;

    const placed: PlacedLine[] = [];
    let j = first;
    for (; j < lines.length; j++) {
      const line = lines[j];
      // A table glued under the tree starts with `|` too; its rows are no branches or continuations.
      if (readPipeTable(lines, j)) break;
      const branch = line.length <= MAX_ITEM_LINE ? matchTreeLine(line) : null;
      if (!branch) {
        // A `│` alone, or a wrapped label continued under its branch.
        if (/^[ \t│┃|]+$/.test(line) && line.trim()) continue;
        const cont = /^[ \t]*[│┃|][ \t]+(\S.*)$/.exec(line);
        if (cont && placed.length) {
          placed[placed.length - 1].label += ` ${cont[1].trim()}`;
          continue;
        }
        break;
      }
      placed.push({ column: branch.column, last: branch.last, label: branch.label, source: stretch.source(j) });
    }
    nestByColumn(root, placed);
    if (labelled && stretch.state.titleLines.length < 8) stretch.state.titleLines.push(stripInline(root.label));
    stretch.emit({ type: 'tree', root, labelled });
    return j - i;
  },
};
