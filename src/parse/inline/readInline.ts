import type { Inline } from '../../model/Inline.js';
import { restoreLiterals } from '../protectLiterals.js';
import { stripInline } from '../stripInline.js';
import { findBareTex } from './findBareTex.js';
import { resolveImage } from './resolveImage.js';

export interface InlineRead {
  /** The plain text of the field (what stripInline gives, formulas kept as `$…$`). */
  plain: string;
  /** The field as typed content; null when it is plain text only. */
  rich: Inline[] | null;
}

/** Private-use characters standing for the spans set aside while the markup is stripped. */
const SLOT_BASE = 0xe200;
const MAX_SLOTS = 0xe800 - SLOT_BASE;
const SLOT = /[\ue200-\ue7ff]/;
/** Characters that can open a span this reader sets aside: anything else is plain text already. */
const OPENERS = /[`$\\!<]/;
const IMAGE = /!\[([^\]]{0,500})\]\(\s*(<[^<>\n]{0,2000}>|(?:[^()\s]|\([^()\s]{0,500}\)){0,2000})(?:\s+(?:"[^"]{0,500}"|'[^']{0,500}'))?\s*\)/y;
const WIKI_IMAGE = /!\[\[([^\]|\n]{1,200}?\.(?:png|jpe?g|gif|svg|webp))(?:\|([^\]\n]{0,200}))?\]\]/iy;
const HTML_IMAGE = /<img\b([^>]{0,600})>/iy;
const ATTRIBUTE = /([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
/** Longest formula or code span looked for: a longer one is text (and keeps scanning linear). */
const MAX_SPAN = 5000;

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return HTML_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Where closing `$` of inline maths may be: not after a blank, not escaped, not before a digit
 * (`$5 and $10` is money), not part of `$$`. Listed once, so finding the closer of each opener is
 * a walk along this list and the whole scan stays linear.
 */
function dollarClosers(text: string): number[] {
  const closers: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== '$' || text[i - 1] === '$' || text[i + 1] === '$') continue;
    if (/\s/.test(text[i - 1]) || text[i - 1] === '\\' || /[0-9]/.test(text[i + 1] ?? '')) continue;
    closers.push(i);
  }
  return closers;
}

/**
 * Where each closing mark is, found once per field: a span's closer is the first one past its
 * opener, and openers come left to right, so each list is walked once (no rescan from every
 * unmatched opener).
 */
class Closers {
  private readonly lists = new Map<string, { at: number[]; next: number }>();
  private readonly runs = new Map<number, { at: number[]; next: number }>();

  constructor(private readonly text: string) {}

  /** First index ≥ from where `mark` starts, or -1. */
  after(mark: string, from: number): number {
    let list = this.lists.get(mark);
    if (!list) {
      const at: number[] = [];
      for (let k = this.text.indexOf(mark); k >= 0; k = this.text.indexOf(mark, k + mark.length)) at.push(k);
      list = { at, next: 0 };
      this.lists.set(mark, list);
    }
    while (list.next < list.at.length && list.at[list.next] < from) list.next++;
    return list.at[list.next] ?? -1;
  }

  /** First run of exactly n backticks starting at or after `from`, or -1. */
  run(n: number, from: number): number {
    if (this.runs.size === 0) {
      for (let k = 0; k < this.text.length; ) {
        if (this.text[k] !== '`') {
          k++;
          continue;
        }
        let m = 1;
        while (this.text[k + m] === '`') m++;
        const list = this.runs.get(m) ?? { at: [], next: 0 };
        list.at.push(k);
        this.runs.set(m, list);
        k += m;
      }
    }
    const list = this.runs.get(n);
    if (!list) return -1;
    while (list.next < list.at.length && list.at[list.next] < from) list.next++;
    return list.at[list.next] ?? -1;
  }
}

/**
 * One field of the notes (inline Markdown as written) → its plain text and its typed content:
 * formulas (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`, and obvious TeX written without delimiters), code
 * spans (literal: nothing inside them is a formula), images (`![alt](path)`, `<img src alt>`,
 * Obsidian `![[file.png|alt]]`, resolved against `file`, the notes file relative to the build
 * root). One left-to-right pass; every pattern is bounded.
 */
export function readInline(raw: string, file: string, options: { plain?: boolean } = {}): InlineRead {
  // Text already plain (a rule stripped it): only its formulas are left to find, and it stays as it is.
  const strip = options.plain ? (s: string) => s : stripInline;
  if (options.plain ? !/[$\\^_]/.test(raw) : !OPENERS.test(raw) && !SLOT.test(raw)) return { plain: strip(raw), rich: null };
  const text = options.plain ? raw : restoreLiterals(raw);
  const spans: { inline: Inline; plain: string }[] = [];
  let masked = '';
  let at = 0;
  const closers = dollarClosers(text);
  let nextCloser = 0;
  const later = new Closers(text);
  const set = (from: number, to: number, inline: Inline, plain: string): boolean => {
    if (spans.length >= MAX_SLOTS) return false;
    masked += text.slice(at, from) + String.fromCharCode(SLOT_BASE + spans.length);
    spans.push({ inline, plain });
    at = to;
    return true;
  };

  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (SLOT.test(c)) {
      // A private-use character of the notes themselves must not pass for a slot.
      masked += text.slice(at, i);
      at = i + 1;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '(' || next === '[') {
        const close = later.after(next === '(' ? '\\)' : '\\]', i + 2);
        const tex = close > 0 && close - i < MAX_SPAN ? text.slice(i + 2, close).trim() : '';
        if (tex && set(i, close + 2, next === '[' ? { type: 'math', tex, display: true } : { type: 'math', tex }, next === '[' ? `$$${tex}$$` : `$${tex}$`)) {
          i = close + 2;
          continue;
        }
      }
      i += 2;
      continue;
    }
    if (options.plain && c !== '$' && c !== '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const close = later.run(n, i + n);
      if (close >= 0 && close - i < MAX_SPAN) {
        const inner = text.slice(i + n, close);
        const code = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() ? inner.slice(1, -1) : inner;
        if (code.trim() && set(i, close + n, { type: 'code', code }, code.trim() || code)) {
          i = close + n;
          continue;
        }
      }
      i += n;
      continue;
    }
    if (c === '$') {
      if (text[i + 1] === '$') {
        const close = later.after('$$', i + 2);
        const tex = close > 0 && close - i < MAX_SPAN ? text.slice(i + 2, close).trim() : '';
        if (tex && set(i, close + 2, { type: 'math', tex, display: true }, `$$${tex}$$`)) {
          i = close + 2;
          continue;
        }
        i += 2;
        continue;
      }
      while (nextCloser < closers.length && closers[nextCloser] <= i + 1) nextCloser++;
      const close = closers[nextCloser];
      const opens = text[i + 1] !== undefined && !/\s/.test(text[i + 1]) && (i === 0 || text[i - 1] !== '\\');
      if (opens && close !== undefined && close - i < MAX_SPAN) {
        const tex = text.slice(i + 1, close);
        if (set(i, close + 1, { type: 'math', tex }, `$${tex}$`)) {
          i = close + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === '!' && text[i + 1] === '[') {
      WIKI_IMAGE.lastIndex = i;
      const wiki = text[i + 2] === '[' ? WIKI_IMAGE.exec(text) : null;
      if (wiki) {
        const alias = wiki[2]?.trim() ?? '';
        const alt = alias && !/^\d+(x\d+)?$/.test(alias) ? alias : '';
        if (set(i, i + wiki[0].length, image(wiki[1].trim(), alt, file), alt || baseName(wiki[1]))) {
          i += wiki[0].length;
          continue;
        }
      }
      IMAGE.lastIndex = i;
      const md = IMAGE.exec(text);
      if (md) {
        const src = md[2].replace(/^<|>$/g, '').trim();
        const alt = stripInline(md[1]);
        if (src && set(i, i + md[0].length, image(src, alt, file), alt || baseName(src))) {
          i += md[0].length;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === '<' && (text[i + 1] === 'i' || text[i + 1] === 'I')) {
      HTML_IMAGE.lastIndex = i;
      const tag = HTML_IMAGE.exec(text);
      if (tag) {
        const attributes = new Map<string, string>();
        for (const a of tag[1].matchAll(ATTRIBUTE)) attributes.set(a[1].toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
        const src = attributes.get('src')?.trim() ?? '';
        const alt = (attributes.get('alt') ?? attributes.get('title') ?? '').trim();
        if (src && set(i, i + tag[0].length, image(src, alt, file), alt || baseName(src))) {
          i += tag[0].length;
          continue;
        }
      }
      i++;
      continue;
    }
    i++;
  }
  masked += text.slice(at);

  // TeX pasted without delimiters (`\frac{a}{b}`, `x^{2}`) is read from what is left.
  if (masked.includes('\\') || masked.includes('^{') || masked.includes('_{')) {
    const found = findBareTex(masked);
    if (found.length) {
      let rebuilt = '';
      let last = 0;
      for (const [from, to] of found) {
        if (spans.length >= MAX_SLOTS) break;
        const tex = masked.slice(from, to);
        if (SLOT.test(tex)) continue;
        rebuilt += masked.slice(last, from) + String.fromCharCode(SLOT_BASE + spans.length);
        spans.push({ inline: { type: 'math', tex }, plain: tex });
        last = to;
      }
      masked = rebuilt + masked.slice(last);
    }
  }
  if (spans.length === 0) return { plain: strip(raw), rich: null };
  if (options.plain) {
    // Nothing to strip: spans keep their place in the text as written.
    const rich = splitSlots(masked, spans);
    return { plain: raw, rich };
  }
  const stripped = stripInline(masked);
  const rich: Inline[] = [];
  let plain = '';
  let run = '';
  const flush = () => {
    if (run) rich.push({ type: 'text', text: run });
    run = '';
  };
  for (const ch of stripped) {
    const code = ch.charCodeAt(0);
    if (code >= SLOT_BASE && code < SLOT_BASE + spans.length) {
      const span = spans[code - SLOT_BASE];
      flush();
      rich.push(span.inline);
      plain += span.plain;
    } else {
      run += ch;
      plain += ch;
    }
  }
  flush();
  return { plain: plain.trim(), rich };
}

function splitSlots(masked: string, spans: readonly { inline: Inline }[]): Inline[] {
  const rich: Inline[] = [];
  let run = '';
  for (const ch of masked) {
    const code = ch.charCodeAt(0);
    if (code >= SLOT_BASE && code < SLOT_BASE + spans.length) {
      if (run) rich.push({ type: 'text', text: run });
      run = '';
      rich.push(spans[code - SLOT_BASE].inline);
    } else run += ch;
  }
  if (run) rich.push({ type: 'text', text: run });
  return rich;
}

function baseName(src: string): string {
  const clean = src.split(/[?#]/)[0];
  return clean.slice(clean.lastIndexOf('/') + 1);
}

function image(src: string, alt: string, file: string): Inline {
  const path = resolveImage(src, file);
  return path === null ? { type: 'image', src, alt } : { type: 'image', src, alt, path };
}

/** Plain text of typed content, as readInline writes it: formulas as `$…$`, images as their alt text. */
export function plainOf(content: readonly Inline[]): string {
  let out = '';
  for (const c of content) {
    if (c.type === 'text') out += c.text;
    else if (c.type === 'math') out += c.display ? `$$${c.tex}$$` : `$${c.tex}$`;
    else if (c.type === 'code') out += c.code;
    else out += c.alt || baseName(c.src);
  }
  return out;
}
