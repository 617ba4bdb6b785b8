import { splitRunOn } from '../../splitRunOn.js';
import { TextRun } from '../RuleContext.js';
import type { TextRule } from '../Rule.js';

/** Lines shorter than this hold one statement. */
const MIN_RUN_ON = 60;

/**
 * A line a paste ran several statements into (glued `Terme : définition`s, elisions `[...]`, inline
 * bullets): cut into its statements, each read by the text rules as a line of its own.
 */
export const runOnLine: TextRule = {
  name: 'run-on-line',
  stage: 'text',
  apply(run, i) {
    const line = run.lines[i];
    if (line.text.length < MIN_RUN_ON) return 0;
    const segments = splitRunOn(line.text);
    if (!segments) return 0;
    const part = new TextRun(
      segments.map((text) => ({ text, source: line.source })),
      run.state,
    );
    run.found = part.run() || run.found;
    run.parts.push(part);
    return 1;
  },
};
