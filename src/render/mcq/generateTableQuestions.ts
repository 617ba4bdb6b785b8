import { capText } from './capText.js';
import { DistractorPool } from './DistractorPool.js';
import { foldText } from '../quality/foldText.js';
import { whyNoChoice, type GeneratorContext } from './GeneratorContext.js';
import { isSymbolAnswer } from '../quality/isSymbolAnswer.js';
import { joinFact } from './joinFact.js';
import { makeQuestionId } from './makeQuestionId.js';
import { makeTrueFalseDraft } from './makeTrueFalseDraft.js';
import { parseNumber } from './parseNumber.js';
import { pickFalseSibling } from './pickFalseSibling.js';
import type { QuestionDraft } from './QuestionDraft.js';
import type { QuestionRules } from '../quality/QuestionRules.js';
import { rateDifficulty } from './rateDifficulty.js';
import { inList, readTable } from '../quality/readTable.js';
import { selectDistractors } from './selectDistractors.js';

/** Whether a header is plural, for agreement in the wording ("What are the key points of …?"). */
export function isPluralHeader(header: string, rules: Pick<QuestionRules, 'pluralHeaders'>): boolean {
  const last = foldText(header).split(' ').pop() ?? '';
  const { endings, notEndings, plural, singular } = rules.pluralHeaders;
  if (plural.includes(last)) return true;
  if (singular.includes(last)) return false;
  if (last.length < 3 || notEndings.some((e) => last.endsWith(e))) return false;
  return endings.some((e) => last.endsWith(e));
}

/** "Key Points" → "key points" inside an English sentence; acronyms and inner capitals are kept. */
export function headerInSentence(header: string, rules: Pick<QuestionRules, 'lowercaseHeaders'>): string {
  if (!rules.lowercaseHeaders) return header;
  return header
    .split(' ')
    .map((w) => (/^\p{Lu}\p{Ll}+$/u.test(w) || /^\p{Lu}\p{Ll}+[-–]\p{L}+$/u.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

/**
 * "What is the {attribute} of {thing}?" for the filled cells of every attribute, wrong options
 * from the same attribute of the other things, then from same-named attributes of other tables.
 * Comment columns ("Notes", "Remarques", "备注") are not asked. The gate keeps one question per
 * attribute (a column's cells share their options, so more would be the same question again).
 */
export function generateTableQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording, log } = ctx;
  const rules = wording.rules;
  const readings = document.tables.map((t) => readTable(t, rules));
  // Values of same-named attributes across tables, for the second pool: built once.
  const byAttribute = new Map<string, string[]>();
  readings.forEach((reading) =>
    reading.attributes.forEach((attribute, a) => {
      const key = foldText(attribute);
      if (!key) return;
      const list = byAttribute.get(key) ?? [];
      reading.things.forEach((_, t) => list.push(reading.value(t, a)));
      byAttribute.set(key, list);
    }),
  );
  const elsewhere = new Map<string, DistractorPool>();
  const poolOf = (attribute: string) => {
    const key = foldText(attribute);
    let pool = elsewhere.get(key);
    if (!pool) elsewhere.set(key, (pool = new DistractorPool(byAttribute.get(key) ?? [])));
    return pool;
  };
  const drafts: QuestionDraft[] = [];
  document.tables.forEach((table, index) => {
    const reading = readings[index];
    reading.attributes.forEach((attribute, a) => {
      if (!foldText(attribute)) return;
      if (inList(rules.commentHeaders, attribute)) {
        log.reject('comment-column', table.source.line, attribute, table.id);
        return;
      }
      const column = reading.things.map((_, t) => reading.value(t, a));
      // The key's own cell is in the list too: it is refused as equal to the key.
      const siblings = column.length > 64 ? new DistractorPool(column) : column;
      const plural = isPluralHeader(attribute, rules);
      const attributeText = headerInSentence(attribute, rules);
      reading.things.forEach((thing, t) => {
        const key = column[t];
        if (!key || !foldText(thing)) return;
        const line = reading.line(t, a);
        if (isSymbolAnswer(key)) {
          log.reject('symbol-answer', line, `${thing} — ${attribute}: ${key}`, table.id);
          return;
        }
        const stem = wording.render('table-cell', { column: attributeText, row: thing, caption: table.caption ?? '', plural });
        const choice = selectDistractors({ key, stem, variants: ctx.matcher, tiers: [siblings, poolOf(attribute)], prefer: ctx.echoPreference(key, thing) });
        const fact = joinFact(document.language, `${thing} — ${attribute}`, key);
        const source = { file: document.file, line, quote: capText(fact), item: table.id };
        const part = `${thing}\u0000${attribute}`;
        const group = `${table.id}#${foldText(attribute)}`;
        if (!choice) {
          // Too few like values for the attribute (a two-row table): true/false with another thing's value.
          const other = pickFalseSibling(key, [siblings, poolOf(attribute)]);
          if (!other) {
            log.reject(whyNoChoice(ctx, key, stem), line, stem, table.id);
            return;
          }
          const statement = (value: string) => wording.render('table-statement', { column: attributeText, row: thing, value, plural });
          drafts.push({
            ...makeTrueFalseDraft(wording, {
              template: 'table-statement',
              itemId: table.id,
              part,
              statement: statement(key),
              falsified: statement(other),
              explanation: capText(fact, 400),
              theme: table.section,
              source,
              origin: `${table.id}#${t}`,
            }),
            group,
          });
          return;
        }
        drafts.push({
          id: makeQuestionId('table-cell', table.id, part),
          type: 'single-choice',
          template: 'table-cell',
          stem,
          key,
          distractors: choice.distractors,
          ascending: [key, ...choice.distractors].every((o) => parseNumber(o) !== null),
          explanation: capText(fact, 400),
          theme: table.section,
          difficulty: rateDifficulty(choice.tiers),
          language: wording.language,
          source,
          origin: `${table.id}#${t}`,
          group,
          echoFrom: thing,
        });
      });
    });
  });
  return drafts;
}
