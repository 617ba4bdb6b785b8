import type { ChoiceQuestion, Cloze, Definition, Formula, KeyPoint, Outline, Paragraph, QuestionAnswer, Sequence, StudyDocument, Table } from '../../model/StudyDocument.js';
import type { Span } from './breakLines.js';
import type { FontChain } from './FontChain.js';
import { foldFact, formulaLines } from './findCarriedItems.js';
import { flowRows } from './flowRows.js';
import { paragraphRows } from './paragraphRows.js';
import type { Row } from './Row.js';
import type { SheetPlan } from './sheetDirectives.js';
import { sheetStyle } from './sheetStyle.js';
import { tableRows } from './tableRows.js';
import { treeRows } from './treeRows.js';

export interface SheetRowsInput {
  plan: SheetPlan;
  document: StudyDocument;
  chain: FontChain;
  columnWidth: number;
  contentWidth: number;
  /** Height of a column: a tree that fits in one is never split. */
  columnHeight: number;
  prepare: (s: string) => string;
  warn: (message: string) => void;
}

function withSpace(rows: Row[], space: number): Row[] {
  if (rows.length) rows[0] = { ...rows[0], spaceBefore: Math.max(rows[0].spaceBefore ?? 0, space) };
  return rows;
}

/** Spans of a cloze sentence with every deletion picked out, in order of appearance. */
function clozeSpans(cloze: Cloze, prepare: (s: string) => string): Span[] {
  const text = prepare(cloze.text);
  const spans: Span[] = [];
  let at = 0;
  for (const d of cloze.deletions.map(prepare).filter(Boolean)) {
    const found = text.indexOf(d, at);
    if (found < 0) continue;
    if (found > at) spans.push({ text: text.slice(at, found) });
    spans.push({ text: d, style: 'bold', color: sheetStyle.color.accent });
    at = found + d.length;
  }
  if (at < text.length) spans.push({ text: text.slice(at) });
  return spans;
}

/** Turns the template's directives into rows, drawing each item the way its kind reads best. */
export function sheetRows(input: SheetRowsInput): { rows: Row[]; running: string; footer: string; title: string } {
  const { plan, chain, prepare } = input;
  const L = plan.labels;
  const st = sheetStyle;
  let width = input.columnWidth;
  const rows: Row[] = [];
  let running = '';
  let footer = '{page} / {pages}';
  let title = '';
  const para = (spans: Span[], extra: Partial<Parameters<typeof paragraphRows>[1]> = {}) => paragraphRows(spans, { chain, width, ...extra });
  const unknown = new Set<string>();
  // Separators keep their own spaces (cleanText would trim them); French still gets its no-break space.
  const raw = (s: string | undefined, fallback: string) => {
    const text = s ?? fallback;
    return input.document.language.startsWith('fr') ? text.replace(/ ([:;?!])/g, '\u00a0$1') : text;
  };
  const sep = raw(L.termSeparator, ': ');
  const joinAnswers = (answers: string[]) =>
    answers
      .map(prepare)
      .filter(Boolean)
      .reduce((all, a) => (all ? all + (/[。！？；]$/.test(all) ? '' : /[.!?;…]$/.test(all) ? ' ' : raw(L.answerJoin, ' · ')) + a : a), '');

  // Formula boxes the template prints: their lines are not repeated inside an answer.
  const printed = new Set(plan.directives.filter((d) => d.name === 'item').map((d) => d.args.trim()));
  const formulaShown = formulaLines(input.document, (id) => printed.has(id));
  const definitionTerms = new Map(input.document.definitions.map((d) => [foldFact(`${d.term}${d.definition}`), d.term.trim()]));
  /** An answer line that is also a definition ("Terme : définition") shows its term in bold, as definitions do. */
  const termSpans = (line: string): Span[] => {
    const term = definitionTerms.get(foldFact(line));
    if (term && line.startsWith(term)) {
      const after = line.slice(term.length);
      const rest = after.replace(/^\s*[:：=—–-]+\s*/u, '');
      // The line's own separator reads as the sheet's; a line with none ("X是指…") is kept as written.
      return [{ text: prepare(term), style: 'bold', color: st.color.accentDark }, ...(rest === after ? [] : [{ text: sep }]), { text: rest === after ? after : prepare(rest) }];
    }
    return [{ text: prepare(line) }];
  };

  const itemRows = (id: string): Row[] => {
    const found = plan.items.get(id);
    if (!found) {
      input.warn(`sheet template asks for item "${id}", which the notes do not have`);
      return [];
    }
    switch (found.kind) {
      case 'definitions': {
        const d = found.item as Definition;
        return para([{ text: prepare(d.term), style: 'bold', color: st.color.accentDark }, { text: sep }, { text: prepare(d.definition) }], { spaceBefore: st.itemGap });
      }
      case 'qa': {
        const q = found.item as QuestionAnswer;
        // Lines a printed formula box shows again (its expression, its legend) are left to the box.
        const answers = q.answers.map((a) => a.trim()).filter((a) => a && !formulaShown.has(foldFact(a)));
        const arrow = { text: /[？！。：）]$/.test(q.question.trim()) ? raw(L.answerArrow, ' → ').trimStart() : raw(L.answerArrow, ' → '), color: st.color.accent, style: 'bold' as const };
        if (answers.length <= 1) {
          return para([{ text: prepare(q.question), style: 'bold' }, arrow, { text: joinAnswers(answers.length ? answers : q.answers) }], { spaceBefore: st.itemGap });
        }
        // Several answer lines read as a list: one bullet each, a "term: meaning" line with its term in bold.
        const out = para([{ text: prepare(q.question), style: 'bold' }], { spaceBefore: st.itemGap, keepWithNext: true });
        answers.forEach((a, i) => {
          out.push(...para(termSpans(a), { indent: 9, marker: { text: '–', color: st.color.accent, style: 'bold' }, keepWithNext: i === 0 }));
        });
        return out;
      }
      case 'keyPoints': {
        const k = found.item as KeyPoint;
        return para([{ text: prepare(k.text) }], { indent: 9, marker: { text: '•', color: st.color.accent, style: 'bold' }, spaceBefore: st.itemGap });
      }
      case 'clozes': {
        const c = found.item as Cloze;
        return para(clozeSpans(c, prepare), { indent: 9, marker: { text: '•', color: st.color.accent, style: 'bold' }, spaceBefore: st.itemGap });
      }
      case 'formulas': {
        const f = found.item as Formula;
        const band = { fill: st.color.formulaFill, bar: st.color.formulaBar, padX: 7 };
        const out = para([{ text: prepare(f.expression) }], { size: st.body.size + 0.8, leading: 1.5, band, spaceBefore: st.blockGap });
        f.variables.forEach((v, i) => {
          const lead = i === 0 ? `${L.variablesLead ?? 'where'} ` : '';
          out.push(...para([{ text: lead, color: st.color.muted }, { text: prepare(v.symbol), style: 'bold' }, { text: sep }, { text: prepare(v.meaning) }], { size: st.small + 0.4, band }));
        });
        return out;
      }
      case 'tables': {
        const t = found.item as Table;
        const caption = t.caption ? para([{ text: prepare(t.caption), style: 'bold', color: st.color.muted }], { size: st.small + 0.6, keepWithNext: true }) : [];
        return withSpace([...caption, ...tableRows(t, chain, width, prepare)], st.blockGap);
      }
      case 'outlines':
        return withSpace(treeRows(found.item as Outline, chain, width, prepare, input.columnHeight), st.blockGap);
      case 'sequences': {
        const s = found.item as Sequence;
        const label = s.label ? para([{ text: prepare(s.label), style: 'bold', color: st.color.muted }], { size: st.small + 0.6, keepWithNext: true }) : [];
        return withSpace([...label, ...flowRows(s.steps, chain, width, prepare)], st.blockGap);
      }
      case 'paragraphs': {
        const p = found.item as Paragraph;
        return para([{ text: prepare(p.text) }], { size: st.small + 0.6, spaceBefore: st.itemGap });
      }
      case 'choices': {
        const c = found.item as ChoiceQuestion;
        const out = para([{ text: prepare(c.stem), style: 'bold' }], { spaceBefore: st.itemGap, keepWithNext: true });
        for (const o of c.options) {
          out.push(...para([{ text: prepare(o.text), style: o.correct ? 'bold' : undefined }], { indent: 9, marker: { text: o.correct ? '✓' : '○', color: st.color.accent, style: 'bold' } }));
        }
        if (c.explanation) out.push(...para([{ text: prepare(c.explanation), color: st.color.muted }], { size: st.small + 0.4, indent: 9 }));
        return out;
      }
    }
  };

  // A section holding a table too wide for a column is set across the page; the others flow in columns.
  const wideTable = (id: string) => {
    const found = plan.items.get(id);
    if (found?.kind !== 'tables') return false;
    const t = found.item as Table;
    return Math.max(t.header.length, ...t.rows.map((r) => r.length)) > 4;
  };
  const wide = new Array<boolean>(plan.directives.length).fill(false);
  for (let start = 0; start < plan.directives.length; ) {
    let end = start + 1;
    while (end < plan.directives.length && plan.directives[end].name !== 'section') end++;
    if (plan.directives.slice(start, end).some((d) => d.name === 'item' && wideTable(d.args.trim()))) wide.fill(true, start, end);
    start = end;
  }

  for (const [index, d] of plan.directives.entries()) {
    width = wide[index] ? input.contentWidth : input.columnWidth;
    const before = rows.length;
    switch (d.name) {
      case 'columns':
      case 'paper':
      case 'hyphenate':
        break;
      case 'title':
        title = d.args;
        rows.push(...paragraphRows([{ text: prepare(d.args), style: 'bold', color: st.color.accentDark }], { chain, width: input.contentWidth, size: st.title, leading: 1.2, span: true }));
        break;
      case 'meta':
        rows.push(...paragraphRows([{ text: prepare(d.args), color: st.color.muted }], { chain, width: input.contentWidth, size: st.small + 0.6, span: true, underline: st.color.accent }));
        rows.push({ height: 6, span: true, draw: () => undefined });
        break;
      case 'running':
        running = d.args;
        break;
      case 'footer':
        footer = d.args;
        break;
      case 'section': {
        const m = /^(\d+)\s+(.*)$/.exec(d.args);
        const level = Math.min(3, Math.max(1, m ? Number(m[1]) : 1));
        const text = m ? m[2] : d.args;
        const h = st.headings[level - 1];
        rows.push(
          ...para([{ text: prepare(text), style: 'bold', color: level === 1 ? st.color.accent : st.color.accentDark }], {
            size: h.size,
            leading: 1.25,
            spaceBefore: h.spaceBefore,
            keepWithNext: true,
            bookmark: { title: text, depth: level },
            underline: h.rule ? st.color.rule : undefined,
          }),
        );
        break;
      }
      case 'label':
        rows.push(...para([{ text: prepare(d.args).toLocaleUpperCase(plan.labels.dateLocale || 'en'), style: 'bold', color: st.color.accent }], { size: /[\u3000-\u9fff]/.test(d.args) ? st.label.size + 1 : st.label.size, leading: 1.5, spaceBefore: st.label.spaceBefore, keepWithNext: true }));
        break;
      case 'item':
        rows.push(...itemRows(d.args.trim()));
        break;
      case 'text':
        rows.push(...para([{ text: prepare(d.args) }], { spaceBefore: st.itemGap }));
        break;
      case 'columnbreak':
      case 'pagebreak':
        rows.push({ height: 0, breakBefore: d.name === 'pagebreak' ? 'page' : 'column', draw: () => undefined });
        break;
      default:
        if (!unknown.has(d.name)) input.warn(`sheet template line ${d.line}: unknown directive @${d.name} (ignored)`);
        unknown.add(d.name);
    }
    if (wide[index]) for (let r = before; r < rows.length; r++) rows[r] = { ...rows[r], span: true };
  }
  return { rows, running, footer, title };
}
