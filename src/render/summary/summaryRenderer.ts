import type { ChoiceQuestion, Cloze, Definition, Formula, KeyPoint, Outline, OutlineNode, Paragraph, QuestionAnswer, Sequence, StudyItem, Table } from '../../model/StudyDocument.js';
import { sheetDirectives, type Labels } from '../pdf/sheetDirectives.js';
import type { Renderer } from '../Renderer.js';
import { codeSpan, markdownText as md } from './markdownText.js';

const cell = (s: string) => md(s.trim()) || ' ';

function outlineLines(node: OutlineNode, depth: number): string[] {
  return [`${'  '.repeat(depth)}- ${md(node.label)}`, ...node.children.flatMap((c) => outlineLines(c, depth + 1))];
}

/** One item of the sheet as Markdown lines, written the way the PDF sheet lays it out. */
function itemMarkdown(kind: string, item: StudyItem, labels: Labels): string[] {
  switch (kind) {
    case 'definitions': {
      const d = item as Definition;
      return [`- **${md(d.term)}**${md(labels.termSeparator ?? ': ')}${md(d.definition)}`];
    }
    case 'qa': {
      const q = item as QuestionAnswer;
      return [`- **${md(q.question)}**${md(labels.answerArrow ?? ' → ')}${q.answers.map(md).join(md(labels.answerJoin ?? ' · '))}`];
    }
    case 'keyPoints':
      return [`- ${md((item as KeyPoint).text)}`];
    case 'clozes':
      return [`- ${md((item as Cloze).text)}`];
    case 'paragraphs':
      return ['', md((item as Paragraph).text), ''];
    case 'formulas': {
      const f = item as Formula;
      const where = f.variables.map((v) => `  - ${codeSpan(v.symbol)}: ${md(v.meaning)}`);
      return [`- ${codeSpan(f.expression)}${where.length ? ` ${md(labels.variablesLead ?? 'where')}` : ''}`, ...where];
    }
    case 'sequences': {
      const s = item as Sequence;
      return [`- ${s.label ? `**${md(s.label)}**: ` : ''}${s.steps.map(md).join(' → ')}`];
    }
    case 'outlines':
      return ['', ...outlineLines(item as Outline, 0), ''];
    case 'tables': {
      const t = item as Table;
      const width = Math.max(t.header.length, ...t.rows.map((r) => r.length), 1);
      const row = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
      return ['', ...(t.caption ? [`*${md(t.caption)}*`, ''] : []), row(t.header), `|${' --- |'.repeat(width)}`, ...t.rows.map(row), ''];
    }
    case 'choices': {
      const c = item as ChoiceQuestion;
      return [`- ${md(c.stem)}`, ...c.options.map((o) => `  - [${o.correct ? 'x' : ' '}] ${md(o.text)}`)];
    }
    default:
      return [];
  }
}

/**
 * The revision sheet's content as Markdown, in the order the sheet template gives (user templates
 * included), for people who edit the text before printing it.
 */
export const summaryRenderer: Renderer = {
  name: 'summary',
  extension: '.summary.md',
  binary: false,
  optional: true,
  description: 'the revision sheet as editable Markdown',
  render(document, context) {
    const plan = sheetDirectives(document, { templatesDir: context.templatesDir, timestamp: context.timestamp, sourcePath: context.sourcePath });
    const out: string[] = [];
    for (const d of plan.directives) {
      switch (d.name) {
        case 'title':
          out.push(`# ${md(d.args)}`, '');
          break;
        case 'meta':
          out.push(`*${md(d.args.trim())}*`, '');
          break;
        case 'section': {
          const m = /^(\d+)\s+(.*)$/.exec(d.args);
          const level = Math.min(5, Math.max(1, m ? Number(m[1]) : 1));
          out.push('', `${'#'.repeat(level + 1)} ${md(m ? m[2] : d.args)}`, '');
          break;
        }
        case 'label':
          out.push('', `**${md(d.args.trim())}**`, '');
          break;
        case 'item': {
          const found = plan.items.get(d.args.trim());
          if (found) out.push(...itemMarkdown(found.kind, found.item, plan.labels));
          break;
        }
        case 'text':
          out.push('', md(d.args), '');
          break;
        default:
          break;
      }
    }
    // Blank lines collapse to one, so the file reads the same whatever the template's spacing.
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  },
};
