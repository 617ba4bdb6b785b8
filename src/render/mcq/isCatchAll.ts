import { memoizeText } from '../quality/memoizeText.js';

const CATCH_ALL = /\b(all|none) of the above\b|toutes les réponses|aucune (de ces|des) réponses|以上(都|皆|均)/iu;

/** "All of the above" and its kin: options that item-writing guides forbid. */
export const isCatchAll = memoizeText((text: string) => CATCH_ALL.test(text));
