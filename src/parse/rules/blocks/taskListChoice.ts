import type { ChoiceOption, SourcePosition } from '../../../model/StudyDocument.js';
import type { ListBlock } from '../../blocks/Block.js';
import { stripInline } from '../../stripInline.js';
import type { BlockWalk } from '../RuleContext.js';
import type { BlockRule } from '../Rule.js';
import { cleanStem, matchExplanation } from './choiceSyntax.js';

/**
 * A question followed by a task list whose ticked boxes mark the right options (`- [x]` / `- [ ]`):
 * the question as its author wrote it. Two ticked boxes make a multiple-answer question; none
 * leaves the key unknown, and the question stays a question/answer pair.
 */
export const taskListChoice: BlockRule = {
  name: 'task-list-choice',
  stage: 'blocks',
  apply(walk, i) {
    const list = walk.blocks[i];
    if (list.type !== 'list' || list.items.length < 2 || list.items.some((item) => item.checked === null)) return 0;
    const stem = findStem(walk, i);
    const ticked = list.items.filter((item) => item.checked).length;
    if (!stem) {
      if (ticked === 1) walk.state.read.warn('a ticked option list with no question before it: read as a list', list.source, 'choice-without-question');
      return 0;
    }
    const options: ChoiceOption[] = list.items.map((item) => ({ text: optionText(item.lines.map((l) => l.text)), correct: item.checked === true }));
    const section = stem.section ?? walk.builder.sectionPath;
    if (ticked === 0) {
      walk.state.read.warn('no option is ticked: the key is unknown, kept as a question/answer pair', list.source, 'choice-without-key');
      walk.builder.addQa(stem.text, options.map((o) => o.text), stem.source, false, section);
      return 1;
    }
    if (ticked > 1) walk.state.read.warn(`${ticked} options are ticked: a multiple-answer question`, list.source, 'choice-multiple-answers');
    const next = walk.blocks[i + 1];
    const explanation = next?.type === 'paragraph' ? matchExplanation(next.lines[0]?.text ?? '') : null;
    const rest = next?.type === 'paragraph' && explanation !== null ? next.lines.slice(1).map((l) => l.text) : [];
    walk.builder.addChoice(stem.text, options, stem.source, explanation !== null ? [explanation, ...rest].filter(Boolean).join(' ') || undefined : undefined, section);
    return explanation !== null ? 2 : 1;
  },
};

function optionText(lines: string[]): string {
  return lines.join(' ').trim();
}

interface Stem {
  text: string;
  source: SourcePosition;
  section?: string[];
}

/** The question a task list answers: the heading or paragraph just above it. */
function findStem(walk: BlockWalk, i: number): Stem | null {
  const pending = walk.state.pending;
  if (pending && pending.answers.length === 0) {
    walk.state.pending = null;
    return { text: cleanStem(pending.question), source: pending.source, section: pending.section };
  }
  const prev = walk.blocks[i - 1];
  if (prev?.type === 'heading' && asks(prev.text)) return { text: cleanStem(prev.raw), source: prev.source, section: walk.builder.sectionPath.slice(0, -1) };
  if (prev?.type === 'paragraph' && prev.lines.length) {
    const lines = prev.lines.length <= 3 ? prev.lines : prev.lines.slice(-1);
    const text = lines.map((l) => l.text).join(' ');
    if (asks(text)) return { text: cleanStem(text), source: lines[0].source };
  }
  return null;
}

/** A question, a numbered item (`Q3.`, `3)`) or a prompt ending in `:` asks for the options below it. */
function asks(text: string): boolean {
  const plain = stripInline(text);
  return /[?？:：]\s*$/.test(plain) || /^(?:Q|Question|Exercice|Exercise|问题|题)?\s*\d{1,3}\s*[.)、:：]/i.test(plain);
}

export function isTaskList(list: ListBlock): boolean {
  return list.items.length >= 2 && list.items.every((item) => item.checked !== null);
}
