/**
 * The value of an option that is just a number, possibly with a short unit ("12", "3,5 %", "40 km"),
 * so numeric options can be listed in ascending order; null for anything else.
 */
export function parseNumber(text: string): number | null {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*(?:%|[\p{L}µ°]{1,4}(?:\/[\p{L}]{1,3})?)?\s*$/u.exec(text);
  return m ? Number(m[1].replace(',', '.')) : null;
}
