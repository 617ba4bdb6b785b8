import type { OutlineNode, StudyDocument } from '../model/StudyDocument.js';

const WIDTH = 100;

function clip(text: string, width = WIDTH): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** The human view of `inspect`: every item found, by kind, with the line it came from. */
export function formatOutline(doc: StudyDocument): string {
  const out: string[] = [];
  const pad = (n: number) => String(n).padStart(5);
  out.push(`${doc.file}: "${doc.title}"  language ${doc.language} (${doc.languageSource})${doc.tags.length ? `  tags ${doc.tags.join(', ')}` : ''}`);
  const block = (name: string, rows: string[]) => {
    if (rows.length === 0) return;
    out.push('', `${name} (${rows.length})`, ...rows);
  };
  block('sections', doc.sections.map((s) => `${pad(s.source.line)}  ${'  '.repeat(s.depth - 1)}${clip(s.text)}`));
  block('definitions', doc.definitions.map((d) => `${pad(d.source.line)}  ${clip(`${d.term} — ${d.definition}`)}`));
  block('tables', doc.tables.map((t) => `${pad(t.source.line)}  ${t.header.length} columns × ${t.rows.length} rows: ${clip(t.header.join(' | '), 80)}`));
  const tree: string[] = [];
  const walk = (node: OutlineNode, depth: number) => {
    tree.push(`${pad(node.source.line)}  ${'  '.repeat(depth)}${depth ? '└ ' : ''}${clip(node.label, 90)}`);
    for (const c of node.children) walk(c, depth + 1);
  };
  for (const o of doc.outlines) walk(o, 0);
  if (doc.outlines.length) out.push('', `outlines (${doc.outlines.length})`, ...tree);
  block('sequences', doc.sequences.map((s) => `${pad(s.source.line)}  ${clip(`${s.label ? `${s.label}: ` : ''}${s.steps.join(' → ')}`)}`));
  block('questions', doc.qa.map((q) => `${pad(q.source.line)}  ${clip(`${q.question}  ⇒  ${q.answers.join(' / ')}`)}`));
  block('clozes', doc.clozes.map((c) => `${pad(c.source.line)}  ${clip(c.cloze)}`));
  block('key points', doc.keyPoints.map((k) => `${pad(k.source.line)}  ${clip(k.text)}`));
  block('formulas', doc.formulas.map((f) => `${pad(f.source.line)}  ${clip(`${f.expression}${f.variables.length ? `  (${f.variables.map((v) => `${v.symbol}: ${v.meaning}`).join('; ')})` : ''}`)}`));
  const choices: string[] = [];
  for (const c of doc.choices) {
    choices.push(`${pad(c.source.line)}  ${clip(c.stem)}${c.multiple ? '  (several answers)' : ''}`);
    for (const o of c.options) choices.push(`         ${o.correct ? '[x]' : '[ ]'} ${clip(o.text, 90)}`);
    if (c.explanation) choices.push(`         ${clip(`why: ${c.explanation}`, 90)}`);
  }
  if (doc.choices.length) out.push('', `multiple choice (${doc.choices.length})`, ...choices);
  block('paragraphs', doc.paragraphs.map((p) => `${pad(p.source.line)}  ${clip(p.text)}`));
  block('dropped', doc.dropped.map((d) => `${pad(d.line)}  ${clip(d.text, 70)}  [${d.reason}]`));
  return `${out.join('\n')}\n`;
}
