import { cleanTitleLine } from '../../pasted/cleanTitleLine.js';
import type { LineRule } from '../Rule.js';

/** Non-blank lines at the top where a document name with a site suffix may stand. */
const TITLE_ZONE = 5;

/**
 * A document-site name on top of a paste (`Cours.pdf`, `复习资料.docVIP`, `… - Studocu`): the name
 * without its suffix. The cleaned line is remembered as the document's title line.
 */
export const documentName: LineRule = {
  name: 'document-name',
  stage: 'lines',
  scan(stretch) {
    if (!stretch.state.atStart) return;
    for (let i = 0, seen = 0; i < stretch.length && seen < TITLE_ZONE; i++) {
      const line = stretch.text(i);
      if (line.trim() === '') continue;
      seen++;
      if (line.length > 300) continue;
      const cleaned = cleanTitleLine(line);
      if (cleaned === line) continue;
      stretch.lines.text[i] = cleaned;
      stretch.state.titleLine ??= stretch.lines.line[i];
    }
  },
};
