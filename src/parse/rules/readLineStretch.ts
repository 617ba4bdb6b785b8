import type { Block } from '../blocks/Block.js';
import type { NotesLines } from '../blocks/NotesLines.js';
import { LineStretch } from './LineStretch.js';
import type { ReadState } from './ReadState.js';
import { LINE_RULES } from './ruleTable.js';

/**
 * Reads a stretch of lines without Markdown structure: the scan rules drop what is not notes, then
 * at each line the read rules are tried in the table's order; a line no rule takes joins the
 * paragraph being gathered.
 */
export function readLineStretch(lines: NotesLines, state: ReadState): Block[] {
  const stretch = new LineStretch(lines, state);
  for (const rule of LINE_RULES) rule.scan?.(stretch);
  stretch.compact();
  let i = 0;
  while (i < stretch.length) {
    if (stretch.blank(i)) {
      stretch.endParagraph();
      i++;
      continue;
    }
    let taken = 0;
    for (const rule of LINE_RULES) {
      if (!rule.read) continue;
      taken = rule.read(stretch, i);
      if (taken > 0) break;
    }
    if (taken > 0) {
      if (taken > 1) stretch.structuredEnd = i + taken;
      i += taken;
      continue;
    }
    stretch.addToParagraph(i);
    state.atStart = false;
    i++;
  }
  stretch.endParagraph();
  return stretch.blocks;
}
