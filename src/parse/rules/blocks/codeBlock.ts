import type { Inline } from '../../../model/Inline.js';
import type { Block } from '../../blocks/Block.js';
import { readInline } from '../../inline/readInline.js';
import { isQuestionText } from '../../matchQa.js';
import { matchQuestionLine } from '../../pasted/matchQuestionLine.js';
import { stripInline } from '../../stripInline.js';
import type { BlockRule } from '../Rule.js';

/** Lead-ins that only label what follows: the block belongs to the item above, not to a card of its own. */
const LABEL = /^(?:exemples?|examples?|e\.g\.?|ex\.?|code|sortie|output|résultat|resultats?|results?|solution|corrigé|syntaxe|syntax|usage|utilisation|demo|démo|illustration|figure|schéma|schema|diagramme|diagram|例如|例子|示例|代码|输出|结果)$/iu;

/** A code block (or a `math` block) as typed content. */
function blockContent(block: Block, file: string): Inline[] | null {
  if (block.type === 'code') {
    if (block.lang === 'math') return block.text.trim() ? [{ type: 'math', tex: block.text.trim(), display: true }] : null;
    if (!block.text.trim()) return null;
    const lang = block.lang?.trim().split(/[\s{]/)[0].toLowerCase();
    return [lang ? { type: 'code', code: block.text, lang, block: true } : { type: 'code', code: block.text, block: true }];
  }
  if (block.type === 'paragraph') {
    // A paragraph of nothing but images is a figure.
    if (!block.lines.some((l) => /!\[|<img/i.test(l.text))) return null;
    const read = readInline(block.lines.map((l) => l.text).join(' '), file);
    if (!read.rich?.some((c) => c.type === 'image') || read.rich.some((c) => c.type !== 'image' && !(c.type === 'text' && !c.text.trim()))) return null;
    const line = block.lines[0].source.line;
    return read.rich.filter((c) => c.type === 'image').map((c) => ({ ...c, line }));
  }
  return null;
}

/** First line of a block, to tell whether the item made last came from it. */
function firstLine(block: Block | undefined): number | null {
  if (!block) return null;
  switch (block.type) {
    case 'paragraph':
      return block.lines[0]?.source.line ?? null;
    case 'question':
      return block.question.source.line;
    case 'list':
    case 'table':
    case 'container':
      return block.source.line;
    case 'tree':
      return block.root.source.line;
    default:
      return null;
  }
}

/**
 * A code block (or a `$$` / ```` ```math ```` block, or a paragraph of images) belongs to the item
 * just above it: the answer of a question (a question heading, a question line, a pair made from the
 * paragraph above), a definition's example or figure. Under a prompt (`Pour inverser une liste :`,
 * `How do you reverse a list?`) that made no item, the prompt and the block are a card. Elsewhere it
 * goes with the last item of its section, or stands on its own (a paragraph), never dropped.
 */
export const codeBlock: BlockRule = {
  name: 'code-block',
  stage: 'blocks',
  apply(walk, i) {
    const block = walk.blocks[i];
    const content = blockContent(block, walk.builder.doc.file);
    if (!content) return 0;
    const builder = walk.builder;
    const source = block.type === 'paragraph' ? block.lines[0].source : block.type === 'code' ? block.source : { line: 1, column: 1 };
    if (walk.state.pending) {
      walk.state.pending.answers.push(content);
      return 1;
    }
    const prev = walk.blocks[i - 1];
    const from = firstLine(prev);
    const last = builder.last;
    // A prompt line that made no item of its own (`Pour inverser une liste :`, `How …?`) and the block are a card.
    if (prev?.type === 'paragraph') {
      const line = prev.lines[prev.lines.length - 1];
      const plain = stripInline(line.text).trim();
      const prompt = /[:：]$/.test(plain) ? line.text.trim().replace(/\s*[:：]$/, '') : matchQuestionLine(plain) !== null || isQuestionText(plain) ? line.text.trim() : null;
      const used = last !== null && last.item.source.line === line.source.line && last.kind !== 'paragraph';
      if (prompt && !used && !LABEL.test(stripInline(prompt).trim()) && builder.addQa(prompt, [content], line.source)) return 1;
    }
    if (last && from !== null && last.item.source.line >= from) {
      if (last.kind === 'qa') builder.addAnswer(last.item as Parameters<typeof builder.addAnswer>[0], content);
      else builder.attach(last.item, content);
      return 1;
    }
    if (last) builder.attach(last.item, content);
    else builder.addFigure(content, source, source.line + (block.type === 'code' ? block.text.split('\n').length : block.type === 'paragraph' ? block.lines.length - 1 : 0));
    return 1;
  },
};
