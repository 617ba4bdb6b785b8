import type { Definition, SourcePosition } from '../../model/StudyDocument.js';
import type { Block, SourceLine } from '../blocks/Block.js';
import type { DocumentBuilder, FieldText } from '../DocumentBuilder.js';
import { protectLiterals } from '../protectLiterals.js';
import { stripInline } from '../stripInline.js';
import type { ReadState } from './ReadState.js';

/** Block rules turn blocks into items; `apply` returns how many blocks it took (0: not its block). */
export interface BlockRule {
  name: string;
  stage: 'blocks';
  apply(walk: BlockWalk, index: number): number;
}

/**
 * Text rules find items in the lines of one paragraph or list item; `apply` returns lines taken.
 * `leftover` rules read only the lines every other rule left, and only where the notes' prose is
 * to be kept (a paragraph, not a question heading's answer).
 */
export interface TextRule {
  name: string;
  stage: 'text';
  leftover?: boolean;
  apply(run: TextRun, index: number): number;
}

/** A heading that asks a question: the blocks under it, up to the next heading, are its answer. */
export interface PendingQuestion {
  question: string;
  source: SourcePosition;
  answers: FieldText[];
  /** The section around the question heading, which the pair belongs to. */
  section: string[];
}

/** An exercise whose correction may follow (a `!!! example` admonition, a numbered exercise). */
export interface OpenExercise {
  question: string;
  source: SourcePosition;
  section: string[];
}

/** A lettered multiple-choice question still waiting for its key (a correction block may give it). */
export interface UnkeyedChoice {
  number: number | null;
  stem: string;
  options: string[];
  source: SourcePosition;
  section: string[];
}

/** What the block rules share across the whole document (containers are walked with the same state). */
export interface WalkState {
  readonly builder: DocumentBuilder;
  readonly read: ReadState;
  /** The block and text rules, in the rule table's order. */
  readonly rules: { readonly blocks: readonly BlockRule[]; readonly text: readonly TextRule[] };
  pending: PendingQuestion | null;
  exercise: OpenExercise | null;
  unkeyed: UnkeyedChoice[];
}

/** The block rules' view of one sequence of blocks (the document's, a container's, a list item's). */
export class BlockWalk {
  constructor(
    readonly blocks: readonly Block[],
    readonly state: WalkState,
  ) {}

  get builder(): DocumentBuilder {
    return this.state.builder;
  }

  /** The previous block's text that introduces block i (`… :`), as written, without its colon. */
  leadIn(i: number): string | null {
    const prev = this.blocks[i - 1];
    if (prev?.type === 'paragraph') {
      const last = prev.lines[prev.lines.length - 1]?.text.trim() ?? '';
      return /[:：]$/.test(last) ? last.replace(/\s*[:：]$/, '') : null;
    }
    if (prev?.type === 'heading' && prev.leadIn) return prev.raw.replace(/\s*[:：]$/, '');
    return null;
  }

  /**
   * Runs the text rules over lines; true when an item came out of them. With `prose`, what no rule
   * took is kept as key facts and paragraphs; `prose` may name lines used otherwise (a lead-in).
   */
  text(lines: readonly SourceLine[], prose?: ReadonlySet<number> | boolean): boolean {
    const run = new TextRun(lines, this.state);
    const found = run.run();
    if (prose) run.prose(prose === true ? undefined : prose);
    return found;
  }

  /** Walks nested blocks (a container's, a list item's) with the same rules and state. */
  walk(blocks: readonly Block[]): void {
    applyBlockRules(new BlockWalk(blocks, this.state));
  }

  flushPending(): void {
    const q = this.state.pending;
    this.state.pending = null;
    if (!q || q.answers.length === 0) return;
    this.builder.addQa(q.question, q.answers, q.source, false, q.section);
  }
}

/** Tries the block rules in the table's order at each block; every block is taken by one rule or skipped. */
export function applyBlockRules(walk: BlockWalk): void {
  for (let i = 0; i < walk.blocks.length; ) {
    let taken = 0;
    for (const rule of walk.state.rules.blocks) {
      taken = rule.apply(walk, i);
      if (taken > 0) break;
    }
    i += Math.max(1, taken);
  }
}

/** The text rules' view of the lines of one paragraph or list item, read top to bottom. */
export class TextRun {
  /** A definition found on the previous line, which a wrapped line may continue. */
  continued: Definition | null = null;
  /** The definition found on the current line, if any. */
  open: Definition | null = null;
  found = false;
  /** Lines some rule took: the others are prose, which a cloze sentence may span. */
  readonly taken: boolean[] = [];
  /** Runs over the statements a run-on line was cut into: their prose is kept with this run's. */
  readonly parts: TextRun[] = [];
  /** Prose gathered by the leftover rules, written as one paragraph item when the prose ends. */
  private paragraph: { text: string; first: SourceLine; last: SourceLine } | null = null;

  readonly lines: readonly SourceLine[];

  constructor(
    lines: readonly SourceLine[],
    readonly state: WalkState,
  ) {
    this.lines = lines.map((l) => ({ ...l, text: protectLiterals(l.text) }));
  }

  get builder(): DocumentBuilder {
    return this.state.builder;
  }

  text(i: number): string {
    return this.lines[i]?.text ?? '';
  }

  plain(i: number): string {
    return stripInline(this.text(i));
  }

  /** The item rules, over every line; returns whether any item came out. Untaken lines are left for `prose()`. */
  run(): boolean {
    for (let i = 0; i < this.lines.length; ) {
      this.continued = this.open;
      this.open = null;
      let taken = 0;
      for (const rule of this.state.rules.text) {
        if (rule.leftover) continue;
        taken = rule.apply(this, i);
        if (taken > 0) break;
      }
      for (let k = i; k < i + taken; k++) this.taken[k] = true;
      i += Math.max(1, taken);
    }
    return this.found;
  }

  /**
   * The leftover rules over the lines no item took (key facts, then prose); consecutive prose lines
   * make one paragraph item. `skip` marks lines used otherwise (a lead-in naming the list below).
   */
  prose(skip: ReadonlySet<number> = new Set()): void {
    for (const part of this.parts) part.prose();
    for (let i = 0; i < this.lines.length; i++) {
      if (this.taken[i] || skip.has(i) || !this.plain(i)) {
        this.endParagraph();
        continue;
      }
      for (const rule of this.state.rules.text) if (rule.leftover && rule.apply(this, i) > 0) break;
    }
    this.endParagraph();
  }

  /** Adds prose (as written) to the paragraph being gathered. */
  addProse(text: string, line: SourceLine): void {
    if (!text.trim()) return;
    if (this.paragraph) {
      this.paragraph.text += ` ${text.trim()}`;
      this.paragraph.last = line;
    } else this.paragraph = { text: text.trim(), first: line, last: line };
  }

  endParagraph(): void {
    const p = this.paragraph;
    this.paragraph = null;
    if (p) this.builder.addParagraph(p.text, p.first.source, p.last.end ?? p.last.source.line);
  }
}
