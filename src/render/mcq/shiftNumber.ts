import { hashSeed } from './seededRandom.js';

/**
 * Makes a statement false by changing one number in it, on the same scale (years move by a decade,
 * percentages stay within 0–100, small counts change by one or two). Numbers glued to Latin letters
 * (model names, "CO2") and list numbering at the start are left alone. Null when there is none.
 */
export function shiftNumber(text: string, seed: string): string | null {
  // Whole numeric tokens, so that phone numbers, times and dates ("9:00-18:30") are seen as one.
  const re = /(?<![\p{Script=Latin}\d])\d(?:[\d.,:\/-]*\d)?(?![\p{Script=Latin}\d])/gu;
  const candidates: { index: number; raw: string }[] = [];
  for (const m of text.matchAll(re)) {
    if (!/^\d+(?:[.,]\d+)?$/.test(m[0])) continue;
    const index = m.index ?? 0;
    const after = text.slice(index + m[0].length);
    if (text.slice(0, index).trim() === '' && /^[.)、:：]/u.test(after)) continue;
    candidates.push({ index, raw: m[0] });
  }
  if (candidates.length === 0) return null;
  const pick = candidates[hashSeed(seed) % candidates.length];
  const comma = pick.raw.includes(',');
  const value = Number(pick.raw.replace(',', '.'));
  const decimals = (pick.raw.split(/[.,]/)[1] ?? '').length;
  const up = hashSeed(`${seed}:dir`) % 2 === 0;
  const percent = /^\s*%/.test(text.slice(pick.index + pick.raw.length));
  let shifted: number;
  if (decimals === 0 && value >= 1000 && value <= 2100) shifted = value + (up ? 10 : -10);
  else if (percent) shifted = value <= 50 ? value + (value >= 10 ? 20 : 5) : value - 20;
  else if (decimals > 0) shifted = up || value < 0.5 ? value * 2 : value / 2;
  else if (value <= 2) shifted = value + 2;
  else if (value < 10) shifted = up ? value + 2 : value - 1;
  else shifted = up ? value * 2 : Math.round(value / 2);
  let out = decimals > 0 ? shifted.toFixed(decimals) : String(Math.round(shifted));
  if (comma) out = out.replace('.', ',');
  if (out === pick.raw) return null;
  return text.slice(0, pick.index) + out + text.slice(pick.index + pick.raw.length);
}
