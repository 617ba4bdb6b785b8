import type { BlockContent, List, ListItem, PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import { descendants, elements, type XmlElement } from '../zip/parseXml.js';

/** What the readers need to know of an OpenDocument's styles: which are bold, which set code, which lists count. */
export interface OdfStyles {
  isBold(name: string | null): boolean;
  isCode(name: string | null): boolean;
  isOrderedList(name: string | null): boolean;
}

const MONO_FONT = /mono|courier|consol|menlo|inconsolata|source\s*code|typewriter/i;

/** Reads the style definitions of content.xml and styles.xml (automatic and common ones). */
export function readOdfStyles(...roots: (XmlElement | undefined)[]): OdfStyles {
  const styles = new Map<string, { bold?: boolean; mono?: boolean; code?: boolean; parent?: string }>();
  const ordered = new Set<string>();
  for (const root of roots) {
    if (!root) continue;
    for (const style of descendants(root, 'style:style')) {
      const name = style.getAttribute('style:name');
      if (!name) continue;
      const props = elements(style, 'style:text-properties')[0];
      const weight = props?.getAttribute('fo:font-weight');
      const font = `${props?.getAttribute('style:font-name') ?? ''} ${props?.getAttribute('fo:font-family') ?? ''}`;
      styles.set(name, {
        bold: weight ? weight === 'bold' || Number(weight) >= 600 : undefined,
        mono: font.trim() ? MONO_FONT.test(font) || props?.getAttribute('style:font-pitch') === 'fixed' : undefined,
        code: /preformatted|source_20_text|code/i.test(`${name} ${style.getAttribute('style:display-name') ?? ''}`) || undefined,
        parent: style.getAttribute('style:parent-style-name') ?? undefined,
      });
    }
    for (const list of descendants(root, 'text:list-style')) {
      const first = elements(list)[0];
      if (first?.tagName === 'text:list-level-style-number' && (first.getAttribute('style:num-format') ?? '') !== '') ordered.add(list.getAttribute('style:name') ?? '');
    }
  }
  const lookup = (name: string | null, key: 'bold' | 'mono' | 'code'): boolean => {
    for (let n = name, depth = 0; n && depth < 20; depth++) {
      const s = styles.get(n);
      if (!s) return false;
      if (s[key] !== undefined) return Boolean(s[key]);
      n = s.parent ?? null;
    }
    return false;
  };
  return {
    isBold: (name) => lookup(name, 'bold'),
    isCode: (name) => lookup(name, 'code') || lookup(name, 'mono'),
    isOrderedList: (name) => ordered.has(name ?? ''),
  };
}

/** Elements whose content is not the notes' text: notes, comments, generated indexes, drawings. */
const SKIPPED = new Set([
  'text:note',
  'office:annotation',
  'office:annotation-end',
  'text:table-of-content',
  'text:alphabetical-index',
  'text:illustration-index',
  'text:bibliography',
  'text:tracked-changes',
  'text:sequence-decls',
  'office:forms',
  'draw:frame',
  'draw:custom-shape',
  'draw:g',
  'svg:desc',
  'svg:title',
]);

/** A paragraph's text as mdast phrasing: bold spans as strong, line breaks kept as line ends. */
export function odfInline(element: XmlElement, styles: OdfStyles, bold = false): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const push = (value: string, strong: boolean) => {
    if (!value) return;
    const last = out.at(-1);
    if (strong && value.trim()) {
      if (last?.type === 'strong' && last.children.length === 1 && last.children[0].type === 'text') last.children[0].value += value;
      else out.push({ type: 'strong', children: [{ type: 'text', value }] });
    } else if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  const walk = (node: XmlElement, strong: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        push((child.textContent ?? '').replace(/\s+/g, ' '), strong);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as unknown as XmlElement;
      const tag = el.tagName;
      if (SKIPPED.has(tag) || tag.startsWith('text:bookmark') || tag === 'text:soft-page-break') continue;
      if (tag === 'text:s') push(' '.repeat(Math.min(200, Number(el.getAttribute('text:c') ?? 1) || 1)), strong);
      else if (tag === 'text:tab') push(' ', strong);
      else if (tag === 'text:line-break') push('\n', false);
      else if (tag === 'text:span') walk(el, strong || styles.isBold(el.getAttribute('text:style-name')));
      else walk(el, strong);
    }
  };
  walk(element, bold);
  return tidyInline(out);
}

/** Spaces moved out of bold runs and trimmed at the ends, line breaks without spaces around them. */
export function tidyInline(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'strong' && node.children.length === 1 && node.children[0].type === 'text') {
      const value = node.children[0].value;
      const lead = /^\s*/.exec(value)![0];
      const trail = /\s*$/.exec(value)![0];
      if (lead) out.push({ type: 'text', value: lead });
      out.push({ type: 'strong', children: [{ type: 'text', value: value.trim() }] });
      if (trail) out.push({ type: 'text', value: trail });
    } else out.push(node);
  }
  const merged: PhrasingContent[] = [];
  for (const node of out) {
    const last = merged.at(-1);
    if (last?.type === 'text' && node.type === 'text') last.value += node.value;
    else merged.push(node);
  }
  for (const node of merged) if (node.type === 'text') node.value = node.value.replace(/ *\n */g, '\n').replace(/ {2,}/g, ' ');
  const first = merged[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = merged.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return merged.filter((n) => n.type !== 'text' || n.value !== '');
}

function plainText(nodes: PhrasingContent[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : 'children' in n ? plainText(n.children as PhrasingContent[]) : '')).join('');
}

/**
 * The blocks of an OpenDocument container (the body of a text, a slide's text box, a table cell):
 * headings with their outline level, paragraphs, lists with their nesting, tables, and runs of
 * paragraphs in a code style as one code block.
 */
export function odfBlocks(container: XmlElement, styles: OdfStyles): (RootContent & BlockContent)[] {
  const blocks: (RootContent & BlockContent)[] = [];
  let code: string[] | null = null;
  const endCode = () => {
    if (code) blocks.push({ type: 'code', lang: null, value: code.join('\n').replace(/\n+$/, '') });
    code = null;
  };
  for (const el of elements(container)) {
    const tag = el.tagName;
    if (tag === 'text:p' && styles.isCode(el.getAttribute('text:style-name'))) {
      code ??= [];
      code.push(codeText(el));
      continue;
    }
    endCode();
    if (tag === 'text:h') {
      const children = odfInline(el, styles).map(unbold);
      if (!plainText(children).trim()) continue;
      const level = Math.min(6, Math.max(1, Number(el.getAttribute('text:outline-level') ?? 1) || 1)) as 1;
      blocks.push({ type: 'heading', depth: level, children });
    } else if (tag === 'text:p') {
      const children = odfInline(el, styles);
      if (plainText(children).trim()) blocks.push({ type: 'paragraph', children });
    } else if (tag === 'text:list') {
      // Impress writes deeper levels as a following list whose items only wrap a list: one list again.
      const previous = elements(container)[elements(container).indexOf(el) - 1];
      const list = odfList(el, styles);
      const last = blocks.at(-1);
      if (list && previous?.tagName === 'text:list' && last?.type === 'list' && startsDeeper(el)) appendNested(last, list);
      else if (list) blocks.push(list);
    } else if (tag === 'table:table') {
      const table = odfTable(el, styles);
      if (table) blocks.push(table);
    } else if (tag === 'text:section' || tag === 'draw:text-box' || tag === 'text:index-body') {
      blocks.push(...odfBlocks(el, styles));
    }
  }
  endCode();
  return blocks;
}

/** The list's first item holds only a list: it goes on one level below the list before it. */
function startsDeeper(list: XmlElement): boolean {
  const first = elements(list, 'text:list-item')[0];
  return Boolean(first) && elements(first).every((c) => c.tagName === 'text:list');
}

function appendNested(previous: List, deeper: List): void {
  const host = previous.children.at(-1);
  if (!host) return;
  const sub = deeper.children.length === 1 && deeper.children[0].children.length === 1 && deeper.children[0].children[0].type === 'list' ? deeper.children[0].children[0] : deeper;
  host.children.push({ ...sub, ordered: sub.ordered ?? false });
}

const unbold = (n: PhrasingContent): PhrasingContent => (n.type === 'strong' ? { type: 'text', value: plainText(n.children) } : n);

function codeText(p: XmlElement): string {
  let text = '';
  const walk = (node: XmlElement) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const el = child as unknown as XmlElement;
        if (el.tagName === 'text:s') text += ' '.repeat(Math.min(200, Number(el.getAttribute('text:c') ?? 1) || 1));
        else if (el.tagName === 'text:tab') text += '\t';
        else if (el.tagName === 'text:line-break') text += '\n';
        else if (!SKIPPED.has(el.tagName)) walk(el);
      }
    }
  };
  walk(p);
  return text;
}

/** Flattens an ODF list to (level, paragraph) and rebuilds it as nested mdast lists. */
function odfList(list: XmlElement, styles: OdfStyles): List | null {
  const flat: { level: number; children: PhrasingContent[] }[] = [];
  const ordered = styles.isOrderedList(list.getAttribute('text:style-name'));
  const start = Number(elements(list, 'text:list-item')[0]?.getAttribute('text:start-value') ?? 1) || 1;
  const walk = (l: XmlElement, level: number) => {
    for (const item of elements(l).filter((e) => e.tagName === 'text:list-item' || e.tagName === 'text:list-header')) {
      for (const child of elements(item)) {
        if (child.tagName === 'text:p' || child.tagName === 'text:h') {
          const children = odfInline(child, styles);
          if (plainText(children).trim()) flat.push({ level, children });
        } else if (child.tagName === 'text:list') walk(child, level + 1);
      }
    }
  };
  walk(list, 0);
  if (!flat.length) return null;
  return nestList(flat, ordered, start);
}

/** Items with levels (0 = top) as nested mdast lists; a level skipped over hangs on the item above. */
export function nestList(flat: { level: number; children: PhrasingContent[] }[], ordered: boolean, start = 1): List {
  const root: List = { type: 'list', ordered, start: ordered ? start : undefined, spread: false, children: [] };
  const stack: { list: List; level: number }[] = [{ list: root, level: Math.min(...flat.map((f) => f.level)) }];
  for (const item of flat) {
    while (stack.length > 1 && item.level < stack.at(-1)!.level) stack.pop();
    let top = stack.at(-1)!;
    if (item.level > top.level && top.list.children.length) {
      const sub: List = { type: 'list', ordered: false, spread: false, children: [] };
      top.list.children.at(-1)!.children.push(sub);
      stack.push({ list: sub, level: item.level });
      top = stack.at(-1)!;
    }
    const node: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: item.children }] };
    top.list.children.push(node);
  }
  return root;
}

function odfTable(table: XmlElement, styles: OdfStyles): Table | null {
  const rows: TableRow[] = [];
  const collect = (el: XmlElement) => {
    for (const child of elements(el)) {
      if (child.tagName === 'table:table-row') {
        const cells = elements(child).filter((c) => c.tagName === 'table:table-cell' || c.tagName === 'table:covered-table-cell');
        const texts: PhrasingContent[][] = [];
        for (const cell of cells) {
          const repeat = Math.min(64, Number(cell.getAttribute('table:number-columns-repeated') ?? 1) || 1);
          const paras = elements(cell).filter((p) => p.tagName === 'text:p' || p.tagName === 'text:h');
          const content: PhrasingContent[] = [];
          paras.forEach((p, i) => {
            if (i) content.push({ type: 'text', value: ' ' });
            content.push(...odfInline(p, styles));
          });
          for (let r = 0; r < repeat; r++) texts.push(r === 0 ? tidyInline(content).map((n) => (n.type === 'text' ? { ...n, value: n.value.replace(/\n/g, ' ') } : n)) : []);
        }
        rows.push({ type: 'tableRow', children: texts.map((children) => ({ type: 'tableCell', children })) });
      } else if (child.tagName === 'table:table-header-rows' || child.tagName === 'table:table-rows' || child.tagName === 'table:table-row-group') collect(child);
    }
  };
  collect(table);
  // Trailing empty columns (a repeated blank cell to the end of the sheet) are not part of the table.
  let width = 0;
  for (const r of rows) r.children.forEach((c, i) => c.children.length && (width = Math.max(width, i + 1)));
  const kept = rows.filter((r) => r.children.some((c) => c.children.length));
  if (!kept.length || width === 0) return null;
  for (const r of kept) {
    r.children = r.children.slice(0, width);
    while (r.children.length < width) r.children.push({ type: 'tableCell', children: [] });
  }
  return { type: 'table', align: [], children: kept };
}
