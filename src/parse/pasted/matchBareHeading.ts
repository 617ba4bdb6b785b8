import { matchSequence } from '../matchSequence.js';
import { LEAD_IN } from './boilerplateLexicon.js';

/**
 * Numbering styles of pasted headings, from the outermost down. A document uses a few of them; the
 * depth of a heading is the rank of its style among those the document actually uses.
 */
export type HeadingStyle = 'part' | 'zh-number' | 'roman' | 'zh-paren' | 'arabic' | 'decimal' | 'paren';
export const STYLE_RANK: Record<HeadingStyle, number> = { part: 1, 'zh-number': 2, roman: 2, 'zh-paren': 3, arabic: 3, decimal: 4, paren: 5 };

export interface NumberedHeading {
  text: string;
  style: HeadingStyle;
  /** Extra depth inside a style: `1.2.3` is two below `1`. */
  sublevel: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const ZH_NUM = '[一二三四五六七八九十百零〇两]';
const PART = new RegExp(`^第\\s*(?:${ZH_NUM}{1,4}|\\d{1,3})\\s*[部分章节篇编讲课单元回]+`, 'u');
const PART_WORD = /^(?:chapitre|chapter|partie|part|section|kapitel|teil|capítulo|capitulo|parte|unité|unit|leçon|lesson|module|thème|theme|tema)\s+(?:\d{1,3}|[IVXLC]{1,6})\b/iu;
const ZH_NUMBER = new RegExp(`^${ZH_NUM}{1,3}\\s*[、.．]\\s*\\S`, 'u');
const ROMAN = /^(?:[IVX]{1,5})[.)]\s+\S/u;
const ZH_PAREN = new RegExp(`^[（(]\\s*${ZH_NUM}{1,3}\\s*[)）]\\s*\\S`, 'u');
const DECIMAL = /^(\d{1,3}(?:\.\d{1,3}){1,4})\.?\s*(?=\S)(?!\d)/u;
const ARABIC = /^\d{1,3}\s*[.、．]\s*(?=\S)(?!\d)/u;
const PAREN = /^[（(]\s*\d{1,3}\s*[)）]\s*\S/u;

function textLength(line: string): number {
  const cjk = (line.match(CJK) ?? []).length;
  return cjk > 0 ? [...line].length : line.split(/\s+/).length * 5;
}

/** Heading-sized: at most about 40 CJK characters or 10 words, no sentence ending. */
function headingSized(text: string): boolean {
  if (text.length > 120 || /[。！!；;,，]$/.test(text)) return false;
  if (/[.]$/.test(text) && !/\b[A-Z]\.$|\.\.\.$/.test(text)) return false;
  return textLength(text) <= 50;
}

/** `第一部分`, `Chapitre 2`, `一、`, `II.`, `（一）`, `1.2`, `(1)` and `1.` headings (the last two weak). */
export function matchNumberedHeading(line: string): NumberedHeading | null {
  const text = line.trim();
  if (!headingSized(text) || /[?？]$/.test(text)) return null;
  if (PART.test(text) || PART_WORD.test(text)) return { text, style: 'part', sublevel: 0 };
  if (ZH_NUMBER.test(text)) return { text, style: 'zh-number', sublevel: 0 };
  if (ROMAN.test(text)) return { text, style: 'roman', sublevel: 0 };
  if (ZH_PAREN.test(text)) return { text, style: 'zh-paren', sublevel: 0 };
  const dec = DECIMAL.exec(text);
  if (dec) return { text, style: 'decimal', sublevel: dec[1].split('.').length - 2 };
  if (ARABIC.test(text)) return { text, style: 'arabic', sublevel: 0 };
  if (PAREN.test(text)) return { text, style: 'paren', sublevel: 0 };
  return null;
}

/** Styles that are as often list numbering as headings; the caller checks the lines around them. */
export function isWeakStyle(style: HeadingStyle): boolean {
  return style === 'arabic' || style === 'paren';
}

/**
 * `Origins & Evolution:` — a short line ending in a colon with nothing after it. Lead-ins that
 * announce a list (`客户和消费者的区别如下:`, `The steps are as follows:`) and sentences are not headings.
 */
export function matchColonHeading(line: string): string | null {
  const text = line.trim();
  if (text.length > 120) return null;
  const m = /^(.+?)\s*[:：]$/u.exec(text);
  if (!m) return null;
  const body = m[1].trim();
  if (!/[\p{L}\p{N}]/u.test(body) || /[:：]/.test(body) || /[。.!！?？;；]$/.test(body)) return null;
  if (LEAD_IN.test(body)) return null;
  const cjk = (body.match(CJK) ?? []).length;
  if (cjk > 0 ? [...body].length > 20 : body.split(/\s+/).length > 8) return null;
  return body;
}

const MONTHS = 'jan|feb|fév|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|aoû|aou|sep|oct|nov|dec|déc|ene|abr|ago|dic|mär|okt|dez';
const DATE = new RegExp(
  `^(?:(?:lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun)\\p{L}*\\.?,?\\s+)?(?:\\d{1,2}(?:er)?\\s+(?:${MONTHS})\\p{L}*\\.?\\s+\\d{4}|(?:${MONTHS})\\p{L}*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?)(?:[ T]\\d{1,2}[:h]\\d{2}(?::\\d{2})?)?$`,
  'iu',
);

export function isDateLine(line: string): boolean {
  return DATE.test(line.trim());
}

/** Card and cloze syntax in a raw line: such a line is an item, never a title or a heading. */
export function hasCardSyntax(raw: string): boolean {
  return /==\S|\{\{c\d+::/.test(raw) || raw.replace(/\{\{c\d+::/g, '').includes('::');
}

/**
 * A line shaped like a title: short, no sentence or clause punctuation at its end, no flow, table,
 * tree, formula or `Term — definition` in it, starting with a capital, a digit or a caseless script.
 */
export function isTitleLike(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 80 || isDateLine(t)) return false;
  if (/[.。!！?？;；,，:：、…]$/u.test(t)) return false;
  if (/[→⇒⟶|├└│─=]|->|\s[—–-]\s|::|[:：]\s*\S/.test(t) || matchSequence(t)) return false;
  if (!/^[\p{Lu}\p{Lo}\p{N}«"“‘(（【]/u.test(t)) return false;
  const cjk = (t.match(CJK) ?? []).length;
  if (cjk > 0) return [...t].length <= 20 && !/[，,。]/.test(t);
  return t.split(/\s+/).length <= 8 && /\p{L}/u.test(t);
}
