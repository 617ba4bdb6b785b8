import type { OutlineNode, StudyDocument } from '../../model/StudyDocument.js';

/** Letters and digits only, case and width folded: "m = Marge" and "m : marge" compare equal. */
export const foldFact = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');

/**
 * Items another item already prints, so the sheet gives each fact once, in its richer form: a
 * definition that is an outline's node, an answer line of a question, or a formula's legend; a flow
 * that is an outline's node. Matching is on whole lines after folding, so it stays linear and only
 * catches the same line read twice, never two facts that merely resemble each other.
 */
export function findCarriedItems(doc: StudyDocument): Set<string> {
  const carriers = new Set<string>();
  const stack: OutlineNode[] = [...doc.outlines];
  while (stack.length) {
    const node = stack.pop()!;
    carriers.add(foldFact(node.label));
    for (const c of node.children) stack.push(c);
  }
  for (const q of doc.qa) for (const a of q.answers) carriers.add(foldFact(a));
  for (const f of doc.formulas) for (const v of f.variables) carriers.add(foldFact(`${v.symbol}${v.meaning}`));
  const carried = new Set<string>();
  for (const d of doc.definitions) {
    const key = foldFact(`${d.term}${d.definition}`);
    if (key && carriers.has(key)) carried.add(d.id);
  }
  for (const s of doc.sequences) {
    const key = foldFact(`${s.label ?? ''}${s.steps.join('')}`);
    if (key && carriers.has(key)) carried.add(s.id);
  }
  return carried;
}

/** Answer lines of a question that a printed formula box shows again (its expression and legend). */
export function formulaLines(doc: StudyDocument, printed: (id: string) => boolean): Set<string> {
  const lines = new Set<string>();
  for (const f of doc.formulas) {
    if (!printed(f.id)) continue;
    lines.add(foldFact(f.expression));
    for (const v of f.variables) lines.add(foldFact(`${v.symbol}${v.meaning}`));
  }
  return lines;
}
