import type { KeyPoint } from '../../model/StudyDocument.js';
import { capText } from './capText.js';
import type { GeneratorContext } from './GeneratorContext.js';
import { joinFact } from './joinFact.js';
import { makeTrueFalseDraft } from './makeTrueFalseDraft.js';
import type { QuestionDraft } from './QuestionDraft.js';
import { shiftNumber } from './shiftNumber.js';
import { withContext } from '../quality/startsWithPronoun.js';
import { termKind } from './termKind.js';

/**
 * The statement with one of its figures shifted: a key fact's own figure ("55 %", "7 à 10 fois")
 * when the notes mark one, else any number in it. Only a number moves: the sentence stays as
 * grammatical as it was, which a name swapped into running text does not guarantee.
 */
function falsify(kp: KeyPoint, text: string): string | null {
  for (const figure of kp.figures ?? []) {
    const at = text.indexOf(figure);
    if (at === -1) continue;
    const shifted = shiftNumber(figure, kp.id);
    if (shifted && shifted !== figure) return text.slice(0, at) + shifted + text.slice(at + figure.length);
  }
  return shiftNumber(text, kp.id);
}

/**
 * True/false items from key facts and definitions that state a number, falsified by shifting it.
 * Whether the bank shows the true or the falsified statement is decided when the bank is arranged,
 * to balance true and false keys. Key points without a number give no item: swapping a sibling
 * name into a running sentence reads as nonsense ("数字化转型推动促进业务增长从…").
 */
export function generateTrueFalseQuestions(ctx: GeneratorContext): QuestionDraft[] {
  const { document, wording } = ctx;
  const drafts: QuestionDraft[] = [];
  const add = (itemId: string, statement: string, falsified: string | null, section: string[], line: number) => {
    if (!falsified || falsified === statement) return;
    drafts.push(
      makeTrueFalseDraft(wording, {
        template: 'true-false',
        itemId,
        statement,
        falsified,
        explanation: capText(statement, 400),
        theme: section,
        source: { file: document.file, line, quote: capText(statement), item: itemId },
        origin: itemId,
      }),
    );
  };
  for (const kp of document.keyPoints) {
    const written = kp.text.trim();
    if (!written) continue;
    // "It was proposed in 1970" says nothing alone: its own section heading comes with it.
    const text = withContext(written, kp.section, wording.rules, (head, body) => joinFact(document.language, head, body));
    if (text === null) {
      if (shiftNumber(written, kp.id)) ctx.log.reject('no-context', kp.source.line, written, kp.id);
      continue;
    }
    const falsified = falsify(kp, written);
    add(kp.id, text, falsified === null ? null : text.slice(0, text.length - written.length) + falsified, kp.section, kp.source.line);
  }
  for (const d of document.definitions) {
    // A formula legend ("m: 12 %") is no statement to judge.
    if (termKind(d.term) === 'symbol') continue;
    const shifted = shiftNumber(d.definition.trim(), d.id);
    if (!shifted) continue;
    const statement = joinFact(document.language, d.term.trim(), d.definition.trim());
    add(d.id, statement, joinFact(document.language, d.term.trim(), shifted), d.section, d.source.line);
  }
  return drafts;
}
