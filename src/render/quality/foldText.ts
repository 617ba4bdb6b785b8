import { memoizeText } from './memoizeText.js';
/**
 * Folds case, accents and width so that "Éte", "ete" and "ＥＴＥ" compare equal; punctuation and
 * spacing collapse to single spaces so that "ATP." and "ATP" are the same option.
 */
function foldTextUncached(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

export const foldText = memoizeText(foldTextUncached);
