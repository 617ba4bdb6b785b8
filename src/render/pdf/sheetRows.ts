import type { ChoiceQuestion, Cloze, Definition, Formula, KeyPoint, Outline, Paragraph, QuestionAnswer, Sequence, StudyDocument, Table } from '../../model/StudyDocument.js';
import { richOf, type HasRich, type Inline } from '../../model/Inline.js';
import type { Rgb, Span } from './breakLines.js';
import type { FontStyle } from './FontChain.js';
import { blockRows, displayMathRows, richSpans, type RichEnv } from './richRows.js';
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
  /** Formulas, code and images; null for a document whose fields are all plain text. */
  rich: RichEnv | null;
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

  const env = input.rich;
  /** Spans of one field, and the blocks (displayed formulas, code, images) to set under the item. */
  let blocks: Inline[] = [];
  let itemLine = 0;
  const field = (holder: HasRich, path: string, plain: string, base: { style?: FontStyle; color?: Rgb; size?: number } = {}): Span[] => {
    const rich = env ? holder.rich?.[path] : undefined;
    if (!rich || !env) return [{ text: prepare(plain), style: base.style, color: base.color }];
    const read = richSpans(rich, env, { style: base.style, color: base.color, size: base.size ?? st.body.size }, itemLine);
    blocks.push(...read.blocks);
    return read.spans;
  };
  /** The item's rows, then the blocks its fields and the notes under it hold. */
  const withBlocks = (item: { attached?: Inline[] }, rows: Row[]): Row[] => {
    const all = [...blocks, ...(env ? item.attached ?? [] : [])];
    blocks = [];
    if (!env || all.length === 0) return rows;
    // The item's last line stays with the block under it (a figure is not set apart from its term).
    const kept = rows.length ? [...rows.slice(0, -1), { ...rows[rows.length - 1], keepWithNext: true }] : rows;
    return [...kept, ...blockRows(all, env, width, itemLine)];
  };
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
    blocks = [];
    itemLine = found.item.source.line;
    switch (found.kind) {
      case 'definitions': {
        const d = found.item as Definition;
        return withBlocks(d, para([...field(d, 'term', d.term, { style: 'bold', color: st.color.accentDark }), { text: sep }, ...field(d, 'definition', d.definition)], { spaceBefore: st.itemGap }));
      }
      case 'qa': {
        const q = found.item as QuestionAnswer;
        if (env && (q.rich || q.attached)) {
          const answers: Span[] = [];
          let previous = '';
          q.answers.forEach((a, k) => {
            const plain = prepare(a);
            if (!plain && !q.rich?.[`answers/${k}`]) return;
            if (previous) answers.push({ text: /[。！？；]$/.test(previous) ? '' : /[.!?;…]$/.test(previous) ? ' ' : raw(L.answerJoin, ' · ') });
            answers.push(...field(q, `answers/${k}`, a));
            previous = plain || '…';
          });
          return withBlocks(
            q,
            para(
              [
                ...field(q, 'question', q.question, { style: 'bold' }),
                // A full-width mark already carries its own space.
                { text: /[？！。：）]$/.test(q.question.trim()) ? raw(L.answerArrow, ' → ').trimStart() : raw(L.answerArrow, ' → '), color: st.color.accent, style: 'bold' },
                ...(answers.some((sp) => sp.text.trim() || sp.box) ? answers : [{ text: '' }]),
              ],
              { spaceBefore: st.itemGap },
            ),
          );
        }
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
        return withBlocks(k, para(field(k, 'text', k.text), { indent: 9, marker: { text: '•', color: st.color.accent, style: 'bold' }, spaceBefore: st.itemGap }));
      }
      case 'clozes': {
        const c = found.item as Cloze;
        const spans = env && c.rich?.text ? field(c, 'text', c.text) : clozeSpans(c, prepare);
        return withBlocks(c, para(spans, { indent: 9, marker: { text: '•', color: st.color.accent, style: 'bold' }, spaceBefore: st.itemGap }));
      }
      case 'formulas': {
        const f = found.item as Formula;
        const band = { fill: st.color.formulaFill, bar: st.color.formulaBar, padX: 7 };
        const tex = env?.typesetter ? richOf(f, 'expression', '').find((c) => c.type === 'math') : undefined;
        const out = tex && tex.type === 'math' ? withSpace(displayMathRows(tex.tex, env!, width, itemLine, band), st.blockGap) : para([{ text: prepare(f.expression) }], { size: st.body.size + 0.8, leading: 1.5, band, spaceBefore: st.blockGap });
        f.variables.forEach((v, i) => {
          const lead = i === 0 ? `${L.variablesLead ?? 'where'} ` : '';
          out.push(...para([{ text: lead, color: st.color.muted }, ...field(f, `variables/${i}/symbol`, v.symbol, { style: 'bold', size: st.small + 0.4 }), { text: sep }, ...field(f, `variables/${i}/meaning`, v.meaning, { size: st.small + 0.4 })], { size: st.small + 0.4, band }));
        });
        return withBlocks(f, out);
      }
      case 'tables': {
        const t = found.item as Table;
        const caption = t.caption ? para([{ text: prepare(t.caption), style: 'bold', color: st.color.muted }], { size: st.small + 0.6, keepWithNext: true }) : [];
        // Formulas and code in cells are drawn in the cell; images in a cell go under the table.
        const cellSpans = env && t.rich ? (row: number, column: number, bold: boolean, size: number) => {
          const path = row < 0 ? `header/${column}` : `rows/${row}/${column}`;
          return t.rich?.[path] ? field(t, path, '', { style: bold ? 'bold' : 'regular', size }) : null;
        } : undefined;
        return withBlocks(t, withSpace([...caption, ...tableRows(t, chain, width, prepare, cellSpans)], st.blockGap));
      }
      case 'outlines':
        return withBlocks(found.item as Outline, withSpace(treeRows(found.item as Outline, chain, width, prepare, input.columnHeight), st.blockGap));
      case 'sequences': {
        const s = found.item as Sequence;
        const label = s.label ? para([{ text: prepare(s.label), style: 'bold', color: st.color.muted }], { size: st.small + 0.6, keepWithNext: true }) : [];
        return withBlocks(s, withSpace([...label, ...flowRows(s.steps, chain, width, prepare)], st.blockGap));
      }
      case 'paragraphs': {
        const p = found.item as Paragraph;
        const spans = field(p, 'text', p.text, { size: st.small + 0.6 });
        // A paragraph that is only a code block or an image is its blocks.
        const text = spans.some((sp) => sp.text.trim() || sp.box) ? para(spans, { size: st.small + 0.6, spaceBefore: st.itemGap }) : [];
        return withBlocks(p, text);
      }
      case 'choices': {
        const c = found.item as ChoiceQuestion;
        const out = para(field(c, 'stem', c.stem, { style: 'bold' }), { spaceBefore: st.itemGap, keepWithNext: true });
        c.options.forEach((o, k) => {
          out.push(...para(field(c, `options/${k}/text`, o.text, { style: o.correct ? 'bold' : undefined }), { indent: 9, marker: { text: o.correct ? '✓' : '○', color: st.color.accent, style: 'bold' } }));
        });
        if (c.explanation) out.push(...para(field(c, 'explanation', c.explanation, { color: st.color.muted, size: st.small + 0.4 }), { size: st.small + 0.4, indent: 9 }));
        return withBlocks(c, out);
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
