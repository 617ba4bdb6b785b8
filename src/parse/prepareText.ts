import { prepareIdentity, type PreparedText } from './PreparedText.js';

export interface PrepareOptions {
  keepBoilerplate: boolean;
}

/**
 * The line-level pass before remark. Markdown goes through unchanged; the pasted-text pass (bare
 * headings, glued tables, drawn trees, boilerplate) plugs in here and returns lines remark can read.
 */
export function prepareText(body: string, bodyLineOffset: number, _options: PrepareOptions): PreparedText & { title?: string } {
  return prepareIdentity(body, bodyLineOffset);
}
