import { findFigures } from '../../findFigures.js';
import { splitSentences } from '../../splitSentences.js';
import { stripInline } from '../../stripInline.js';
import type { TextRule } from '../Rule.js';

/**
 * In prose, a sentence that carries a figure (`coûte 7 à 10 fois plus cher`, `55 % des dépenses`,
 * `en 1998`, `3 millions de clients`) is a key fact of its own: a key point whose figures a cloze
 * card can blank. The other sentences of the line stay prose.
 */
export const keyFact: TextRule = {
  name: 'key-fact',
  stage: 'text',
  leftover: true,
  apply(run, i) {
    const line = run.lines[i];
    if (!/\d|[一二三四五六七八九十百千万亿两半]倍|百分之/u.test(line.text)) return 0;
    const sentences = splitSentences(line.text);
    if (!sentences.some((s) => findFigures(stripInline(s)).length)) return 0;
    for (const sentence of sentences) {
      if (findFigures(stripInline(sentence)).length) {
        run.endParagraph();
        run.builder.addKeyPoint(sentence, line.source);
      } else run.addProse(sentence, line);
    }
    return 1;
  },
};
