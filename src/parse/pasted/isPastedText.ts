const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(?:=+|-{2,})[ \t]*$/;
const MD_LINK = /\[[^\]\n]{1,200}\]\((?:https?:|\.{0,2}\/|#)[^)\s]{0,500}\)/;

/**
 * Whether a notes body was pasted from a web page, a PDF or an app rather than written in Markdown.
 * Markdown writers mark their headings (`#`, setext underlines) or fence code; pasted text has none
 * of these, whatever else it carries (pipes, bullets, bold). Front matter does not decide: people
 * add `lang: zh` on top of a paste.
 */
export function isPastedText(lines: readonly string[]): boolean {
  let markdown = 0;
  let inspected = 0;
  for (let i = 0; i < lines.length && inspected < 5000; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    inspected++;
    if (ATX_HEADING.test(line) || FENCE.test(line)) markdown += 2;
    else if (SETEXT.test(line) && i > 0 && lines[i - 1].trim() !== '' && !lines[i - 1].includes('|')) markdown += 2;
    else if (line.length < 2000 && MD_LINK.test(line)) markdown += 1;
    if (markdown >= 2) return false;
  }
  return true;
}
