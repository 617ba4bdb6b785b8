import { makeItemId } from '../../src/model/makeItemId.js';
import {
  createEmptyDocument,
  type Cloze,
  type Definition,
  type OutlineNode,
  type QuestionAnswer,
  type Sequence,
  type StudyDocument,
  type Table,
} from '../../src/model/StudyDocument.js';

/** A small study model built by hand, so generator tests do not depend on the parser. */
export class DocumentMaker {
  readonly doc: StudyDocument;
  private line = 1;

  constructor(language = 'en', file = 'notes.md') {
    this.doc = createEmptyDocument(file);
    this.doc.language = language;
    this.doc.title = 'Hand-made notes';
  }

  private at() {
    return { line: this.line++, column: 1 };
  }

  definition(term: string, definition: string, section: string[] = ['Terms']): Definition {
    const d = { id: makeItemId('definition', term, section), term, definition, section, source: this.at() };
    this.doc.definitions.push(d);
    return d;
  }

  table(header: string[], rows: string[][], section: string[] = ['Table']): Table {
    const t = { id: makeItemId('table', header.join(' '), section), header, rows, section, source: this.at() };
    this.line += rows.length + 1;
    this.doc.tables.push(t);
    return t;
  }

  sequence(steps: string[], label?: string, section: string[] = ['Flow']): Sequence {
    const s: Sequence = { id: makeItemId('sequence', label ?? steps.join(' '), section), steps, section, source: this.at() };
    if (label) s.label = label;
    this.doc.sequences.push(s);
    return s;
  }

  outline(tree: [string, (string | [string, string[]])[]], section: string[] = ['Groups']): void {
    const node = (label: string, children: OutlineNode[]): OutlineNode => ({ label, children, source: this.at() });
    const [rootLabel, groups] = tree;
    const root = node(rootLabel, []);
    for (const g of groups) {
      if (typeof g === 'string') root.children.push(node(g, []));
      else root.children.push(node(g[0], g[1].map((leaf) => node(leaf, []))));
    }
    this.doc.outlines.push({ ...root, id: makeItemId('outline', rootLabel, section), section });
  }

  qa(question: string, answers: string[], section: string[] = ['Quiz']): QuestionAnswer {
    const q = { id: makeItemId('qa', question, section), question, answers, section, source: this.at() };
    this.doc.qa.push(q);
    return q;
  }

  cloze(parts: (string | [string, string?])[], section: string[] = ['Cloze']): Cloze {
    let text = '';
    let cloze = '';
    const deletions: string[] = [];
    const hints: (string | null)[] = [];
    for (const p of parts) {
      if (typeof p === 'string') {
        text += p;
        cloze += p;
      } else {
        deletions.push(p[0]);
        hints.push(p[1] ?? null);
        text += p[0];
        cloze += `{{c${deletions.length}::${p[0]}${p[1] ? `::${p[1]}` : ''}}}`;
      }
    }
    const c = { id: makeItemId('cloze', text, section), text, cloze, deletions, hints, section, source: this.at() };
    this.doc.clozes.push(c);
    return c;
  }

  keyPoint(text: string, section: string[] = ['Facts']): void {
    this.doc.keyPoints.push({ id: makeItemId('keyPoint', text, section), text, section, source: this.at() });
  }
}
