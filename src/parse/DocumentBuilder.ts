import { IdAllocator, normaliseKey } from '../model/makeItemId.js';
import {
  createEmptyDocument,
  type ChoiceOption,
  type ChoiceQuestion,
  type Cloze,
  type Definition,
  type Formula,
  type FormulaVariable,
  type OutlineNode,
  type SourcePosition,
  type StudyDocument,
} from '../model/StudyDocument.js';
import type { Diagnostic } from '../model/Diagnostic.js';

interface OpenSection {
  text: string;
  depth: number;
}

/**
 * Collects items into a StudyDocument: assigns stable ids, tracks the heading path, and keeps each
 * item once when pasted notes repeat a paragraph (same kind and same content, wherever it appears).
 */
export class DocumentBuilder {
  readonly doc: StudyDocument;
  readonly messages: Diagnostic[] = [];
  private readonly ids = new IdAllocator();
  private readonly seen = new Set<string>();
  private readonly open: OpenSection[] = [];
  private readonly definitionCores = new Map<string, { core: string; item: Definition }[]>();

  constructor(file: string) {
    this.doc = createEmptyDocument(file);
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
  addDefinition(term: string, definition: string, source: SourcePosition, legendOf?: string): Definition | null {
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

  addTable(header: string[], rows: string[][], source: SourcePosition, caption?: string): void {
    if (!this.isNew('table', header.join('|'), ...rows.map((r) => r.join('|')))) return;
    const section = this.sectionPath;
    const id = this.ids.allocate('table', caption ?? header.join(' '), section);
    this.doc.tables.push(caption ? { id, header, rows, caption, section, source } : { id, header, rows, section, source });
  }

  addOutline(node: OutlineNode): void {
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

  addQa(question: string, answers: string[], source: SourcePosition, reversible = false, section = this.sectionPath): void {
    const kept = answers.map((a) => a.trim()).filter(Boolean);
    if (!question || kept.length === 0) return;
    if (!this.isNew('qa', question, ...kept)) return;
    const id = this.ids.allocate('qa', question, section);
    this.doc.qa.push(reversible ? { id, question, answers: kept, reversible, section, source } : { id, question, answers: kept, section, source });
  }

  addCloze(cloze: Omit<Cloze, 'id' | 'section' | 'source'>, source: SourcePosition): void {
    if (!this.isNew('cloze', cloze.cloze)) return;
    const section = this.sectionPath;
    this.doc.clozes.push({ id: this.ids.allocate('cloze', cloze.text, section), ...cloze, section, source });
  }

  addKeyPoint(text: string, source: SourcePosition): void {
    if (!text || !this.isNew('keyPoint', text)) return;
    const section = this.sectionPath;
    this.doc.keyPoints.push({ id: this.ids.allocate('keyPoint', text, section), text, section, source });
  }

  addFormula(expression: string, variables: FormulaVariable[], source: SourcePosition): Formula | null {
    if (!this.isNew('formula', expression)) return null;
    const section = this.sectionPath;
    const item: Formula = { id: this.ids.allocate('formula', expression, section), expression, variables, section, source };
    this.doc.formulas.push(item);
    return item;
  }

  addChoice(stem: string, options: ChoiceOption[], source: SourcePosition, explanation?: string, section = this.sectionPath): ChoiceQuestion | null {
    const kept = options.filter((o) => o.text.trim());
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
