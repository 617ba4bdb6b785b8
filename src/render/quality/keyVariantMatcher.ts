import { memoizeText } from './memoizeText.js';
import type { QuestionRules } from './QuestionRules.js';

/** One word (spaced scripts) or one character (CJK), with where it sits in the original text. */
export interface Unit {
  text: string;
  start: number;
  end: number;
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Keys longer than this are compared as written only: variant matching is for names, not sentences. */
const MAX_KEY_UNITS = 24;

function foldUncached(text: string): string {
  // Plain ASCII needs no Unicode normalisation: the common case, made cheap.
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLowerCase();
}
const fold = memoizeText(foldUncached);

/**
 * Cuts text into comparable units in one pass: each CJK character is a unit, each run of other
 * letters and digits is a word; punctuation and spaces only separate.
 */
function unitsUncached(text: string): readonly Unit[] {
  const out: Unit[] = [];
  let word = -1;
  let i = 0;
  for (const ch of text) {
    const next = i + ch.length;
    if (CJK_CHAR.test(ch)) {
      if (word !== -1) out.push({ text: fold(text.slice(word, i)), start: word, end: i });
      word = -1;
      out.push({ text: fold(ch), start: i, end: next });
    } else if (WORD_CHAR.test(ch)) {
      if (word === -1) word = i;
    } else if (word !== -1) {
      out.push({ text: fold(text.slice(word, i)), start: word, end: i });
      word = -1;
    }
    i = next;
  }
  if (word !== -1) out.push({ text: fold(text.slice(word)), start: word, end: text.length });
  return out;
}

/** Whether two words are one word in the singular or plural ("cell"/"cells", "process"/"processes"). */
function sameWord(a: string, b: string, suffixes: readonly string[]): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 3) return false;
  return suffixes.some((s) => long.length === short.length + s.length && long.startsWith(short) && long.endsWith(s));
}

const units = unitsUncached;

export interface VariantMatcher {
  /** [start, end) ranges of text where the key, or a variant of it, is written. */
  find(text: string): [number, number][];
  /** The same over a text already cut with `textUnits`, to look for many keys in one stem. */
  findUnits(hay: readonly Unit[]): [number, number][];
}

/**
 * Finds a key in text the way a reader would recognise it: case, accents and width folded, small
 * words (articles, "de", "的") allowed in between or left out, and a plural for a singular. So
 * "客户的忠诚度" is found in "客户忠诚度是指…", "the cell cycle" in "Cell cycles…". Linear in the
 * text for a given key (the key is at most MAX_KEY_UNITS units).
 */
export function keyVariantMatcher(key: string, rules: Pick<QuestionRules, 'particles' | 'pluralSuffixes'>): VariantMatcher {
  const particles = new Set(rules.particles.map(fold));
  const all = units(key);
  const core = all.filter((u) => !particles.has(u.text)).map((u) => u.text);
  const usable = core.length > 0 && core.length <= MAX_KEY_UNITS;
  return {
    find(text: string): [number, number][] {
      return usable ? this.findUnits(units(text)) : [];
    },
    findUnits(hay: readonly Unit[]): [number, number][] {
      if (!usable) return [];
      const found: [number, number][] = [];
      for (let i = 0; i < hay.length; i++) {
        if (!sameWord(hay[i].text, core[0], rules.pluralSuffixes)) continue;
        let j = i + 1;
        let k = 1;
        // Small words may sit between the key's words; at most two in a row, so matching stays local.
        for (let skipped = 0; k < core.length && j < hay.length; ) {
          if (sameWord(hay[j].text, core[k], rules.pluralSuffixes)) {
            k++;
            j++;
            skipped = 0;
          } else if (particles.has(hay[j].text) && skipped < 2) {
            j++;
            skipped++;
          } else break;
        }
        if (k < core.length) continue;
        const last = hay[j - 1];
        // A spaced-script key must not be the start of a longer word run in CJK text, and vice versa; whole units already ensure it.
        found.push([hay[i].start, last.end]);
        i = j - 1;
      }
      return found;
    },
  };
}

/** The text with every variant of the key replaced by `blank`. */
export function maskVariants(text: string, matcher: VariantMatcher, blank: string): string {
  const ranges = matcher.find(text);
  if (ranges.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += text.slice(last, start) + blank;
    last = end;
  }
  return out + text.slice(last);
}

/** Words of a key that carry meaning (no particles, at least `min` letters), folded. */
export function contentWords(text: string, particles: ReadonlySet<string>, min = 4): string[] {
  return units(text)
    .map((u) => u.text)
    .filter((t) => !particles.has(t) && ([...t].length >= min || CJK_CHAR.test(t)));
}

export { fold as foldForMatch, units as textUnits };
