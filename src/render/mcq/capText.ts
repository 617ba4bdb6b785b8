/** Quotes and explanations are capped so one huge cell or answer cannot make every question huge. */
export const QUOTE_LIMIT = 240;

/** The text cut to at most `max` characters (code points), at a space when one is near, with "…". */
export function capText(text: string, max = QUOTE_LIMIT): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  let cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.7) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}
