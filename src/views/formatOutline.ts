import type { OutlineNode, SourcePosition, StudyDocument } from '../model/StudyDocument.js';

const WIDTH = 100;

function clip(text: string, width = WIDTH): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** The human view of `inspect`: every item found, by kind, with the line it came from. */
export function formatOutline(doc: StudyDocument): string {
  const out: string[] = [];
  // Paged formats show where on the page or slide: `p3:12` is line 12 of page 3, `s4:2` line 2 of slide 4.
  const pad = (at: number | Pick<SourcePosition, 'line' | 'page' | 'slide'>) =>
    (typeof at === 'number' ? String(at) : at.page ? `p${at.page}:${at.line}` : at.slide ? `s${at.slide}:${at.line}` : String(at.line)).padStart(5);
  out.push(`${doc.file}: "${doc.title}"  language ${doc.language} (${doc.languageSource})${doc.tags.length ? `  tags ${doc.tags.join(', ')}` : ''}`);
  const block = (name: string, rows: string[]) => {
    if (rows.length === 0) return;
    out.push('', `${name} (${rows.length})`, ...rows);
  };
  block('sections', doc.sections.map((s) => `${pad(s.source)}  ${'  '.repeat(s.depth - 1)}${clip(s.text)}`));
  block('definitions', doc.definitions.map((d) => `${pad(d.source)}  ${clip(`${d.term} — ${d.definition}`)}`));
  block('tables', doc.tables.map((t) => `${pad(t.source)}  ${t.header.length} columns × ${t.rows.length} rows: ${clip(t.header.join(' | '), 80)}`));
  const tree: string[] = [];
  const walk = (node: OutlineNode, depth: number) => {
    tree.push(`${pad(node.source)}  ${'  '.repeat(depth)}${depth ? '└ ' : ''}${clip(node.label, 90)}`);
    for (const c of node.children) walk(c, depth + 1);
  };
  for (const o of doc.outlines) walk(o, 0);
  if (doc.outlines.length) out.push('', `outlines (${doc.outlines.length})`, ...tree);
  block('sequences', doc.sequences.map((s) => `${pad(s.source)}  ${clip(`${s.label ? `${s.label}: ` : ''}${s.steps.join(' → ')}`)}`));
  block('questions', doc.qa.map((q) => `${pad(q.source)}  ${clip(`${q.question}  ⇒  ${q.answers.join(' / ')}`)}`));
  block('clozes', doc.clozes.map((c) => `${pad(c.source)}  ${clip(c.cloze)}`));
  block('key points', doc.keyPoints.map((k) => `${pad(k.source)}  ${clip(k.text)}`));
  block('formulas', doc.formulas.map((f) => `${pad(f.source)}  ${clip(`${f.expression}${f.variables.length ? `  (${f.variables.map((v) => `${v.symbol}: ${v.meaning}`).join('; ')})` : ''}`)}`));
  const choices: string[] = [];
  for (const c of doc.choices) {
    choices.push(`${pad(c.source)}  ${clip(c.stem)}${c.multiple ? '  (several answers)' : ''}`);
    for (const o of c.options) choices.push(`         ${o.correct ? '[x]' : '[ ]'} ${clip(o.text, 90)}`);
    if (c.explanation) choices.push(`         ${clip(`why: ${c.explanation}`, 90)}`);
  }
  if (doc.choices.length) out.push('', `multiple choice (${doc.choices.length})`, ...choices);
  block('paragraphs', doc.paragraphs.map((p) => `${pad(p.source)}  ${clip(p.text)}`));
  block('dropped', doc.dropped.map((d) => `${pad(d)}  ${clip(d.text, 70)}  [${d.reason}]`));
  if (doc.coverage) {
    const { words, covered, unused } = doc.coverage;
    const share = words ? ((100 * covered) / words).toFixed(1) : '100.0';
    const ranges = unused.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`));
    out.push('', `coverage: ${share} % of ${words} words reached an item${ranges.length ? `; unused lines: ${clip(ranges.join(', '), 80)}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
