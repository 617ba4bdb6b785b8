import type { FormulaVariable, SourcePosition } from '../../../model/StudyDocument.js';
import type { SourceLine } from '../../blocks/Block.js';
import { matchDefinition } from '../../matchDefinition.js';
import { matchFormula, matchLegend } from '../../matchFormula.js';
import { matchAnswerLabel } from '../../matchQa.js';
import { matchSequence } from '../../matchSequence.js';
import { BULLET } from '../../pasted/bulletLine.js';
import { matchChineseDefinition } from '../../pasted/matchChineseDefinition.js';
import { matchDefinitionCard } from '../../pasted/matchQuestionLine.js';
import { protectLiterals } from '../../protectLiterals.js';
import { stripInline } from '../../stripInline.js';
import type { BlockWalk } from '../RuleContext.js';
import { MAX_ITEM_LINE } from '../LineStretch.js';

/**
 * A question and its answer lines (bullets and `A:` labels removed) become one pair; a
 * `Term — définition ?` card becomes the term's definition instead. Formulas, flows and definitions
 * written inside the answers are items too: an answer can carry the fact a student must learn.
 */
export function addQuestion(walk: BlockWalk, question: string, lines: readonly SourceLine[], source: SourcePosition): void {
  const builder = walk.builder;
  const bare = lines.map((l) => protectLiterals(l.text.replace(BULLET, '$2')));
  const cleaned = bare.map((t) => matchAnswerLabel(t) ?? t).filter((t) => stripInline(t));
  const card = matchDefinitionCard(question);
  if (card) {
    builder.addDefinition(card, cleaned.join(' '), source);
    return;
  }
  builder.addQa(question, cleaned, source);
  for (let k = 0; k < bare.length; k++) {
    const text = matchAnswerLabel(bare[k]) !== null ? bare[k].replace(/^[^:：]*[:：]\s*/, '') : bare[k];
    if (text.length > MAX_ITEM_LINE) continue;
    const formula = matchFormula(text);
    if (formula) {
      const variables: FormulaVariable[] = [];
      const legendLines: number[] = [];
      while (k + 1 < bare.length) {
        const legend = matchLegend(bare[k + 1]);
        if (!legend || matchFormula(bare[k + 1])) break;
        variables.push(legend);
        legendLines.push(++k);
      }
      const item = builder.addFormula(formula.expression, variables, lines[k - legendLines.length].source);
      legendLines.forEach((l, n) => builder.addDefinition(variables[n].symbol, variables[n].meaning, lines[l].source, item?.id));
      continue;
    }
    const flow = matchSequence(stripInline(text));
    if (flow) {
      builder.addSequence(flow.steps, lines[k].source, flow.label);
      continue;
    }
    const definition = matchDefinition(text) ?? matchChineseDefinition(stripInline(text));
    if (definition) builder.addDefinition(definition.term, definition.definition, lines[k].source);
  }
}
