import type { ChoiceOption, SourcePosition } from '../../../model/StudyDocument.js';
import type { Block, SourceLine } from '../../blocks/Block.js';
import type { BlockWalk } from '../RuleContext.js';
import type { BlockRule } from '../Rule.js';
import { cleanStem, matchAnswerKey, matchExplanation, readOptions } from './choiceSyntax.js';

export interface Stem {
  text: string;
  source: SourcePosition;
  number: number | null;
}

const NUMBER = /^\s*(?:\*\*)?(?:Q|Question|问题|题)?\s*(\d{1,3})/i;

/**
 * A question with lettered options (`a.`, `B)`, `(c)`, `①`) and an answer key line after them
 * (`Réponse : b`, `Answer: C`, `答案：C`), in the same block or the paragraph after: a question
 * block, a paragraph or heading followed by a list of lettered items, or a list item holding both.
 */
export const letteredChoice: BlockRule = {
  name: 'lettered-choice',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    if (block.type === 'question') {
      return readChoice(walk, { text: cleanStem(block.question.text), source: block.question.source, number: block.number }, block.answers, walk.blocks[i + 1]);
    }
    if (block.type !== 'list') return 0;
    // Options read as a list of lettered items: the stem is the heading or paragraph above.
    const lines = block.items.map((item) => ({ text: `${item.marker} ${item.lines.map((l) => l.text).join(' ')}`, source: item.source }));
    const read = readOptions(lines, 0);
    if (!read || read.end !== lines.length) return 0;
    const prev = walk.blocks[i - 1];
    const stemLines = prev?.type === 'heading' ? [{ text: prev.raw, source: prev.source }] : prev?.type === 'paragraph' ? prev.lines.slice(-3) : null;
    if (!stemLines?.length) return 0;
    const number = NUMBER.exec(stemLines[0].text);
    return readChoice(walk, { text: cleanStem(stemLines.map((l) => l.text).join(' ')), source: stemLines[0].source, number: number ? Number(number[1]) : null }, lines, walk.blocks[i + 1]);
  },
};

/**
 * Reads options, then a key and an explanation, from the lines after a stem (or from the paragraph
 * after them). Returns how many blocks it took (1, or 2 with that paragraph), 0 if no options.
 * Without a key the question waits for a correction block; failing that it becomes a
 * question/answer pair at the end of the notes.
 */
export function readChoice(walk: BlockWalk, stem: Stem, lines: readonly SourceLine[], next: Block | undefined): number {
  const read = readOptions(lines, 0);
  if (!read) return 0;
  let key: number[] | null = null;
  let explanation: string[] = [];
  for (let j = read.end; j < lines.length; j++) {
    const found: number[] | null = key === null ? matchAnswerKey(lines[j].text) : null;
    if (found) key = found;
    else explanation.push(matchExplanation(lines[j].text) ?? lines[j].text);
  }
  let taken = 1;
  if (key === null && next?.type === 'paragraph') {
    const found = matchAnswerKey(next.lines[0].text);
    if (found) {
      key = found;
      explanation = next.lines.slice(1).map((l) => matchExplanation(l.text) ?? l.text);
      taken = 2;
    }
  }
  const section = walk.builder.sectionPath;
  const texts = read.options.map((o) => o.text);
  if (key === null) walk.state.unkeyed.push({ number: stem.number, stem: stem.text, options: texts, source: stem.source, section });
  else addKeyed(walk, stem.text, texts, key, stem.source, section, explanation.filter((e) => e.trim()).join(' '));
  return taken;
}

/** A lettered question with its key: a choice item, or a question/answer pair when the key names no option. */
export function addKeyed(walk: BlockWalk, stem: string, texts: string[], key: number[], source: SourcePosition, section: string[], explanation = ''): void {
  const bad = key.find((k) => k >= texts.length);
  if (bad !== undefined) {
    walk.state.read.warn(`the answer key names option ${String.fromCharCode(97 + bad)}, which this question does not have: kept as a question/answer pair`, source, 'choice-key-unknown-option');
    walk.builder.addQa(stem, texts, source, false, section);
    return;
  }
  if (key.length > 1) walk.state.read.warn(`${key.length} options are keyed: a multiple-answer question`, source, 'choice-multiple-answers');
  const options: ChoiceOption[] = texts.map((text, k) => ({ text, correct: key.includes(k) }));
  walk.builder.addChoice(stem, options, source, explanation || undefined, section);
}
