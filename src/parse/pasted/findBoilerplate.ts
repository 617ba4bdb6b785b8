import { STRONG_PATTERNS, WEAK_WORDS } from './boilerplateLexicon.js';
import { isDateLine, matchNumberedHeading } from './matchBareHeading.js';

/** Longest line the classifier looks at in full; beyond it only the head and tail are read. */
const MAX_SCAN = 2000;
/** Share of the document, at each end, where boilerplate is more likely (jusText's "edges"). */
const EDGE_SHARE = 0.2;
/** How far (in non-blank lines) a boilerplate neighbour still counts. */
const NEIGHBOUR_REACH = 2;
const SANDWICH_REACH = 3;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_GLOBAL = /[\u3400-\u9fff\uf900-\ufaff]/g;

const WEAK_LIST = Object.values(WEAK_WORDS)
  .flat()
  .filter((w, i, all) => all.indexOf(w) === i);
const CJK_WEAK = WEAK_LIST.filter((w) => CJK.test(w));
/** Latin-script weak words of one word, looked up per word of the line. */
const LATIN_WORDS = new Set(WEAK_LIST.filter((w) => !CJK.test(w) && !/\s/.test(w)).map((w) => w.toLowerCase()));
/** Latin-script weak phrases (`sign up`, `paste your`): few, looked for as whole words. */
const LATIN_PHRASES = WEAK_LIST.filter((w) => !CJK.test(w) && /\s/.test(w)).map((w) => ({ word: w.toLowerCase(), re: new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu') }));
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function scanText(line: string): string {
  return line.length <= MAX_SCAN ? line : `${line.slice(0, MAX_SCAN / 2)} ${line.slice(-MAX_SCAN / 2)}`;
}

function weakWords(line: string): string[] {
  const seen = new Set<string>();
  if (/[\p{Script=Latin}]/u.test(line)) {
    const lower = line.toLowerCase();
    for (const m of lower.matchAll(WORD)) if (LATIN_WORDS.has(m[0])) seen.add(m[0]);
    for (const p of LATIN_PHRASES) if (lower.includes(p.word) && p.re.test(line)) seen.add(p.word);
  }
  if (CJK.test(line)) for (const w of CJK_WEAK) if (line.includes(w)) seen.add(w.toLowerCase());
  return [...seen];
}

/**
 * The strong patterns joined per set of flags: one pass tells whether any of them matches, which
 * most lines of notes never do; only then are they tried one by one for the reason.
 */
const ANY_STRONG = [...new Set(STRONG_PATTERNS.map((p) => p.pattern.flags))].map(
  (flags) => new RegExp(STRONG_PATTERNS.filter((p) => p.pattern.flags === flags).map((p) => `(?:${p.pattern.source})`).join('|'), flags),
);

function strongReason(line: string): string | null {
  if (!ANY_STRONG.some((re) => re.test(line))) return null;
  for (const { pattern, reason } of STRONG_PATTERNS) if (pattern.test(line)) return reason;
  return null;
}

/**
 * Page counters and field codes mark page breaks inside the content: they are dropped, but say
 * nothing about the lines around them.
 */
const ISOLATED_REASONS = new Set(['page counter', 'page field code', 'table-of-contents field code', 'repeated header or footer', 'date stamp']);
/** `1.`, `2、`, `(3)`, `一、`, `第二章`: numbered content. */
const NUMBERED = /^\s*(?:\d{1,3}\s*[.、．)]|[（(]\s*\d{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|第\s*[一二三四五六七八九十\d]{1,4}\s*[章节部分])/u;
/** Lines at each end of a document where a date alone is a date stamp. */
const DATE_EDGE = 3;

/** A short line without sentence punctuation: a UI label, a counter, a name — or a heading. */
function isDoubtful(line: string): boolean {
  const t = line.trim();
  if (/[.。!！?？;；…]$/.test(t)) return false;
  if (/[:：=]\s*\S/.test(t) || /[├└│|→]/.test(t)) return false;
  const cjk = (t.match(CJK_GLOBAL) ?? []).length;
  if (cjk > 0) return [...t].length <= 16;
  return t.split(/\s+/).length <= 6 && t.length <= 60;
}

/** `Home | Courses | Blog | Contact`: three or more one-to-three-word links in a row, as in a menu bar. */
function isMenuLine(line: string): boolean {
  const t = line.trim();
  if (t.length > 200 || /^\|/.test(t)) return false;
  const parts = t.split(/\s+[|·•]\s+/);
  return parts.length >= 3 && parts.every((p) => p.length > 0 && p.split(/\s+/).length <= 3 && !/[.。:：]$/.test(p));
}

function repeatKey(line: string): string {
  return line.trim().replace(/\d+/g, '0').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Which lines of pasted notes are site boilerplate, each with its reason. Strong patterns decide
 * alone; weak vocabulary needs a second word at the document's edges, repetition, or a boilerplate
 * neighbour, and words the notes use throughout do not count; short doubtful lines between
 * boilerplate lines follow their neighbours.
 * The first line that survives is kept whatever its neighbours: it is usually the document's title.
 */
export function findBoilerplate(lines: readonly string[]): Map<number, string> {
  const bad = new Map<number, string>();
  const kept: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '') kept.push(i);
  const n = kept.length;
  if (n === 0) return bad;

  const text = kept.map((i) => scanText(lines[i]));
  const words = text.map(weakWords);
  const strong = text.map(strongReason);
  const keys = text.map(repeatKey);
  const repeats = new Map<string, number>();
  for (const k of keys) repeats.set(k, (repeats.get(k) ?? 0) + 1);
  const isBad = new Array<boolean>(n).fill(false);
  /** Bad lines that count as evidence for their neighbours. */
  const spreads = new Array<boolean>(n).fill(false);
  const mark = (k: number, reason: string) => {
    isBad[k] = true;
    spreads[k] = !ISOLATED_REASONS.has(reason);
    bad.set(kept[k], reason);
  };

  for (let k = 0; k < n; k++) if (strong[k]) mark(k, strong[k]!);
  // A date alone on a line among the first or last lines is when the page was saved, not a fact.
  for (let k = 0; k < n; k++) if (!isBad[k] && (k < DATE_EDGE || k >= n - DATE_EDGE) && isDateLine(text[k])) mark(k, 'date stamp');

  // Vocabulary the notes themselves use (notes about websites say 网站, notes about apps say
  // "download") is topical: a word found in two lines of the middle of the document counts for nothing.
  const isEdge = (k: number) => k < n * EDGE_SHARE || k >= n * (1 - EDGE_SHARE);
  const middleCount = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    if (isEdge(k) || strong[k]) continue;
    for (const w of new Set(words[k])) middleCount.set(w, (middleCount.get(w) ?? 0) + 1);
  }
  const weak = words.map((ws, k) => ws.filter((w) => (middleCount.get(w) ?? 0) < 2).length + (isMenuLine(text[k]) ? 2 : 0));
  // The line after a kept question is its answer, whatever words it uses; a numbered line is content
  // whatever its neighbours (only its own evidence can drop it).
  const answer = text.map((t, k) => (k > 0 && !strong[k - 1] && /[?？]\s*$/.test(text[k - 1])) || NUMBERED.test(t));

  for (let k = 0; k < n; k++) {
    if (isBad[k] || answer[k]) continue;
    const t = text[k];
    const count = repeats.get(keys[k]) ?? 1;
    // Weak words alone only decide at the edges, where jusText finds most boilerplate.
    if (weak[k] >= 2 && isEdge(k)) mark(k, 'site or app vocabulary');
    else if (weak[k] >= 2 && count >= 2) mark(k, 'repeated promotional line');
    else if (count >= 3 && /\d/.test(t) && t.length <= 80 && isDoubtful(t)) mark(k, 'repeated header or footer');
  }

  const near = (k: number, reach: number, dir: -1 | 1) => {
    for (let d = 1; d <= reach; d++) {
      const j = k + d * dir;
      if (j < 0 || j >= n) return false;
      if (spreads[j]) return true;
    }
    return false;
  };

  for (let changed = true, round = 0; changed && round < 8; round++) {
    changed = false;
    for (let k = 0; k < n; k++) {
      if (isBad[k] || weak[k] === 0 || answer[k]) continue;
      if (near(k, NEIGHBOUR_REACH, -1) || near(k, NEIGHBOUR_REACH, 1)) {
        mark(k, 'site vocabulary next to boilerplate');
        changed = true;
      }
    }
  }

  const firstKept = isBad.indexOf(false);
  const edgeWithin = (k: number, dir: -1 | 1) => (dir < 0 ? k < SANDWICH_REACH : n - 1 - k < SANDWICH_REACH);
  for (let changed = true, round = 0; changed && round < 8; round++) {
    changed = false;
    for (let k = 0; k < n; k++) {
      if (isBad[k] || k === firstKept || !isDoubtful(text[k]) || matchNumberedHeading(text[k])) continue;
      const before = near(k, SANDWICH_REACH, -1);
      const after = near(k, SANDWICH_REACH, 1);
      if ((before && after) || (before && edgeWithin(k, 1)) || (after && edgeWithin(k, -1))) {
        mark(k, 'short line between boilerplate lines');
        changed = true;
      }
    }
  }
  return bad;
}
