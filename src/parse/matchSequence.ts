import { stripInline } from './stripInline.js';

export interface SequenceMatch {
  steps: string[];
  label?: string;
}

/** Arrows people type for "then": → ⟶ ➔ ➜ ⇒ => -> —> –> ==> and the Chinese full-width forms. */
// No surrounding \s* and a lookbehind on dash runs: both made the scan quadratic on long blank or
// dash runs (every start position rescanned the run). Steps are trimmed after the split instead.
const ARROW = /→|⟶|➔|➜|➝|⇒|⟹|=>|==>|(?<!-)-+>|(?<!—)—+>|(?<!–)–+>|＞|→/;
const ARROW_GLOBAL = new RegExp(ARROW.source, 'g');
/** Every arrow above holds one of these: a cheap test first, most lines have none. */
const ARROW_CHAR = /[→⟶➔➜➝⇒⟹>＞]/;
const MAX_STEP_CHARS = 160;

/** `A → B → C` (optionally introduced by `Label:`) as ordered steps; null when not a flow. */
export function matchSequence(line: string): SequenceMatch | null {
  if (!ARROW_CHAR.test(line) || !ARROW.test(line)) return null;
  let text = stripInline(line);
  let label: string | undefined;
  const intro = /^([^:：→>]{1,60})[:：]\s*(.+)$/.exec(text);
  if (intro && ARROW.test(intro[2])) {
    label = intro[1].trim();
    text = intro[2];
  }
  const steps = text.split(ARROW_GLOBAL).map((s) => s.trim().replace(/^[,;]|[,;.]$/g, '').trim());
  if (steps.length < 2 || steps.some((s) => !s || s.length > MAX_STEP_CHARS)) return null;
  return label ? { steps, label } : { steps };
}
