import { isTitleLike, matchNumberedHeading } from '../../pasted/matchBareHeading.js';
import { stripInline } from '../../stripInline.js';
import type { LineStretch } from '../LineStretch.js';
import type { LineRule } from '../Rule.js';

/** `Titre ........ 12`, `第一部分客户关系概述 2`, `1.2 Les acteurs 5`: a title and the page it starts on. */
const ENTRY = /^(.{2,100}?)([ \t.·…_‥-]*)(\d{1,3})$/u;
const LEADERS = /[.·…_‥]{3,}|…/u;
const TOC_TITLE = /^(?:table des matières|sommaire|contents|table of contents|inhaltsverzeichnis|índice|目录|目 录|目次)\s*[:：]?$/iu;

interface Entry {
  title: string;
  page: number;
  leaders: boolean;
}

function entry(line: string): Entry | null {
  // An entry ends with its page number: most lines do not, and are passed over at once.
  if (!/\d[ \t]*$/.test(line)) return null;
  const text = stripInline(line).trim();
  const m = ENTRY.exec(text);
  if (!m) return null;
  const title = m[1].trim();
  if (!/[\p{L}]/u.test(title) || (!m[2] && !/[\p{Script=Han}]$/u.test(title))) return null;
  if (!matchNumberedHeading(title) && !isTitleLike(title)) return null;
  return { title, page: Number(m[3]), leaders: LEADERS.test(m[2]) };
}

/**
 * A table of contents pasted with the notes: its entries name chapters and pages, and would
 * otherwise become headings with nothing under them. Dropped with a reason: a title with dotted
 * leaders and a page number, a run of numbered chapter titles with page numbers, a run of titles
 * with rising page numbers, or a run of numbered chapter titles each repeated later as a heading.
 */
export const tableOfContents: LineRule = {
  name: 'table-of-contents',
  stage: 'lines',
  scan(stretch) {
    const n = stretch.length;
    let i = 0;
    while (i < n) {
      const run: number[] = [];
      let j = i;
      for (; j < n; j++) {
        if (stretch.blank(j)) continue;
        if (!entry(stretch.text(j))) break;
        run.push(j);
      }
      const entries = run.map((k) => entry(stretch.text(k))!);
      const rising = entries.every((e, k) => k === 0 || e.page >= entries[k - 1].page);
      const distinct = new Set(entries.map((e) => e.title.replace(/\d+/g, ''))).size === entries.length;
      const isToc =
        entries.some((e) => e.leaders) ||
        (run.length >= 2 && entries.every((e) => matchNumberedHeading(e.title))) ||
        (run.length >= 3 && rising && distinct);
      if (isToc) {
        for (const k of run) stretch.drop(k, 'table of contents');
        const before = stretch.prevNonBlank(run[0]);
        if (before >= 0 && TOC_TITLE.test(stretch.text(before).trim())) stretch.drop(before, 'table of contents');
      }
      i = run.length ? j : i + 1;
    }
    dropRepeatedChapterRuns(stretch);
  },
};

/** How a numbered chapter title starts (`第`, `一、`, `II.`, `1.2`, `Chapitre`, `(一)`): a cheap first test. */
const CHAPTER_START = /^[ \t]*(?:第|[一二三四五六七八九十]|[IVX]{1,5}[.)]|\d|[（(]|chap|part|sect|unit|le[cç]|les|mod|th[eè]m|tema|kap|teil)/iu;

/** Three or more numbered chapter titles in a row, each coming again later: the list of what follows. */
function dropRepeatedChapterRuns(stretch: LineStretch): void {
  const n = stretch.length;
  let later: Map<string, number> | null = null;
  const lastSeen = (text: string) => {
    if (!later) {
      later = new Map();
      for (let k = 0; k < n; k++) {
        const t = stretch.plain(k);
        if (t) later.set(t, k);
      }
    }
    return later.get(text) ?? -1;
  };
  let i = 0;
  while (i < n) {
    const run: number[] = [];
    let j = i;
    for (; j < n && !stretch.dropped(j); j++) {
      if (stretch.blank(j)) continue;
      if (!CHAPTER_START.test(stretch.text(j))) break;
      const h = matchNumberedHeading(stretch.plain(j));
      if (!h || h.style === 'arabic' || h.style === 'paren') break;
      run.push(j);
    }
    const last = run[run.length - 1] ?? -1;
    if (run.length >= 3 && run.every((k) => lastSeen(stretch.plain(k)) > last)) {
      for (const k of run) stretch.drop(k, 'table of contents');
      const before = stretch.prevNonBlank(run[0]);
      if (before >= 0 && TOC_TITLE.test(stretch.text(before).trim())) stretch.drop(before, 'table of contents');
    }
    i = run.length ? j : i + 1;
  }
}
