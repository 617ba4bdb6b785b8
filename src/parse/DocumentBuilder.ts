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
  type Paragraph,
  type QuestionAnswer,
  type OutlineNode,
  type SourcePosition,
  type StudyDocument,
} from '../model/StudyDocument.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import { findFigures } from './findFigures.js';
import { stripInline } from './stripInline.js';

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
  private readonly repeats = new RepeatIndex();

  constructor(file: string) {
    this.doc = createEmptyDocument(file);
  }

  /**
   * The plain text of a field from the notes' inline Markdown. (`raw` may hold the stand-ins that
   * protectLiterals put in code spans while rules matched; restoreLiterals gives the notes' text.)
   */
  text(raw: string): string {
    return stripInline(raw);
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
    this.doc.sections.push({ id: this.ids.allocate('section', text, path.slice(0, -1)), text, depth, path, source });
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
  addDefinition(rawTerm: string, rawDefinition: string, source: SourcePosition, legendOf?: string): Definition | null {
    const term = this.text(rawTerm).replace(/\s+/g, ' ');
    const definition = this.text(rawDefinition);
    if (!term || !definition) return null;
    const key = normaliseKey(term);
    const core = normaliseKey(definition.replace(/^(?:是指|指的是|是|指|即|c'est|it is|is)\s*/iu, ''));
    const known = this.definitionCores.get(key) ?? [];
    // Bounded, so a file defining one term thousands of times stays linear.
    for (const k of known.length <= 32 ? known : []) {
      if (k.core.includes(core)) return null;
      if (core.includes(k.core)) {
        // The same definition pasted again with more words: keep the fuller one, once.
        k.core = core;
        k.item.definition = definition;
        return null;
      }
    }
    if (!this.isNew('definition', term, definition)) return null;
    const section = this.sectionPath;
    const item: Definition = { id: this.ids.allocate('definition', term, section), term, definition, section, source };
    if (legendOf) item.legendOf = legendOf;
    known.push({ core, item });
    this.definitionCores.set(key, known);
    this.doc.definitions.push(item);
    return item;
  }

  /** A definition wrapped over the next line goes on with it. */
  extendDefinition(item: Definition, raw: string): void {
    const more = this.text(raw);
    if (more) item.definition = `${item.definition} ${more}`;
  }

  addTable(rawHeader: string[], rawRows: string[][], source: SourcePosition, rawCaption?: string): void {
    const header = rawHeader.map((c) => this.text(c));
    const rows = rawRows.map((r) => r.map((c) => this.text(c)));
    const caption = rawCaption === undefined ? undefined : this.text(rawCaption) || undefined;
    if (!this.isNew('table', header.join('|'), ...rows.map((r) => r.join('|')))) return;
    const section = this.sectionPath;
    const id = this.ids.allocate('table', caption ?? header.join(' '), section);
    this.doc.tables.push(caption ? { id, header, rows, caption, section, source } : { id, header, rows, section, source });
  }

  addOutline(rawNode: OutlineNode): void {
    const node = this.plainNode(rawNode);
    if (!this.isNew('outline', JSON.stringify(stripSources(node)))) return;
    const section = this.sectionPath;
    this.doc.outlines.push({ id: this.ids.allocate('outline', node.label, section), ...node, section });
  }

  addSequence(steps: string[], source: SourcePosition, label?: string): void {
    if (!this.isNew('sequence', ...steps)) return;
    const section = this.sectionPath;
    const id = this.ids.allocate('sequence', label ?? steps.join(' '), section);
    this.doc.sequences.push(label ? { id, steps, label, section, source } : { id, steps, section, source });
  }

  /** `literal` answers (code) are kept exactly as written. */
  addQa(rawQuestion: string, rawAnswers: string[], source: SourcePosition, reversible = false, section = this.sectionPath, literal = false): void {
    const question = this.text(rawQuestion);
    const kept = rawAnswers.map((a) => (literal ? a.replace(/\s+$/, '') : this.text(a))).filter(Boolean);
    if (!question || kept.length === 0) return;
    if (!this.isNew('qa', question, ...kept)) return;
    // The same question pasted again, with more or fewer words in its answer: kept once, the fuller.
    const repeat = this.repeats.find('qa', normaliseKey(question), normaliseKey(kept.join(' ')));
    if (repeat) {
      const earlier = repeat as QuestionAnswer;
      if (kept.join(' ').length > earlier.answers.join(' ').length) earlier.answers = kept;
      return;
    }
    const id = this.ids.allocate('qa', question, section);
    const item: QuestionAnswer = reversible ? { id, question, answers: kept, reversible, section, source } : { id, question, answers: kept, section, source };
    this.doc.qa.push(item);
    this.repeats.add('qa', normaliseKey(question), normaliseKey(kept.join(' ')), item);
  }

  addCloze(cloze: Omit<Cloze, 'id' | 'section' | 'source'>, source: SourcePosition): void {
    if (!this.isNew('cloze', cloze.cloze)) return;
    const section = this.sectionPath;
    this.doc.clozes.push({ id: this.ids.allocate('cloze', cloze.text, section), ...cloze, section, source });
  }

  addKeyPoint(raw: string, source: SourcePosition): void {
    const text = this.text(raw);
    if (!text || !this.isNew('keyPoint', text) || this.isRepeat('keyPoint', text)) return;
    const section = this.sectionPath;
    const figures = findFigures(text);
    const item: KeyPoint = { id: this.ids.allocate('keyPoint', text, section), text, section, source };
    if (figures.length) item.figures = figures;
    this.doc.keyPoints.push(item);
    this.repeats.add('keyPoint', normaliseKey(text), '', item);
  }

  /** Prose no rule made an item of, kept in its section; the same passage pasted twice is kept once. */
  addParagraph(raw: string, source: SourcePosition, endLine: number): void {
    const text = this.text(raw);
    if (!text || !/[\p{L}\p{N}]/u.test(text) || !this.isNew('paragraph', text) || this.isRepeat('paragraph', text)) return;
    const section = this.sectionPath;
    const item: Paragraph = { id: this.ids.allocate('paragraph', text.slice(0, 200), section), text, section, source, endLine };
    this.doc.paragraphs.push(item);
    this.repeats.add('paragraph', normaliseKey(text), '', item);
  }

  private plainNode(node: OutlineNode): OutlineNode {
    return { label: this.text(node.label), children: node.children.map((c) => this.plainNode(c)), source: node.source };
  }

  addFormula(expression: string, variables: FormulaVariable[], source: SourcePosition): Formula | null {
    if (!this.isNew('formula', expression)) return null;
    const section = this.sectionPath;
    const item: Formula = { id: this.ids.allocate('formula', expression, section), expression, variables, section, source };
    this.doc.formulas.push(item);
    return item;
  }

  addChoice(rawStem: string, rawOptions: ChoiceOption[], source: SourcePosition, rawExplanation?: string, section = this.sectionPath): ChoiceQuestion | null {
    const stem = this.text(rawStem);
    const explanation = rawExplanation === undefined ? undefined : this.text(rawExplanation);
    const kept = rawOptions.map((o) => ({ text: this.text(o.text), correct: o.correct })).filter((o) => o.text);
    if (!stem || kept.length < 2 || !kept.some((o) => o.correct)) return null;
    if (!this.isNew('choice', stem, ...kept.map((o) => `${o.correct ? '+' : '-'}${o.text}`))) return null;
    const item: ChoiceQuestion = { id: this.ids.allocate('choice', stem, section), stem, options: kept, multiple: kept.filter((o) => o.correct).length > 1, section, source };
    if (explanation) item.explanation = explanation;
    this.doc.choices.push(item);
    return item;
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
