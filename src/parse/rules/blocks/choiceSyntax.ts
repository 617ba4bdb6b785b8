import type { Block, SourceLine } from '../../blocks/Block.js';
import { stripNumbering } from '../../pasted/matchQuestionLine.js';
import { stripInline } from '../../stripInline.js';

/** An option written with a letter or a circled number: `a.`, `B)`, `(c)`, `（d）`, `①`. */
const OPTION = /^\s*(?:\(\s*([a-hA-H])\s*\)|（\s*([a-hA-H])\s*）|([a-hA-H])\s*[.)．）](?=\s|$)|([①-⑧]))\s*(.*)$/u;
const KEY_LABEL =
  /^\s*(?:\*\*)?(?:bonnes?\s+réponses?|réponses?|reponses?|correct\s+answers?|answers?|key|clé|solution|respuestas?|soluci[oó]n|lösung|antwort|正确答案|参考答案|答案)(?:\*\*)?\s*[:：]?(?:\*\*)?\s*(.+)$/iu;
const KEY_LETTERS = /^\(?\s*([a-hA-H①-⑧])\s*\)?(?:\s*(?:,|，|、|;|et|and|und|y|&|\+)\s*\(?\s*([a-hA-H①-⑧])\s*\)?){0,7}\s*[.。]?$/u;
const EXPLANATION = /^\s*(?:\*\*)?(?:explanations?|explication|justification|pourquoi|why|feedback|because|car|parce que|解析|解释|说明|理由)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(.*)$/iu;
const CORRECTION_TITLE = /^(?:corrections?|corrigés?|solutions?|réponses?|reponses?|answers?|answer key|solución|soluciones|lösungs?|lösungen|antworten?|答案|参考答案|解析|解答)(?![\p{L}\p{N}])/iu;
const CORRECTION_LABELS = new Set(['success', 'check', 'done', 'answer', 'answers', 'solution', 'correction', 'corrige', 'corrigé', 'reponse', 'réponse']);

export interface OptionLine {
  /** 0 for a/A/①, 1 for b/B/②, … */
  index: number;
  text: string;
}

export function matchOption(line: string): OptionLine | null {
  const m = OPTION.exec(line);
  if (!m || !m[5]?.trim()) return null;
  const letter = m[1] ?? m[2] ?? m[3];
  return { index: letter ? letter.toLowerCase().charCodeAt(0) - 97 : m[4].charCodeAt(0) - 0x2460, text: m[5].trim() };
}

/** The option indexes an answer key names: `Réponse : b`, `Answer: B, D`, `答案：C`. Null if not a key line. */
export function matchAnswerKey(line: string): number[] | null {
  const m = KEY_LABEL.exec(stripInline(line));
  if (!m) return null;
  const letters = KEY_LETTERS.exec(m[1].trim());
  if (!letters) return null;
  return [...m[1].matchAll(/[a-hA-H①-⑧]/gu)].map((x) => keyIndex(x[0])).filter((k, i, all) => all.indexOf(k) === i);
}

export function keyIndex(letter: string): number {
  return /[①-⑧]/u.test(letter) ? letter.charCodeAt(0) - 0x2460 : letter.toLowerCase().charCodeAt(0) - 97;
}

/** The text after an `Explanation:` label, as written; null when the line has no such label. */
export function matchExplanation(line: string): string | null {
  const m = EXPLANATION.exec(line);
  return m ? m[1].trim() : null;
}

/**
 * Options in a run of lines: at least two, lettered in order from the first letter. Returns the
 * options and the index of the line after them.
 */
export function readOptions(lines: readonly SourceLine[], from: number): { options: OptionLine[]; end: number } | null {
  const options: OptionLine[] = [];
  let j = from;
  for (; j < lines.length; j++) {
    const option = matchOption(lines[j].text);
    if (!option || option.index !== options.length) break;
    options.push(option);
  }
  return options.length >= 2 ? { options, end: j } : null;
}

/** A question as written, without its numbering (`Q3.`, `3)`, `**2.**`, `Question 2 :`). */
export function cleanStem(text: string): string {
  return stripNumbering(text).replace(/^Question\s+\d{1,3}\s*[:.)-]\s*/i, '').trim();
}

/** `1. b  2. c`, `1-B, 2-D`, `1) a` — an answer key by question number. Null unless every part is one. */
export function matchKeyList(text: string): Map<number, number[]> | null {
  const parts = [...stripInline(text).matchAll(/(\d{1,3})\s*[.)\-:–]\s*([a-hA-H①-⑧](?:\s*[,&]\s*[a-hA-H①-⑧])*)(?![\p{L}\p{N}])/gu)];
  if (parts.length === 0) return null;
  const rest = stripInline(text).replace(/(\d{1,3})\s*[.)\-:–]\s*([a-hA-H①-⑧](?:\s*[,&]\s*[a-hA-H①-⑧])*)(?![\p{L}\p{N}])/gu, '').replace(/[\s,;|/·]+/g, '');
  if (rest && !KEY_LABEL.test(rest)) return null;
  const keys = new Map<number, number[]>();
  for (const p of parts) keys.set(Number(p[1]), [...p[2].matchAll(/[a-hA-H①-⑧]/gu)].map((x) => keyIndex(x[0])));
  return keys;
}

export function isCorrection(block: Block): boolean {
  if (block.type !== 'container' || block.kind === 'quote') return false;
  return CORRECTION_TITLE.test(block.title) || (block.title === '' && CORRECTION_LABELS.has(block.label));
}

/** Every line of text in blocks, in order: what a correction answers or an exercise asks. */
export function textLines(blocks: readonly Block[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        out.push(...b.lines);
        break;
      case 'question':
        out.push(b.question, ...b.answers);
        break;
      case 'list':
        for (const item of b.items) {
          // Numbers and letters carry meaning here (`1. b`, `a) …`); bullets do not.
          const marked = /^[\p{L}\p{N}(（]/u.test(item.marker) && item.lines.length ? [{ ...item.lines[0], text: `${item.marker} ${item.lines[0].text}` }, ...item.lines.slice(1)] : item.lines;
          out.push(...marked, ...textLines(item.children));
        }
        break;
      case 'table':
        out.push({ text: b.header.join(' | '), source: b.source }, ...b.rows.map((r) => ({ text: r.join(' | '), source: b.source })));
        break;
      case 'code':
        out.push(...b.text.split('\n').filter((l) => l.trim()).map((text) => ({ text: `\`${text}\``, source: b.source })));
        break;
      case 'container':
        out.push(...textLines(b.children));
        break;
      case 'heading':
        out.push({ text: b.text, source: b.source });
        break;
      default:
        break;
    }
  }
  return out;
}
