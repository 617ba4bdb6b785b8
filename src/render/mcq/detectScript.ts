import { memoizeText } from '../quality/memoizeText.js';
export type Script = 'han' | 'kana' | 'hangul' | 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'other' | 'none';

const SCRIPTS: [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
];

/**
 * The writing system an option is written in. Any Han character makes the text Chinese, because
 * Chinese notes routinely embed Latin acronyms ("运行型CRM") and those options must still sit with
 * other Chinese options. Digits and symbols alone give "none".
 */
function detectScriptUncached(text: string): Script {
  if (/\p{Script=Hiragana}|\p{Script=Katakana}/u.test(text)) return 'kana';
  if (/\p{Script=Han}/u.test(text)) return 'han';
  if (/\p{Script=Hangul}/u.test(text)) return 'hangul';
  const counts = new Map<Script, number>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    const found = SCRIPTS.find(([, re]) => re.test(ch));
    const script = found ? found[0] : 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script = 'none';
  let bestCount = 0;
  for (const [script, n] of counts) {
    if (n > bestCount) {
      best = script;
      bestCount = n;
    }
  }
  return best;
}

export const detectScript = memoizeText(detectScriptUncached);
