import { classifyValue } from './classifyValue.js';
import { containsFolded } from './containsFolded.js';
import { detectScript } from './detectScript.js';
import { findTerm } from './findTerm.js';
import { foldText } from '../quality/foldText.js';
import { hashSeed } from './seededRandom.js';

/**
 * Makes a statement false by replacing a name it mentions with a sibling of that name (another cell
 * of the same column, another step of the same flow, another term): "light drives the light phase"
 * → "light drives the dark phase". The longest mentioned name wins, being the most specific.
 * Null when the statement names nothing that has a sibling.
 */
export function swapSibling(text: string, groups: readonly (readonly string[])[], seed: string): string | null {
  const mentions: { member: string; group: readonly string[] }[] = [];
  for (const group of groups) {
    for (const raw of group) {
      const member = raw.trim();
      if ([...member].length < 2 || !containsFolded(text, member)) continue;
      mentions.push({ member, group });
    }
  }
  mentions.sort((a, b) => [...b.member].length - [...a.member].length);
  for (const { member, group } of mentions) {
    const index = findTerm(text, member);
    if (index === -1) continue;
    const memberFold = foldText(member);
    const options = group
      .map((g) => g.trim())
      .filter(
        (g) =>
          g &&
          foldText(g) !== memberFold &&
          !containsFolded(text, g) &&
          detectScript(g) === detectScript(member) &&
          classifyValue(g) === classifyValue(member),
      );
    if (options.length === 0) continue;
    let replacement = options[hashSeed(seed) % options.length];
    const original = text.slice(index, index + member.length);
    if (/^\p{Ll}/u.test(original) && /^\p{Lu}\p{Ll}/u.test(replacement)) replacement = replacement[0].toLowerCase() + replacement.slice(1);
    return text.slice(0, index) + replacement + text.slice(index + original.length);
  }
  return null;
}
