import type { FormulaVariable } from '../../../model/StudyDocument.js';
import { matchFormula, matchLegend } from '../../matchFormula.js';
import { MAX_ITEM_LINE } from '../LineStretch.js';
import type { TextRule } from '../Rule.js';

/**
 * `symbol = expression` with operators (or `$…$`, or a chemical equation), and the legend lines under
 * it (`m = Marge bénéficiaire`, `où PV : prix de vente`): the legend gives the formula's variables,
 * and each symbol is also defined, marked as part of that formula's legend.
 */
export const formulaWithLegend: TextRule = {
  name: 'formula',
  stage: 'text',
  apply(run, i) {
    const formula = run.text(i).length <= MAX_ITEM_LINE ? matchFormula(run.text(i)) : null;
    if (!formula) return 0;
    const variables: FormulaVariable[] = [];
    const legendLines: number[] = [];
    let j = i + 1;
    for (; j < run.lines.length; j++) {
      const text = run.text(j);
      const legend = text.length <= MAX_ITEM_LINE ? matchLegend(text) : null;
      if (!legend || matchFormula(text)) break;
      variables.push(legend);
      legendLines.push(j);
    }
    const item = run.builder.addFormula(formula.expression, variables, run.lines[i].source);
    legendLines.forEach((k, n) => run.builder.addDefinition(variables[n].symbol, variables[n].meaning, run.lines[k].source, item?.id));
    run.found = true;
    return j - i;
  },
};
