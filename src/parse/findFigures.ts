/**
 * Figures a statement turns on: a percentage, a ratio (`7 à 10 fois`, `3 times`, `3倍`), an amount
 * with its currency, a year, a count with its unit. Each is returned as written, so a cloze card can
 * blank it. Numbers that only name something (`B2B`, `CO2`, `H2O`, `COVID-19`, list numbering) are
 * not figures. Linear: one pass of one pattern.
 */
// Bounded repetitions keep every start position constant work, so the scan stays linear.
const NUMBER = String.raw`\d{1,3}(?:[  ,.]\d{3}){1,5}(?:[.,]\d{1,6})?|\d{1,15}(?:[.,]\d{1,6})?`;
const CJK_NUMBER = '[一二三四五六七八九十百千万亿两半几]{1,8}';
const FIGURE = new RegExp(
  [
    // 7 à 10 fois, 3 to 5 times, 2-3 times
    String.raw`(?:${NUMBER})\s*(?:à|a|to|-|–|~|或|到|至)\s*(?:${NUMBER})\s*(?:fois|times|倍)`,
    // percentages and per-mille
    String.raw`(?:${NUMBER})\s?(?:%|‰|pour\s?cent|per\s?cent|percent|％)`,
    String.raw`百分之(?:${CJK_NUMBER}|${NUMBER})`,
    String.raw`(?:${CJK_NUMBER})分之(?:${CJK_NUMBER})`,
    // ratios and multiples
    String.raw`(?:${NUMBER})\s*(?:fois|times|倍|x\b|×)`,
    String.raw`(?:${CJK_NUMBER})倍`,
    // amounts with a currency before or after
    String.raw`[$€£¥￥]\s?(?:${NUMBER})(?:\s?(?:k|M|Md|Mds|bn|m|millions?|milliards?|billions?|万|亿))?`,
    String.raw`(?:${NUMBER})\s?(?:k|M|Md|Mds|bn)?\s?(?:€|\$|£|¥|euros?|dollars?|EUR|USD|CNY|RMB|元|美元|欧元|万元|亿元)`,
    // big counts: millions, milliards, 万, 亿
    String.raw`(?:${NUMBER})\s?(?:millions?|milliards?|billions?|thousands?|milliers?|万|亿|千万|百万)`,
    // years
    String.raw`(?:1[5-9]\d\d|20\d\d)(?:\s?[-–]\s?(?:1[5-9]\d\d|20\d\d))?(?:\s?年)?`,
    // counts with a unit word after them
    String.raw`(?:${NUMBER})\s?(?:jours?|mois|ans|années|semaines|heures|minutes|days?|months?|years?|weeks?|hours?|minutes?|clients?|customers?|salariés|employees|personnes|people|pays|countries|étapes|steps|个|名|家|天|年|月|次|种)`,
  ].join('|'),
  'giu',
);

export function findFigures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index ?? 0;
    const before = text[start - 1] ?? ' ';
    const after = text[start + m[0].length] ?? ' ';
    // `B2B`, `CO2`, `COVID-19`: a number glued to letters names something.
    if (/[\p{L}\-_/]/u.test(before) && !/[\p{Script=Han}]/u.test(before) && /^\d/.test(m[0])) continue;
    if (/\p{L}/u.test(after) && !/[\p{Script=Han}]/u.test(after) && /\d$/.test(m[0])) continue;
    const figure = m[0].trim();
    if (!out.includes(figure)) out.push(figure);
  }
  return out;
}
