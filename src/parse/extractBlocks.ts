import type { Heading, List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Definition, OutlineNode, SourcePosition } from '../model/StudyDocument.js';
import type { DocumentBuilder } from './DocumentBuilder.js';
import type { MarkdownChunk } from './parseMarkdownChunks.js';
import type { PreparedText } from './PreparedText.js';
import { matchCloze } from './matchCloze.js';
import { looksLikeTerm, matchDefinition } from './matchDefinition.js';
import { matchFormula, matchLegend } from './matchFormula.js';
import { isQuestionText, matchAnswerLabel, matchInlineQa, matchQuestionLabel } from './matchQa.js';
import { matchSequence } from './matchSequence.js';
import { stripInline } from './stripInline.js';

interface SourceLine {
  text: string;
  source: SourcePosition;
}

/** Deepest outline kept; deeper levels are folded into their ancestor so renderers stay bounded. */
const MAX_OUTLINE_DEPTH = 12;

interface PendingQuestion {
  question: string;
  source: SourcePosition;
  answers: string[];
  /** The section around the question heading, which the pair belongs to. */
  section: string[];
}

/**
 * Walks remark's block tree and hands each block to the matchers. Paragraph and list-item text is
 * read from the source lines rather than the mdast so markers such as `**Term**`, `::` and `==x==`
 * stay visible; headings and table cells use mdast-util-to-string.
 */
export class BlockExtractor {
  private chunkFirstLine = 0;
  private pending: PendingQuestion | null = null;

  constructor(
    private readonly prepared: PreparedText,
    private readonly builder: DocumentBuilder,
  ) {}

  extract(chunks: Iterable<MarkdownChunk>): void {
    for (const chunk of chunks) {
      this.chunkFirstLine = chunk.firstLine;
      this.blocks(chunk.tree.children);
    }
    this.flushQuestion();
  }

  private position(line: number, column: number): SourcePosition {
    const index = this.chunkFirstLine + line - 1;
    const origin = this.prepared.origin[Math.min(index, this.prepared.origin.length - 1)] ?? index + 1;
    return { line: origin, column };
  }

  private start(node: { position?: { start: { line: number; column: number } } }): SourcePosition {
    const p = node.position?.start ?? { line: 1, column: 1 };
    return this.position(p.line, p.column);
  }

  private blocks(nodes: readonly (RootContent | Root)[]): void {
    let leadIn: string | null = null;
    for (const node of nodes) {
      switch (node.type) {
        case 'heading':
          this.heading(node);
          leadIn = null;
          continue;
        case 'thematicBreak':
          this.flushQuestion();
          break;
        case 'table':
          this.table(node, leadIn);
          break;
        case 'list':
          this.list(node, leadIn);
          break;
        case 'paragraph': {
          const lines = this.paragraphLines(node);
          if (this.pending) this.pending.answers.push(lines.map((l) => stripInline(l.text)).join(' '));
          this.lines(lines);
          const last = lines[lines.length - 1]?.text.trim() ?? '';
          leadIn = /[:：]$/.test(last) ? stripInline(last.replace(/[:：]$/, '')) : null;
          continue;
        }
        case 'blockquote':
          this.blocks(node.children);
          break;
        default:
          // Code, HTML (comments included), definitions and the like never become items.
          break;
      }
      leadIn = null;
    }
  }

  private heading(node: Heading): void {
    this.flushQuestion();
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (!text) return;
    const source = this.start(node);
    this.builder.addSection(text, node.depth, source);
    if (isQuestionText(text)) this.pending = { question: text, source, answers: [], section: this.builder.sectionPath.slice(0, -1) };
  }

  private flushQuestion(): void {
    const q = this.pending;
    this.pending = null;
    if (!q || q.answers.length === 0) return;
    this.builder.addQa(q.question, q.answers, q.source, false, q.section);
  }

  private table(node: Table, caption: string | null): void {
    const [head, ...body] = node.children;
    if (!head) return;
    const cell = (c: RootContent) => toString(c).replace(/\s+/g, ' ').trim();
    const header = head.children.map(cell);
    const rows = body.map((row) => header.map((_, i) => (row.children[i] ? cell(row.children[i]) : '')));
    this.builder.addTable(header, rows, this.start(node), caption ?? undefined);
  }

  private list(node: List, leadIn: string | null): void {
    const nested = node.children.some((item) => item.children.some((c) => c.type === 'list'));
    const itemsMatched = node.children.map((item) => this.listItem(item));
    if (this.pending) for (const item of node.children) this.pending.answers.push(this.itemLabel(item));
    if (nested) {
      const roots = node.children.map((item) => this.outlineNode(item, 1));
      if (roots.length === 1) this.builder.addOutline(roots[0]);
      else this.builder.addOutline({ label: leadIn ?? this.builder.sectionPath.at(-1) ?? '', children: roots, source: this.start(node) });
    } else if (leadIn && node.children.length >= 2) {
      this.builder.addOutline({ label: leadIn, children: node.children.map((item) => this.outlineNode(item, 1)), source: this.start(node) });
    } else if (!this.pending) {
      node.children.forEach((item, i) => {
        if (itemsMatched[i]) return;
        const label = this.itemLabel(item);
        if (label) this.builder.addKeyPoint(label, this.start(item));
      });
    }
  }

  /** Runs the line matchers over a list item's own paragraphs and nested lists; true if any matched. */
  private listItem(item: ListItem): boolean {
    let matched = false;
    for (const child of item.children) {
      if (child.type === 'paragraph') matched = this.lines(this.paragraphLines(child)) || matched;
      else if (child.type === 'list') for (const sub of child.children) this.listItem(sub);
      else if (child.type === 'table') this.table(child, null);
      else if (child.type === 'blockquote') this.blocks(child.children);
    }
    return matched;
  }

  private itemLabel(item: ListItem): string {
    const para = item.children.find((c): c is Paragraph => c.type === 'paragraph');
    if (!para) return '';
    return this.paragraphLines(para).map((l) => stripInline(l.text)).join(' ').trim();
  }

  private outlineNode(item: ListItem, depth: number): OutlineNode {
    const children: OutlineNode[] = [];
    for (const child of item.children) {
      if (child.type !== 'list') continue;
      for (const sub of child.children) {
        if (depth < MAX_OUTLINE_DEPTH) children.push(this.outlineNode(sub, depth + 1));
      }
    }
    return { label: this.itemLabel(item), children, source: this.start(item) };
  }

  /** Source lines of a paragraph without list, quote or indent prefixes, each with its position. */
  private paragraphLines(node: Paragraph): SourceLine[] {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) return [{ text: toString(node), source: this.start(node) }];
    const out: SourceLine[] = [];
    for (let l = start.line; l <= end.line; l++) {
      const raw = this.prepared.lines[this.chunkFirstLine + l - 1] ?? '';
      let text: string;
      let column: number;
      if (l === start.line) {
        text = raw.slice(start.column - 1);
        column = start.column;
      } else {
        const prefix = /^(?:\s*>)*\s*/.exec(raw)?.[0] ?? '';
        text = raw.slice(prefix.length);
        column = prefix.length + 1;
      }
      if (l === end.line && l === start.line) text = raw.slice(start.column - 1, end.column - 1);
      else if (l === end.line) text = text.slice(0, Math.max(0, end.column - 1 - (raw.length - text.length)));
      // trimEnd, not /\s+$/: that pattern rescans every inner run of blanks (quadratic on long lines).
      const trimmed = text.trimEnd();
      out.push({ text: trimmed.endsWith('\\') ? trimmed.slice(0, -1) : trimmed, source: this.position(l, column) });
    }
    return out.filter((l) => l.text.trim() !== '');
  }

  /** Line-level matchers over one paragraph. Returns true when at least one item came out of it. */
  private lines(lines: SourceLine[]): boolean {
    let found = false;
    const separator = lines.findIndex((l) => /^\?\??$/.test(l.text.trim()));
    if (separator > 0 && separator < lines.length - 1) {
      const question = lines.slice(0, separator).map((l) => stripInline(l.text)).join(' ');
      const answers = lines.slice(separator + 1).map((l) => stripInline(l.text));
      this.builder.addQa(question, answers, lines[0].source, lines[separator].text.trim() === '??');
      return true;
    }

    // A definition wrapped over several lines of one paragraph continues until another item starts.
    let open: Definition | null = null;
    for (let i = 0; i < lines.length; i++) {
      const { text, source } = lines[i];
      const continued: Definition | null = open;
      open = null;

      const asked = matchQuestionLabel(text);
      if (asked !== null) {
        const questionParts = [asked];
        let j = i + 1;
        while (j < lines.length && matchAnswerLabel(lines[j].text) === null && matchQuestionLabel(lines[j].text) === null) questionParts.push(stripInline(lines[j++].text));
        const answers: string[] = [];
        if (j < lines.length && matchAnswerLabel(lines[j].text) !== null) {
          answers.push(matchAnswerLabel(lines[j].text) ?? '');
          j++;
          while (j < lines.length && matchQuestionLabel(lines[j].text) === null) answers.push(stripInline(lines[j++].text));
        }
        if (answers.some(Boolean)) {
          this.builder.addQa(questionParts.filter(Boolean).join(' '), answers, source);
          i = j - 1;
          found = true;
          continue;
        }
      }

      const cloze = matchCloze(text);
      if (cloze) {
        this.builder.addCloze(cloze, source);
        found = true;
        continue;
      }

      const inline = matchInlineQa(text);
      if (inline) {
        this.builder.addQa(inline.question, [inline.answer], source, inline.reversible);
        found = true;
        continue;
      }

      const formula = matchFormula(text);
      if (formula) {
        const variables = [];
        while (i + 1 < lines.length) {
          const legend = matchLegend(lines[i + 1].text);
          if (!legend || matchFormula(lines[i + 1].text)) break;
          variables.push(legend);
          i++;
        }
        this.builder.addFormula(formula.expression, variables, source);
        found = true;
        continue;
      }

      const sequence = matchSequence(text);
      if (sequence) {
        this.builder.addSequence(sequence.steps, source, sequence.label);
        found = true;
        continue;
      }

      // Definition list: a term line followed by `: definition` lines.
      if (i + 1 < lines.length && /^:\s+\S/.test(lines[i + 1].text) && looksLikeTerm(stripInline(text))) {
        const parts: string[] = [];
        while (i + 1 < lines.length && /^:\s+\S/.test(lines[i + 1].text)) parts.push(stripInline(lines[++i].text.replace(/^:\s+/, '')));
        this.builder.addDefinition(stripInline(text), parts.join('; '), source);
        found = true;
        continue;
      }

      const definition = matchDefinition(text);
      if (definition) {
        open = this.builder.addDefinition(definition.term, definition.definition, source);
        found = true;
        continue;
      }

      // A question line followed by answer lines in the same block.
      const plain = stripInline(text);
      if (isQuestionText(plain) && i + 1 < lines.length && !isQuestionText(stripInline(lines[i + 1].text))) {
        const answers: string[] = [];
        let j = i + 1;
        while (j < lines.length && !isQuestionText(stripInline(lines[j].text))) answers.push(stripInline(lines[j++].text));
        this.builder.addQa(plain, answers, source);
        i = j - 1;
        found = true;
        continue;
      }

      if (continued && plain) {
        continued.definition = `${continued.definition} ${plain}`;
        open = continued;
      }
    }
    return found;
  }
}
