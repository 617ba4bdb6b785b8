import { normaliseKey } from '../../model/makeItemId.js';
import type { FormulaVariable, OutlineNode, SourcePosition } from '../../model/StudyDocument.js';
import type { DocumentBuilder } from '../DocumentBuilder.js';
import type { PreparedText } from '../PreparedText.js';
import { matchCloze } from '../matchCloze.js';
import { matchDefinition } from '../matchDefinition.js';
import { matchFormula, matchLegend } from '../matchFormula.js';
import { matchAnswerLabel, matchInlineQa, matchQuestionLabel } from '../matchQa.js';
import { matchSequence } from '../matchSequence.js';
import { stripInline } from '../stripInline.js';
import { isDateLine, isTitleLike, isWeakStyle, matchColonHeading, matchNumberedHeading, STYLE_RANK, type HeadingStyle } from './matchBareHeading.js';
import { matchChineseDefinition } from './matchChineseDefinition.js';
import { matchDefinitionCard, matchQuestionLine } from './matchQuestionLine.js';
import { matchTreeLine, nestByColumn, type PlacedLine } from './readDrawnTree.js';
import { isTermList, readPipeTable, readTabTable } from './readGluedTable.js';

/**
 * `BIO 101 – Lecture 3: Cell Division`: on the first line, a dash or colon followed by a capitalised
 * part is a title and its subtitle, not a term and its definition (those go on in lower case).
 */
function isTitleWithSubtitle(text: string): boolean {
  if (text.length > 100 || /[.。!！?？;；,，]$/.test(text) || text.split(/\s+/).length > 10) return false;
  const parts = text.split(/\s+[—–-]\s+|[:：]\s+/);
  return parts.length >= 2 && parts.slice(1).every((p) => /^[\p{Lu}\p{N}]/u.test(p)) && /^[\p{Lu}\p{N}]/u.test(parts[0]);
}

/** Lines longer than this are prose or garbage, never a heading, row, tree line or item. */
const MAX_ITEM_LINE = 5000;

const ATX = /^ {0,3}(#{1,6})[ \t]+(\S.*)$/;
/** Bullets people paste: Markdown markers, typographic bullets, `1.`, `1)`, `1、`, `a)`, `(1)`, `①`. */
const BULLET = /^([ \t\u3000]*)(?:[-*+](?=\s)|[•·▪●◦‣○■□➢►▶✓✔※→](?=\s?)|\d{1,3}[.)、．](?!\d)|[a-zA-Z][.)](?=\s)|[（(]\d{1,3}[)）]|[①-⑳])\s*(\S.*)$/u;

/**
 * Word processors mark list levels with glyphs (● then ○ then ■) and pasting drops the indentation:
 * the glyph gives the level back.
 */
function glyphLevel(marker: string | undefined): number {
  if (marker === '○' || marker === '◦') return 1;
  if (marker === '■' || marker === '▪' || marker === '□') return 2;
  return 0;
}

interface OpenHeading {
  depth: number;
  plain: boolean;
}

interface AnswerLine {
  index: number;
  text: string;
}

/**
 * Reads pasted notes line by line, without remark: bare headings, glued tables, drawn trees,
 * question blocks, lists and definition lines become study items through the same matchers and
 * builder as Markdown. Positions come from the prepared text's origin map, so they are exact.
 */
export class PastedExtractor {
  private readonly lines: string[];
  private readonly blankIsBoundary: boolean;
  private readonly ranksSeen: number[] = [];
  private readonly definitionCores = new Map<string, string[]>();
  private baseDepth = 0;
  private lastHeading: OpenHeading | null = null;
  private lastHeadingLine = -1;
  /** End of the last block read as a structure (list, tree, table, questions): lines before it are taken. */
  private structuredEnd = 0;
  private leadIn: string | null = null;
  private title: string | null = null;

  constructor(
    private readonly prepared: PreparedText & { titleLine?: number },
    private readonly builder: DocumentBuilder,
  ) {
    this.lines = prepared.lines;
    let nonBlank = 0;
    let followedByBlank = 0;
    for (let i = 0; i < this.lines.length; i++) {
      if (this.blank(i)) continue;
      nonBlank++;
      if (i + 1 < this.lines.length && this.blank(i + 1)) followedByBlank++;
    }
    // Double-spaced pastes put a blank line after every line; there a blank line says nothing.
    this.blankIsBoundary = nonBlank > 0 && followedByBlank / nonBlank < 0.5;
  }

  /** Extracts everything; returns the document title it found, if any. */
  extract(): string | undefined {
    let i = this.nextNonBlank(-1);
    if (i >= 0 && (i === this.prepared.titleLine || this.isTitleLine(i))) {
      this.title = this.plain(i);
      this.addHeading(i, this.title, 1, false);
      this.baseDepth = 1;
      i++;
    }
    for (i = Math.max(i, 0); i < this.lines.length; ) {
      const next = this.block(i);
      if (next > i + 1) this.structuredEnd = next;
      // Every block consumes at least its first line, whatever a reader returned.
      i = next > i ? next : i + 1;
    }
    return this.title ?? this.builder.doc.sections[0]?.text ?? this.firstMeaningfulLine();
  }

  private blank(i: number): boolean {
    return (this.lines[i] ?? '').trim() === '';
  }

  private nextNonBlank(i: number): number {
    for (let j = i + 1; j < this.lines.length; j++) if (!this.blank(j)) return j;
    return -1;
  }

  private prevNonBlank(i: number): number {
    for (let j = i - 1; j >= 0; j--) if (!this.blank(j)) return j;
    return -1;
  }

  private source(i: number, column = 1): SourcePosition {
    const line = this.lines[i] ?? '';
    const indent = line.length - line.trimStart().length;
    return { line: this.prepared.origin[i] ?? i + 1, column: column === 1 ? indent + 1 : column };
  }

  private plain(i: number): string {
    const line = this.lines[i] ?? '';
    if (line.length > MAX_ITEM_LINE) return '';
    return stripInline(line).replace(/\s+/g, ' ').trim();
  }

  private firstMeaningfulLine(): string | undefined {
    for (let i = 0; i < this.lines.length; i++) {
      const structural = matchTreeLine(this.lines[i]) || this.lines[i].includes('|');
      const text = this.lines[i].length <= 400 && !structural ? this.plain(i) : '';
      if (text && !isDateLine(text) && /[\p{L}]/u.test(text)) return text.length <= 120 ? text : `${text.slice(0, 119)}…`;
    }
    return undefined;
  }

  /** The first line, when it reads as a title and is not the root of a tree or a table header. */
  private isTitleLine(i: number): boolean {
    const next = this.nextNonBlank(i);
    // A first line followed by more short lines is the head of a bare list, not a title.
    if (next < 0 || this.isLooseShortLine(next)) return false;
    if (!isTitleLike(this.plain(i)) && !isTitleWithSubtitle(this.plain(i))) return false;
    return !(next === i + 1 && matchTreeLine(this.lines[next])) && !readPipeTable(this.lines, i);
  }

  private startsStructure(i: number): boolean {
    const next = i + 1;
    return Boolean(readPipeTable(this.lines, i) || readTabTable(this.lines, i) || matchTreeLine(this.lines[i]) || (next < this.lines.length && matchTreeLine(this.lines[next])));
  }

  private block(i: number): number {
    if (this.blank(i)) return i + 1;
    const raw = this.lines[i];
    if (raw.length > MAX_ITEM_LINE) {
      this.leadIn = null;
      return i + 1;
    }

    const tabbed = readPipeTable(this.lines, i) ? null : readTabTable(this.lines, i);
    if (tabbed && isTermList(tabbed)) {
      [tabbed.header, ...tabbed.rows].forEach(([term, definition], k) => this.addDefinition(stripInline(term), stripInline(definition), this.source(i + k)));
      this.leadIn = null;
      return i + tabbed.length;
    }
    const table = readPipeTable(this.lines, i) ?? tabbed;
    if (table) {
      const clean = (c: string) => stripInline(c);
      this.builder.addTable(table.header.map(clean), table.rows.map((r) => r.map(clean)), this.source(i), this.leadIn ?? undefined);
      this.leadIn = null;
      return i + table.length;
    }

    if (matchTreeLine(raw)) return this.tree(i, { label: this.leadIn ?? this.builder.sectionPath.at(-1) ?? '', children: [], source: this.source(i) });
    if (i + 1 < this.lines.length && matchTreeLine(this.lines[i + 1]) && !matchQuestionLine(this.plain(i))) {
      return this.tree(i + 1, { label: this.plain(i).replace(/[:：]$/, ''), children: [], source: this.source(i) });
    }

    if (this.heading(i)) return i + 1;

    const question = matchQuestionLine(this.plain(i));
    if (question) {
      const end = this.questionBlock(i, question);
      if (end > i + 1) return end;
    }

    if (BULLET.test(raw) && !/^\s*\d{1,3}[.)、．]\s*$/.test(raw)) {
      const end = this.list(i);
      if (end > i) return end;
    }
    return this.line(i);
  }

  // ---- headings --------------------------------------------------------------------------

  private depthForRank(style: HeadingStyle, sublevel: number): number {
    const rank = STYLE_RANK[style];
    if (!this.ranksSeen.includes(rank)) {
      this.ranksSeen.push(rank);
      this.ranksSeen.sort((a, b) => a - b);
    }
    return this.baseDepth + this.ranksSeen.indexOf(rank) + 1 + sublevel;
  }

  private plainDepth(): number {
    if (!this.lastHeading) return this.baseDepth + 1;
    if (this.lastHeading.plain) return this.lastHeading.depth;
    return this.lastHeading.depth + 1;
  }

  private addHeading(i: number, text: string, depth: number, plain: boolean): void {
    this.builder.addSection(text, Math.max(1, Math.min(depth, 6)), this.source(i));
    this.lastHeading = { depth, plain };
    this.lastHeadingLine = i;
  }

  /** A short plain line that is neither structure nor heading evidence of its own. */
  private isLooseShortLine(j: number): boolean {
    return j >= 0 && isTitleLike(this.plain(j)) && !this.startsStructure(j) && !matchNumberedHeading(this.plain(j));
  }

  private heading(i: number): boolean {
    const raw = this.lines[i];
    const atx = ATX.exec(raw);
    if (atx) {
      this.addHeading(i, stripInline(atx[2].replace(/[ \t]#+[ \t]*$/, '')), atx[1].length, false);
      this.leadIn = null;
      return true;
    }
    const text = this.plain(i);
    const next = this.nextNonBlank(i);
    const prev = this.prevNonBlank(i);

    const numbered = matchNumberedHeading(text);
    if (numbered) {
      let accept = true;
      if (isWeakStyle(numbered.style)) {
        // `1. Short title` heads a section; `1. a point` among `2. …`, `3. …` is a list item.
        const sameStyle = (j: number) => j >= 0 && /^\s*[（(]?\d{1,3}[.)、．）]/.test(this.lines[j]);
        const body = text.replace(/^[（(]?\d{1,3}\s*[.)、．）]\s*/, '');
        accept = isTitleLike(body) && !sameStyle(next) && !sameStyle(prev) && next >= 0;
      }
      if (accept) {
        this.addHeading(i, text, this.depthForRank(numbered.style, numbered.sublevel), false);
        this.leadIn = null;
        return true;
      }
    }

    const colon = matchColonHeading(text);
    if (colon !== null) {
      if (next >= 0 && BULLET.test(this.lines[next])) return false; // a lead-in for the list below
      this.addHeading(i, colon, this.plainDepth(), true);
      this.leadIn = next >= 0 && readPipeTable(this.lines, next) ? colon : null;
      return true;
    }

    if (isTitleLike(text) && next >= 0 && !this.isLooseShortLine(next) && !(prev >= this.structuredEnd && prev !== this.lastHeadingLine && !this.blank(i - 1) && this.isLooseShortLine(prev))) {
      if (BULLET.test(raw) || (prev >= 0 && /[:：]\s*$/.test(this.lines[prev]))) return false;
      this.addHeading(i, text, this.plainDepth(), true);
      this.leadIn = null;
      return true;
    }
    return false;
  }

  // ---- trees and lists -------------------------------------------------------------------

  private tree(start: number, root: OutlineNode): number {
    const placed: PlacedLine[] = [];
    let i = start;
    for (; i < this.lines.length; i++) {
      const line = this.lines[i];
      // A table glued under the tree starts with `|` too; its rows are no branches or continuations.
      if (readPipeTable(this.lines, i)) break;
      const branch = line.length <= MAX_ITEM_LINE ? matchTreeLine(line) : null;
      if (!branch) {
        // A `│` alone, or a wrapped label continued under its branch.
        if (/^[ \t│┃|]+$/.test(line) && line.trim()) continue;
        const cont = /^[ \t]*[│┃|][ \t]+(\S.*)$/.exec(line);
        if (cont && placed.length) {
          placed[placed.length - 1].label += ` ${stripInline(cont[1])}`;
          continue;
        }
        break;
      }
      placed.push({ column: branch.column, last: branch.last, label: stripInline(branch.label), source: this.source(i) });
    }
    nestByColumn(root, placed);
    this.sequencesIn(root);
    this.builder.addOutline(root.label || root.children.length !== 1 ? root : root.children[0]);
    this.leadIn = null;
    return i;
  }

  private sequencesIn(node: OutlineNode): void {
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      const seq = n.label.length <= MAX_ITEM_LINE ? matchSequence(n.label) : null;
      if (seq) this.builder.addSequence(seq.steps, n.source, seq.label);
      stack.push(...n.children);
    }
  }

  private list(start: number): number {
    const placed: PlacedLine[] = [];
    const indices: number[] = [];
    let i = start;
    for (; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (this.blank(i)) {
        const next = this.nextNonBlank(i);
        if (next < 0 || !BULLET.test(this.lines[next]) || this.lines[next].length > MAX_ITEM_LINE) break;
        continue;
      }
      if (line.length > MAX_ITEM_LINE) break;
      const m = BULLET.exec(line);
      if (m && !matchQuestionLine(this.plain(i))) {
        const column = [...m[1].replace(/\t/g, '    ').replace(/\u3000/g, '  ')].length + glyphLevel(line.trim()[0]);
        placed.push({ column, last: false, label: stripInline(m[2]), source: this.source(i) });
        indices.push(i);
      } else if (/^[ \t]+\S/.test(line) && placed.length && !matchTreeLine(line)) {
        placed[placed.length - 1].label += ` ${this.plain(i)}`;
      } else break;
    }
    const nested = placed.some((p) => p.column !== placed[0].column);
    const matched = placed.map((p, k) => this.lineItems(p.label, indices[k]));
    if (nested) {
      const root = nestByColumn({ label: this.leadIn ?? this.builder.sectionPath.at(-1) ?? '', children: [], source: this.source(start) }, placed);
      this.builder.addOutline(root.children.length === 1 && !this.leadIn ? root.children[0] : root);
    } else if (this.leadIn && placed.length >= 2) {
      this.builder.addOutline({ label: this.leadIn, children: placed.map((p) => ({ label: p.label, children: [], source: p.source })), source: this.source(start) });
    } else {
      placed.forEach((p, k) => {
        if (!matched[k] && p.label) this.builder.addKeyPoint(p.label, p.source);
      });
    }
    this.leadIn = null;
    return i;
  }

  /**
   * Short lines without bullets after a lead-in (`包括以下几个方面：` / `供应商` / `顾客`): its items, up to a
   * line that is not short or that heads what follows (a short line followed by content).
   */
  private bareItems(lead: number): number {
    const items: OutlineNode[] = [];
    let i = this.nextNonBlank(lead);
    let end = lead + 1;
    while (i >= 0 && this.isLooseShortLine(i) && !matchQuestionLine(this.plain(i))) {
      const next = this.nextNonBlank(i);
      if (items.length >= 1 && next >= 0 && !this.isLooseShortLine(next)) {
        // The last short line of the run: an item if the run ends the document or a block, else a heading.
        if (matchQuestionLine(this.plain(next)) || this.startsStructure(next) || matchNumberedHeading(this.plain(next))) break;
      }
      items.push({ label: this.plain(i), children: [], source: this.source(i) });
      end = i + 1;
      i = next;
    }
    if (items.length < 2) return lead + 1;
    this.builder.addOutline({ label: this.leadIn ?? '', children: items, source: this.source(lead) });
    this.leadIn = null;
    return end;
  }

  // ---- questions -------------------------------------------------------------------------

  /** Answer lines after a question: up to the next question, heading, table or tree. */
  private questionBlock(i: number, question: string): number {
    const answers: AnswerLine[] = [];
    let j = i + 1;
    for (; j < this.lines.length; j++) {
      if (this.blank(j)) {
        if (this.blankIsBoundary && answers.length) break;
        continue;
      }
      const line = this.lines[j];
      if (line.length > MAX_ITEM_LINE) break;
      const text = this.plain(j);
      if (matchQuestionLine(text) || this.startsStructure(j) || ATX.test(line)) break;
      const numbered = matchNumberedHeading(text);
      if (numbered && !isWeakStyle(numbered.style)) break;
      if (matchColonHeading(text) !== null) {
        const next = this.nextNonBlank(j);
        if (next < 0 || !BULLET.test(this.lines[next])) break;
      }
      // After sentence answers, a title-shaped line starts the next part of the notes.
      if (answers.length && isTitleLike(text) && answers.every((a) => /[.。!！…)）]$/.test(a.text.trim()))) break;
      answers.push({ index: j, text: line });
    }
    if (answers.length === 0) return i + 1;
    // Trailing blank lines belong to no one; the next block starts at the line that stopped us.
    const end = j;
    const cleaned = answers
      .map((a) => {
        const text = a.text.replace(BULLET, '$2');
        return matchAnswerLabel(text) ?? stripInline(text);
      })
      .filter(Boolean);
    const card = matchDefinitionCard(question);
    if (card) {
      this.addDefinition(card, cleaned.join(' '), this.source(i));
      return end;
    }
    this.builder.addQa(question, cleaned, this.source(i));
    for (let k = 0; k < answers.length; k++) {
      const bare = answers[k].text.replace(BULLET, '$2');
      const text = matchAnswerLabel(bare) ?? bare;
      const formula = matchFormula(text);
      if (formula) {
        const variables: FormulaVariable[] = [];
        while (k + 1 < answers.length) {
          const legend = matchLegend(answers[k + 1].text);
          if (!legend || matchFormula(answers[k + 1].text)) break;
          variables.push(legend);
          this.addDefinition(legend.symbol, legend.meaning, this.source(answers[k + 1].index));
          k++;
        }
        this.builder.addFormula(formula.expression, variables, this.source(answers[k].index));
        continue;
      }
      // A flow in an answer ("A → B → C") is both that answer and a sequence to learn.
      const flow = text.length <= MAX_ITEM_LINE ? matchSequence(stripInline(text)) : null;
      if (flow) {
        this.builder.addSequence(flow.steps, this.source(answers[k].index), flow.label);
        continue;
      }
      this.definitionIn(text, answers[k].index);
    }
    this.leadIn = null;
    return end;
  }

  // ---- single lines ----------------------------------------------------------------------

  private addDefinition(term: string, definition: string, source: SourcePosition): void {
    // The same term defined twice with one definition inside the other (`客户:是指Y` then `客户是指Y;`) is one item.
    const key = normaliseKey(term);
    const core = normaliseKey(definition.replace(/^(?:是指|指的是|是|指|即|c'est|it is|is)\s*/iu, ''));
    const known = this.definitionCores.get(key) ?? [];
    if (known.some((k) => k.includes(core) || core.includes(k))) return;
    known.push(core);
    this.definitionCores.set(key, known);
    this.builder.addDefinition(term, definition, source);
  }

  private definitionIn(text: string, index: number): boolean {
    if (text.length > MAX_ITEM_LINE) return false;
    const def = matchDefinition(text);
    if (def) {
      this.addDefinition(def.term, def.definition, this.source(index));
      return true;
    }
    const zh = matchChineseDefinition(stripInline(text));
    if (zh) {
      this.addDefinition(zh.term, zh.definition, this.source(index));
      return true;
    }
    return false;
  }

  /** Runs the one-line matchers over a list item; true when an item came out of it. */
  private lineItems(text: string, index: number): boolean {
    const cloze = matchCloze(text);
    if (cloze) {
      this.builder.addCloze(cloze, this.source(index));
      return true;
    }
    const inline = matchInlineQa(text);
    if (inline) {
      this.builder.addQa(inline.question, [inline.answer], this.source(index), inline.reversible);
      return true;
    }
    const sequence = matchSequence(text);
    if (sequence) {
      this.builder.addSequence(sequence.steps, this.source(index), sequence.label);
      return true;
    }
    return this.definitionIn(text, index);
  }

  private line(i: number): number {
    const text = this.lines[i];
    const next = this.nextNonBlank(i);

    const asked = matchQuestionLabel(text);
    if (asked !== null && next >= 0 && matchAnswerLabel(this.lines[next]) !== null) {
      const answers = [matchAnswerLabel(this.lines[next]) ?? ''];
      let j = next + 1;
      while (j < this.lines.length && !this.blank(j) && matchQuestionLabel(this.lines[j]) === null) answers.push(this.plain(j++));
      this.builder.addQa(asked, answers, this.source(i));
      this.leadIn = null;
      return j;
    }

    const formula = matchFormula(text);
    if (formula) {
      const variables: FormulaVariable[] = [];
      let j = i;
      for (let k = this.nextNonBlank(j); k >= 0; k = this.nextNonBlank(j)) {
        const legend = this.lines[k].length <= MAX_ITEM_LINE ? matchLegend(this.lines[k]) : null;
        if (!legend || matchFormula(this.lines[k])) break;
        variables.push(legend);
        this.addDefinition(legend.symbol, legend.meaning, this.source(k));
        j = k;
      }
      this.builder.addFormula(formula.expression, variables, this.source(i));
      this.leadIn = null;
      return j + 1;
    }

    this.lineItems(text, i);
    this.leadIn = /[:：]\s*$/.test(text) ? this.plain(i).replace(/\s*[:：]$/, '') : null;
    if (this.leadIn) return this.bareItems(i);
    return i + 1;
  }
}
