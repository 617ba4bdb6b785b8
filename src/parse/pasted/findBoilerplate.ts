import { STRONG_PATTERNS, WEAK_WORDS } from './boilerplateLexicon.js';

/** Longest line the classifier looks at in full; beyond it only the head and tail are read. */
const MAX_SCAN = 2000;
/** Share of the document, at each end, where boilerplate is more likely (jusText's "edges"). */
const EDGE_SHARE = 0.2;
/** How far (in non-blank lines) a boilerplate neighbour still counts. */
const NEIGHBOUR_REACH = 2;
const SANDWICH_REACH = 3;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_GLOBAL = /[\u3400-\u9fff\uf900-\ufaff]/g;

interface WeakMatcher {
  word: string;
  test: (line: string) => boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WEAK_MATCHERS: WeakMatcher[] = Object.values(WEAK_WORDS)
  .flat()
  .filter((w, i, all) => all.indexOf(w) === i)
  .map((word) => {
    if (CJK.test(word)) return { word, test: (line: string) => line.includes(word) };
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu');
    return { word, test: (line: string) => re.test(line) };
  });

function scanText(line: string): string {
  return line.length <= MAX_SCAN ? line : `${line.slice(0, MAX_SCAN / 2)} ${line.slice(-MAX_SCAN / 2)}`;
}

function weakHits(line: string): number {
  const seen = new Set<string>();
  for (const m of WEAK_MATCHERS) if (m.test(line)) seen.add(m.word.toLowerCase());
  // "VIP" and "vip" are one word; a Chinese compound containing a shorter entry counts once.
  return seen.size;
}

function strongReason(line: string): string | null {
  for (const { pattern, reason } of STRONG_PATTERNS) if (pattern.test(line)) return reason;
  return null;
}

/**
 * Page counters and field codes mark page breaks inside the content: they are dropped, but say
 * nothing about the lines around them.
 */
const ISOLATED_REASONS = new Set(['page counter', 'page field code', 'table-of-contents field code']);

/** A short line without sentence punctuation: a UI label, a counter, a name — or a heading. */
function isDoubtful(line: string): boolean {
  const t = line.trim();
  if (/[.。!！?？;；…]$/.test(t)) return false;
  if (/[:：=]\s*\S/.test(t) || /[├└│|→]/.test(t)) return false;
  const cjk = (t.match(CJK_GLOBAL) ?? []).length;
  if (cjk > 0) return [...t].length <= 16;
  return t.split(/\s+/).length <= 6 && t.length <= 60;
}

function repeatKey(line: string): string {
  return line.trim().replace(/\d+/g, '0').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Which lines of pasted notes are site boilerplate, each with its reason. Strong patterns decide
 * alone; weak vocabulary needs a second word (three in the middle of the document), a boilerplate
 * neighbour or repetition; short doubtful lines between boilerplate lines follow their neighbours.
 * The first line that survives is kept whatever its neighbours: it is usually the document's title.
 */
export function findBoilerplate(lines: readonly string[]): Map<number, string> {
  const bad = new Map<number, string>();
  const kept: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '') kept.push(i);
  const n = kept.length;
  if (n === 0) return bad;

  const text = kept.map((i) => scanText(lines[i]));
  const weak = text.map(weakHits);
  const repeats = new Map<string, number>();
  for (const t of text) repeats.set(repeatKey(t), (repeats.get(repeatKey(t)) ?? 0) + 1);
  const isBad = new Array<boolean>(n).fill(false);
  /** Bad lines that count as evidence for their neighbours. */
  const spreads = new Array<boolean>(n).fill(false);
  const mark = (k: number, reason: string) => {
    isBad[k] = true;
    spreads[k] = !ISOLATED_REASONS.has(reason);
    bad.set(kept[k], reason);
  };

  for (let k = 0; k < n; k++) {
    const t = text[k];
    const strong = strongReason(t);
    if (strong) {
      mark(k, strong);
      continue;
    }
    const atEdge = k < n * EDGE_SHARE || k >= n * (1 - EDGE_SHARE);
    const count = repeats.get(repeatKey(t)) ?? 1;
    if (weak[k] >= (atEdge ? 2 : 3)) mark(k, 'site or app vocabulary');
    else if (weak[k] >= 1 && count >= 2) mark(k, 'repeated promotional line');
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
      if (isBad[k] || weak[k] === 0) continue;
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
      if (isBad[k] || k === firstKept || !isDoubtful(text[k])) continue;
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
