import type { SourcePosition } from '../../../model/StudyDocument.js';
import type { SourceLine } from '../../blocks/Block.js';
import { stripInline } from '../../stripInline.js';
import type { BlockWalk } from '../RuleContext.js';
import type { BlockRule } from '../Rule.js';
import { isCorrection, matchAnswerKey, matchKeyList, readOptions, textLines } from './choiceSyntax.js';
import { addKeyed } from './letteredChoice.js';

/** Titles that only number an exercise. */
const GENERIC_TITLE = /^(?:exercices?|exercises?|exo|question|questions|problème|problem|application|entraînement|practice|练习|习题|例题|题目)\s*[\d.]*\s*[:：]?\s*$/iu;

/** Longest exercise statement kept as a card's question. */
const MAX_QUESTION_CHARS = 1200;

/**
 * A collapsible block titled like a correction (`??? success "Correction"`, `> [!answer]-`,
 * `<details><summary>Réponse</summary>`): a key list (`1. b  2. c`) settles the lettered questions
 * waiting for one; otherwise its text is the answer of the exercise or question just before it.
 */
export const correctionBlock: BlockRule = {
  name: 'correction',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    if (block.type !== 'container' || !isCorrection(block)) return 0;
    const lines = textLines(block.children);
    if (lines.length === 0) return 1;

    const keys = matchKeyList(lines.map((l) => l.text).join(' '));
    if (keys && walk.state.unkeyed.length) {
      settleKeys(walk, keys, block.source);
      return 1;
    }

    const exercise = exerciseBefore(walk, i);
    if (!exercise) {
      walk.state.read.warn('a correction with no exercise or question before it: its text is kept as notes', block.source, 'correction-without-exercise');
      walk.walk(block.children);
      return 1;
    }
    // A lettered exercise answered by a letter is a multiple-choice question.
    const first = exercise.lines.findIndex((_, k) => readOptions(exercise.lines, k) !== null);
    const options = first >= 0 ? readOptions(exercise.lines, first) : null;
    const key = matchAnswerKey(lines[0].text) ?? (/^\(?[a-hA-H]\)?[.)]?$/.test(lines[0].text.trim()) ? [lines[0].text.trim().replace(/[^a-hA-H]/g, '').toLowerCase().charCodeAt(0) - 97] : null);
    const section = walk.builder.sectionPath;
    if (options && key) {
      // The exercise was waiting for this key: it is settled here, not at the end of the notes.
      walk.state.unkeyed = walk.state.unkeyed.filter((q) => q.source.line < exercise.source.line || q.source.line > block.source.line);
      const stemText = exercise.lines.slice(0, first).map((l) => l.text).join(' ');
      const stem = stripInline(stemText) ? stemText : exercise.title;
      addKeyed(walk, stem, options.options.map((o) => o.text), key, exercise.source, section, lines.slice(1).map((l) => l.text).join(' '));
      return 1;
    }
    const asked = exercise.lines.map((l) => l.text).join(' ');
    walk.builder.addQa(clip(stripInline(asked) ? asked : exercise.title), lines.map((l) => l.text), exercise.source, false, section);
    return 1;
  },
};

function clip(text: string): string {
  return text.length <= MAX_QUESTION_CHARS ? text : `${text.slice(0, MAX_QUESTION_CHARS - 1)}…`;
}

interface Exercise {
  title: string;
  lines: SourceLine[];
  source: SourcePosition;
}

/** The exercise a correction answers: the container, question or paragraph just before it. */
function exerciseBefore(walk: BlockWalk, i: number): Exercise | null {
  const prev = walk.blocks[i - 1];
  if (!prev) return null;
  if (prev.type === 'container' && !isCorrection(prev)) {
    // A title that asks something is part of the question; `Exercice 2` is only a label.
    const asks = prev.title && !GENERIC_TITLE.test(prev.title) ? [{ text: prev.title, source: prev.source }] : [];
    return { title: prev.title, lines: [...asks, ...textLines(prev.children)], source: prev.source };
  }
  if (prev.type === 'question') return { title: prev.question.text, lines: [prev.question, ...prev.answers], source: prev.question.source };
  if (prev.type === 'paragraph' || prev.type === 'list') {
    const lines = textLines([prev]);
    // The statement may start at the heading above: keep the paragraph, it is what is asked.
    return lines.length ? { title: lines[0].text, lines, source: lines[0].source } : null;
  }
  if (prev.type === 'heading') return { title: prev.text, lines: [{ text: prev.text, source: prev.source }], source: prev.source };
  return null;
}

/** Keys by question number go to the waiting lettered questions (by number, else in order). */
function settleKeys(walk: BlockWalk, keys: Map<number, number[]>, source: SourcePosition): void {
  const waiting = walk.state.unkeyed;
  const ordered = [...keys.entries()];
  let used = 0;
  walk.state.unkeyed = [];
  waiting.forEach((q, n) => {
    const key = q.number !== null && keys.has(q.number) ? keys.get(q.number)! : ordered[n]?.[1];
    if (!key) {
      walk.state.unkeyed.push(q);
      return;
    }
    used++;
    addKeyed(walk, q.stem, q.options, key, q.source, q.section);
  });
  if (used < waiting.length) walk.state.read.warn(`the correction gives ${keys.size} key(s) for ${waiting.length} questions: the others stay question/answer pairs`, source, 'correction-missing-keys');
}
