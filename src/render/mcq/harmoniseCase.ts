/**
 * Gives a wrong option the same initial case as the key, so that "mitochondrion" among "Nucleus"
 * and "Ribosome" does not stand out as the odd one (often the one copied from a sentence).
 * Acronyms and words with inner capitals ("ATP", "iPhone", "McGill") are left as written.
 */
export function harmoniseCase(option: string, key: string): string {
  const first = /^\p{L}/u.exec(key)?.[0];
  if (!first || first.toLowerCase() === first.toUpperCase()) return option;
  const word = /^\p{L}+/u.exec(option)?.[0] ?? '';
  if (word.length < 2 || word.slice(1) !== word.slice(1).toLowerCase()) return option;
  const keyWord = /^\p{L}+/u.exec(key)?.[0] ?? '';
  if (keyWord.length > 1 && keyWord.slice(1) !== keyWord.slice(1).toLowerCase()) return option;
  const wantUpper = first === first.toUpperCase();
  const head = wantUpper ? option[0].toUpperCase() : option[0].toLowerCase();
  return head + option.slice(1);
}
