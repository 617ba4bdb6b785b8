import { IdAllocator, normaliseKey } from '../model/makeItemId.js';
import {
  createEmptyDocument,
  type ChoiceOption,
  type ChoiceQuestion,
  type Cloze,
  type Definition,
  type Formula,
  type FormulaVariable,
  type KeyPoint,
  type OutlineNode,
  type Paragraph,
  type QuestionAnswer,
  type Section,
  type SourcePosition,
  type StudyDocument,
  type Table,
} from '../model/StudyDocument.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import { isRich, type Inline, type RichFields } from '../model/Inline.js';
import { findFigures } from './findFigures.js';
import { plainOf, readInline } from './inline/readInline.js';
import { toTex } from './inline/toTex.js';

/** What a rule hands the builder for one field: the notes' inline Markdown, or typed content (a code block). */
export type FieldText = string | Inline[];

type StudyItemBase = { rich?: RichFields; attached?: Inline[]; source: SourcePosition; section: string[] };

interface OpenSection {
  text: string;
  depth: number;
}

/**
 * Collects items into a StudyDocument: assigns stable ids, tracks the heading path, and keeps each
 * item once when pasted notes repeat a paragraph (same kind and same content, wherever it appears).
 *
 * Text comes in as the notes wrote it, inline Markdown included (`**bold**`, `` `code` ``, links,
 * `$math$`), and every text field is made from it here, in `text()`: the one place where the plain
 * fields of the model are derived from what the notes say.
 */
export class DocumentBuilder {
  readonly doc: StudyDocument;
  readonly messages: Diagnostic[] = [];
  private readonly ids = new IdAllocator();
  private readonly seen = new Set<string>();
  private readonly open: OpenSection[] = [];
  private readonly definitionCores = new Map<string, { core: string; item: Definition }[]>();
  /** Rich twins of the fields read for the item being made, by field path; taken by `finish`. */
  private pending: RichFields = {};
  /** The item made last, with the kind it is: a code block or an image under it belongs to it. */
  last: { kind: 'definition' | 'qa' | 'paragraph' | 'other'; item: StudyItemBase } | null = null;
  private readonly repeats = new RepeatIndex();

  constructor(file: string) {
    this.doc = createEmptyDocument(file);
  }

  /**
   * The plain text of a field from the notes' inline Markdown. (`raw` may hold the stand-ins that
   * protectLiterals put in code spans while rules matched; restoreLiterals gives the notes' text.)
   * With a field path, its typed twin (formulas, code, images) is kept for the item being made.
   */
  text(raw: FieldText, path?: string): string {
    if (Array.isArray(raw)) {
      if (path && isRich(raw)) this.pending[path] = raw;
      return plainOf(raw).replace(/\s+$/, '');
    }
    const read = readInline(raw, this.doc.file);
    if (path && read.rich) this.pending[path] = read.rich;
    return read.plain;
  }

  /** Formulas in a field a rule already made plain (`$…$` survives stripping). */
  private plainField(plain: string, path: string): string {
    const read = readInline(plain, this.doc.file, { plain: true });
    if (read.rich) this.pending[path] = read.rich;
    return plain;
  }

  /** Hands the rich twins read so far to the item (or drops them when no item is made). */
  private finish<T extends StudyItemBase>(item: T | null, kind: 'definition' | 'qa' | 'paragraph' | 'other' = 'other'): T | null {
    const rich = this.pending;
    this.pending = {};
    if (!item) return null;
    if (Object.keys(rich).length) item.rich = { ...item.rich, ...rich };
    this.last = { kind, item };
    return item;
  }

  private discard(): null {
    this.pending = {};
    return null;
  }

  /** A code block, an image or a displayed formula under an item: part of it, after its text. */
  attach(item: StudyItemBase, content: Inline[]): void {
    if (content.length) item.attached = [...(item.attached ?? []), ...content];
  }

  /** A code block, an image or a displayed formula that belongs to no item: kept as a paragraph of its own. */
  addFigure(content: Inline[], source: SourcePosition, endLine = source.line): void {
    const text = plainOf(content).replace(/\s+$/, '');
    if (!text.trim() || !this.isNew('figure', text)) return;
    const section = this.sectionPath;
    const item: Paragraph = { id: this.ids.allocate('paragraph', text.slice(0, 200), section), text, endLine, section, source, rich: { text: content } };
    this.doc.paragraphs.push(item);
  }

  /** One more answer (a code block under a question) for a pair already made. */
  addAnswer(item: QuestionAnswer, content: Inline[]): void {
    const plain = plainOf(content).replace(/\s+$/, '');
    if (!plain) return;
    item.answers.push(plain);
    if (isRich(content)) item.rich = { ...item.rich, [`answers/${item.answers.length - 1}`]: content };
  }

  get sectionPath(): string[] {
    return this.open.map((s) => s.text);
  }

  warn(message: string, source: SourcePosition, ruleId: string): void {
    this.messages.push({ file: this.doc.file, line: source.line, column: source.column, severity: 'warning', message, ruleId });
  }

  addSection(text: string, depth: number, source: SourcePosition): void {
    while (this.open.length && this.open[this.open.length - 1].depth >= depth) this.open.pop();
    this.open.push({ text, depth });
    const path = this.sectionPath;
    const section: Section = { id: this.ids.allocate('section', text, path.slice(0, -1)), text, depth, path, source };
    const rich = readInline(text, this.doc.file, { plain: true }).rich;
    if (rich) section.rich = { text: rich };
    this.doc.sections.push(section);
    this.last = null;
  }

  /**
   * A passage pasted twice with small differences: a text inside an earlier one of the same kind (or
   * holding it, then the earlier takes the fuller text) is a repeat.
   */
  private isRepeat(kind: 'keyPoint' | 'paragraph', text: string): boolean {
    const earlier = this.repeats.find(kind, normaliseKey(text), '') as { text: string } | null;
    if (!earlier) return false;
    if (text.length > earlier.text.length) earlier.text = text;
    return true;
  }

  private isNew(kind: string, ...content: string[]): boolean {
    const key = [kind, ...content.map(normaliseKey)].join('\u0000');
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  /**
   * Returns the new definition so a wrapped line can be appended to it, or null for a repeat: the
   * same term defined twice with one definition inside the other (`客户:是指Y` then `客户是指Y;`) is one.
   */
  addDefinition(rawTerm: FieldText, rawDefinition: FieldText, source: SourcePosition, legendOf?: string): Definition | null {
    this.pending = {};
    const term = this.text(rawTerm, 'term').replace(/\s+/g, ' ');
    const definition = this.text(rawDefinition, 'definition');
    if (!term || !definition) return this.discard();
    const key = normaliseKey(term);
    const core = normaliseKey(definition.replace(/^(?:是指|指的是|是|指|即|c'est|it is|is)\s*/iu, ''));
    const known = this.definitionCores.get(key) ?? [];
    // Bounded, so a file defining one term thousands of times stays linear.
    for (const k of known.length <= 32 ? known : []) {
      if (k.core.includes(core)) return this.discard();
      if (core.includes(k.core)) {
        // The same definition pasted again with more words: keep the fuller one, once.
        k.core = core;
        k.item.definition = definition;
        const rich = this.pending.definition;
        if (rich) k.item.rich = { ...k.item.rich, definition: rich };
        else if (k.item.rich) delete k.item.rich.definition;
        return this.discard();
      }
    }
    if (!this.isNew('definition', term, definition)) return this.discard();
    const section = this.sectionPath;
    const item: Definition = { id: this.ids.allocate('definition', term, section), term, definition, section, source };
    if (legendOf) item.legendOf = legendOf;
    known.push({ core, item });
    this.definitionCores.set(key, known);
    this.doc.definitions.push(item);
    return this.finish(item, 'definition');
  }

  /** A definition wrapped over the next line goes on with it. */
  extendDefinition(item: Definition, raw: string): void {
    const more = this.text(raw, 'more');
    const rich = this.pending.more;
    this.pending = {};
    if (!more) return;
    if (rich || item.rich?.definition) {
      const before = item.rich?.definition ?? [{ type: 'text' as const, text: item.definition }];
      item.rich = { ...item.rich, definition: [...before, { type: 'text', text: ' ' }, ...(rich ?? [{ type: 'text', text: more }])] };
    }
    item.definition = `${item.definition} ${more}`;
  }

  addTable(rawHeader: string[], rawRows: string[][], source: SourcePosition, rawCaption?: string): void {
    this.pending = {};
    const header = rawHeader.map((c, k) => this.text(c, `header/${k}`));
    const rows = rawRows.map((r, i) => r.map((c, k) => this.text(c, `rows/${i}/${k}`)));
    const caption = rawCaption === undefined ? undefined : this.text(rawCaption, 'caption') || undefined;
    if (!this.isNew('table', header.join('|'), ...rows.map((r) => r.join('|')))) {
      this.discard();
      return;
    }
    const section = this.sectionPath;
    const id = this.ids.allocate('table', caption ?? header.join(' '), section);
    const table: Table = caption ? { id, header, rows, caption, section, source } : { id, header, rows, section, source };
    this.doc.tables.push(table);
    this.finish(table);
  }

  addOutline(rawNode: OutlineNode): void {
    const node = this.plainNode(rawNode);
    if (!this.isNew('outline', JSON.stringify(stripSources(node)))) return;
    const section = this.sectionPath;
    const outline = { id: this.ids.allocate('outline', node.label, section), ...node, section };
    this.doc.outlines.push(outline);
    this.finish(outline);
  }

  addSequence(steps: string[], source: SourcePosition, label?: string): void {
    this.pending = {};
    if (!this.isNew('sequence', ...steps)) return;
    const section = this.sectionPath;
    const id = this.ids.allocate('sequence', label ?? steps.join(' '), section);
    steps.forEach((step, k) => this.plainField(step, `steps/${k}`));
    if (label) this.plainField(label, 'label');
    const sequence = label ? { id, steps, label, section, source } : { id, steps, section, source };
    this.doc.sequences.push(sequence);
    this.finish(sequence);
  }

  /** `literal` answers (code) are kept exactly as written. */
  addQa(rawQuestion: FieldText, rawAnswers: FieldText[], source: SourcePosition, reversible = false, section = this.sectionPath, literal = false): QuestionAnswer | null {
    this.pending = {};
    const question = this.text(rawQuestion, 'question');
    const kept: string[] = [];
    for (const a of rawAnswers) {
      // Answers are numbered as kept: an empty one leaves no gap.
      const plain = literal && typeof a === 'string' ? this.text([{ type: 'code', code: a.replace(/\s+$/, ''), block: true }], `answers/${kept.length}`) : this.text(a, `answers/${kept.length}`);
      if (plain) kept.push(plain);
      else delete this.pending[`answers/${kept.length}`];
    }
    if (!question || kept.length === 0) return this.discard();
    if (!this.isNew('qa', question, ...kept)) return this.discard();
    // The same question pasted again, with more or fewer words in its answer: kept once, the fuller.
    const repeat = this.repeats.find('qa', normaliseKey(question), normaliseKey(kept.join(' ')));
    if (repeat) {
      const earlier = repeat as QuestionAnswer;
      if (kept.join(' ').length > earlier.answers.join(' ').length) {
        earlier.answers = kept;
        const rich = Object.fromEntries(Object.entries(this.pending).filter(([k]) => k.startsWith('answers/')));
        const others = Object.fromEntries(Object.entries(earlier.rich ?? {}).filter(([k]) => !k.startsWith('answers/')));
        if (Object.keys(rich).length || Object.keys(others).length) earlier.rich = { ...others, ...rich };
        else delete earlier.rich;
      }
      return this.discard();
    }
    const id = this.ids.allocate('qa', question, section);
    const item: QuestionAnswer = reversible ? { id, question, answers: kept, reversible, section, source } : { id, question, answers: kept, section, source };
    this.doc.qa.push(item);
    this.repeats.add('qa', normaliseKey(question), normaliseKey(kept.join(' ')), item);
    return this.finish(item, 'qa');
  }

  addCloze(cloze: Omit<Cloze, 'id' | 'section' | 'source'>, source: SourcePosition): void {
    this.pending = {};
    if (!this.isNew('cloze', cloze.cloze)) return;
    const section = this.sectionPath;
    this.plainField(cloze.text, 'text');
    const item: Cloze = { id: this.ids.allocate('cloze', cloze.text, section), ...cloze, section, source };
    this.doc.clozes.push(item);
    this.finish(item);
  }

  addKeyPoint(raw: string, source: SourcePosition): void {
    this.pending = {};
    const text = this.text(raw, 'text');
    if (!text || !this.isNew('keyPoint', text) || this.isRepeat('keyPoint', text)) {
      this.discard();
      return;
    }
    const section = this.sectionPath;
    const figures = findFigures(text);
    const item: KeyPoint = { id: this.ids.allocate('keyPoint', text, section), text, section, source };
    if (figures.length) item.figures = figures;
    this.doc.keyPoints.push(item);
    this.repeats.add('keyPoint', normaliseKey(text), '', item);
    this.finish(item);
  }

  /** Prose no rule made an item of, kept in its section; the same passage pasted twice is kept once. */
  addParagraph(raw: string, source: SourcePosition, endLine: number): void {
    this.pending = {};
    const text = this.text(raw, 'text');
    if (!text || !/[\p{L}\p{N}]/u.test(text) || !this.isNew('paragraph', text) || this.isRepeat('paragraph', text)) {
      this.discard();
      return;
    }
    const section = this.sectionPath;
    const item: Paragraph = { id: this.ids.allocate('paragraph', text.slice(0, 200), section), text, section, source, endLine };
    this.doc.paragraphs.push(item);
    this.repeats.add('paragraph', normaliseKey(text), '', item);
    this.finish(item, 'paragraph');
  }

  private plainNode(node: OutlineNode): OutlineNode {
    const read = readInline(node.label, this.doc.file);
    const plain: OutlineNode = { label: read.plain, children: node.children.map((c) => this.plainNode(c)), source: node.source };
    if (read.rich) plain.rich = { label: read.rich };
    return plain;
  }

  /** The expression is typeset whatever way it was written: TeX as it is, `m = (PV - PA) / PV` turned into TeX. */
  addFormula(expression: string, variables: FormulaVariable[], source: SourcePosition): Formula | null {
    this.pending = {};
    if (!this.isNew('formula', expression)) return null;
    const section = this.sectionPath;
    // A formula written in words of a script MathJax's fonts lack (需求价格弹性 = …) reads best as text.
    if (!/[\u0590-\u1fff\u2e80-\uffff]/u.test(expression) || /\\[a-zA-Z]/.test(expression)) this.pending.expression = [{ type: 'math', tex: toTex(expression), display: true }];
    variables.forEach((v, k) => {
      this.plainField(v.symbol, `variables/${k}/symbol`);
      this.plainField(v.meaning, `variables/${k}/meaning`);
    });
    const item: Formula = { id: this.ids.allocate('formula', expression, section), expression, variables, section, source };
    this.doc.formulas.push(item);
    return this.finish(item);
  }

  addChoice(rawStem: string, rawOptions: ChoiceOption[], source: SourcePosition, rawExplanation?: string, section = this.sectionPath): ChoiceQuestion | null {
    this.pending = {};
    const stem = this.text(rawStem, 'stem');
    const explanation = rawExplanation === undefined ? undefined : this.text(rawExplanation, 'explanation');
    const kept: ChoiceOption[] = [];
    for (const o of rawOptions) {
      const text = this.text(o.text, `options/${kept.length}/text`);
      if (text) kept.push({ text, correct: o.correct });
      else delete this.pending[`options/${kept.length}/text`];
    }
    if (!stem || kept.length < 2 || !kept.some((o) => o.correct)) return this.discard();
    if (!this.isNew('choice', stem, ...kept.map((o) => `${o.correct ? '+' : '-'}${o.text}`))) return this.discard();
    const item: ChoiceQuestion = { id: this.ids.allocate('choice', stem, section), stem, options: kept, multiple: kept.filter((o) => o.correct).length > 1, section, source };
    if (explanation) item.explanation = explanation;
    else delete this.pending.explanation;
    this.doc.choices.push(item);
    return this.finish(item);
  }
}

function stripSources(node: OutlineNode): unknown {
  return { l: node.label, c: node.children.map(stripSources) };
}

/**
 * Earlier items by kind, bucketed by the first characters of their folded key so that a lookup
 * stays constant work: an item whose key (and, for questions, whose answer) holds the other's, or
 * is held by it, is the same passage pasted again.
 */
class RepeatIndex {
  private readonly buckets = new Map<string, { key: string; body: string; item: object }[]>();

  private bucket(kind: string, key: string): string {
    return `${kind}\u0000${key.slice(0, 12)}`;
  }

  find(kind: string, key: string, body: string): object | null {
    if (key.length < 12) return null;
    for (const e of this.buckets.get(this.bucket(kind, key)) ?? []) {
      if (nearlySame(e.key, key) && nearlySame(e.body, body)) return e.item;
    }
    return null;
  }

  add(kind: string, key: string, body: string, item: object): void {
    if (key.length < 12) return;
    const b = this.bucket(kind, key);
    const list = this.buckets.get(b) ?? [];
    // Bounded, so a file repeating one opening thousands of times stays linear.
    if (list.length < 16) list.push({ key, body, item });
    this.buckets.set(b, list);
  }
}

/**
 * One text holding the other with a few more words: the same passage. A difference of numbers
 * (`point 1`, `point 10`) or of more than a third of the text is a different statement.
 */
function nearlySame(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!long.includes(short) || short.length < 0.66 * long.length) return false;
  return !/\d/.test(long.replace(short, ''));
}
