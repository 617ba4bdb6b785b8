import type { DroppedLine } from '../model/StudyDocument.js';
import { prepareIdentity, type PreparedText } from './PreparedText.js';
import { cleanTitleLine } from './pasted/cleanTitleLine.js';
import { findBoilerplate } from './pasted/findBoilerplate.js';
import { guardMarkdownLines } from './pasted/guardMarkdownLines.js';
import { isPastedText } from './pasted/isPastedText.js';

export interface PrepareOptions {
  keepBoilerplate: boolean;
}

export interface Prepared extends PreparedText {
  /** True when the body reads as pasted text: the pasted extractor reads it instead of remark. */
  pasted: boolean;
  /** Index in `lines` of a line that named the document with a site or file suffix, now removed. */
  titleLine?: number;
  /** Original line numbers of Markdown lines defused because they would make remark superlinear. */
  defused?: number[];
}

/** Non-blank lines at the top where a document name with a site suffix may stand. */
const TITLE_ZONE = 5;

/**
 * The line-level pass before extraction. Markdown goes through unchanged. Pasted text has its
 * document name cleaned of site suffixes (`.docVIP`) and its boilerplate lines removed (each listed in
 * `dropped` with its reason, unless keepBoilerplate); every kept line keeps its original line number.
 */
export function prepareText(body: string, bodyLineOffset: number, options: PrepareOptions): Prepared {
  const identity = prepareIdentity(body, bodyLineOffset);
  if (!isPastedText(identity.lines)) {
    const guarded = guardMarkdownLines(identity.lines);
    return { ...identity, lines: guarded.lines, pasted: false, defused: guarded.changed.map((i) => identity.origin[i]) };
  }

  const lines = identity.lines.map((l) => l.replace(/\r$/, '').replace(/\u00a0/g, ' '));
  let titleSource = -1;
  for (let i = 0, seen = 0; i < lines.length && seen < TITLE_ZONE; i++) {
    if (lines[i].trim() === '') continue;
    seen++;
    if (lines[i].length > 300) continue;
    const cleaned = cleanTitleLine(lines[i]);
    if (cleaned !== lines[i] && titleSource < 0) titleSource = i;
    lines[i] = cleaned;
  }

  const drop = options.keepBoilerplate ? new Map<number, string>() : findBoilerplate(lines);
  const kept: string[] = [];
  const origin: number[] = [];
  const dropped: DroppedLine[] = [];
  let titleLine: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const reason = drop.get(i);
    if (reason) {
      dropped.push({ line: identity.origin[i], text: identity.lines[i].trim(), reason });
      continue;
    }
    if (i === titleSource) titleLine = kept.length;
    kept.push(lines[i]);
    origin.push(identity.origin[i]);
  }
  return { lines: kept, origin, dropped, pasted: true, titleLine };
}
