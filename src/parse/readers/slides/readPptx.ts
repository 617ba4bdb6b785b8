import type { BlockContent, PhrasingContent, RootContent, Table } from 'mdast';
import { NotesError } from '../../../model/NotesError.js';
import type { ReaderText } from '../Reader.js';
import { nestList, tidyInline } from '../odf/odfToMdast.js';
import { notPackage } from '../odf/openOdfPackage.js';
import { descendants, elements, firstElement, parseXml, type XmlElement } from '../zip/parseXml.js';
import { looksLikeZip, readZip, type ZipArchive } from '../zip/readZip.js';
import type { Slide } from './Slide.js';
import { slidesToMarkdown } from './slidesToMarkdown.js';

const FURNITURE = new Set(['sldNum', 'dt', 'ftr', 'hdr']);

/** A PowerPoint deck as Markdown: a section per slide, its notes under it, positions by slide. */
export function readPptx({ bytes, file }: { bytes: Uint8Array; file: string }): ReaderText {
  if (!looksLikeZip(bytes)) throw notPackage(bytes, file, '.pptx');
  const zip = readZip(bytes, file, '.pptx');
  const presentation = zip.text('ppt/presentation.xml');
  if (presentation === undefined) {
    throw new NotesError('wrong-format', file, `is a zip package without ppt/presentation.xml, not a PowerPoint .pptx${zip.has('word/document.xml') ? ' (it is a Word document: name it .docx)' : ''}`);
  }
  const rels = relationships(zip, 'ppt/_rels/presentation.xml.rels', 'ppt/', file);
  const ids = descendants(parseXml(presentation, file, 'ppt/presentation.xml'), 'p:sldId').map((s) => s.getAttribute('r:id') ?? '');
  const slides: Slide[] = [];
  for (const id of ids) {
    const path = rels.get(id);
    const xml = path ? zip.text(path) : undefined;
    if (!path || xml === undefined) continue;
    const slide = readSlide(parseXml(xml, file, path), slides.length + 1);
    const notesPath = [...relationships(zip, relsOf(path), dirOf(path), file, 'notesSlide').values()][0];
    const notesXml = notesPath ? zip.text(notesPath) : undefined;
    if (notesXml !== undefined) slide.notes = notesBlocks(parseXml(notesXml, file, notesPath!));
    slides.push(slide);
  }
  if (!slides.some((s) => s.title?.length || s.blocks.length || s.notes.length)) {
    throw new NotesError('empty', file, 'has no text on its slides: there are no notes to read (pictures of text are not read)');
  }
  return slidesToMarkdown(slides);
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function relsOf(path: string): string {
  return `${dirOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;
}

/** Relationship id → package path, for the relationships whose type ends with `type` (all when absent). */
function relationships(zip: ZipArchive, relsPath: string, base: string, file: string, type?: string): Map<string, string> {
  const map = new Map<string, string>();
  const xml = zip.text(relsPath);
  if (xml === undefined) return map;
  for (const rel of descendants(parseXml(xml, file, relsPath), 'Relationship')) {
    if (type && !(rel.getAttribute('Type') ?? '').endsWith(`/${type}`)) continue;
    if (rel.getAttribute('TargetMode') === 'External') continue;
    map.set(rel.getAttribute('Id') ?? '', resolvePath(base, rel.getAttribute('Target') ?? ''));
  }
  return map;
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface Shape {
  kind: 'title' | 'subtitle' | 'body' | 'text' | 'table' | 'furniture';
  y: number;
  x: number;
  order: number;
  element: XmlElement;
}

/** Shapes of a slide's tree, groups opened, with their placeholder kind and position. */
function shapesOf(tree: XmlElement, out: Shape[] = []): Shape[] {
  for (const el of elements(tree)) {
    if (el.tagName === 'p:grpSp') {
      shapesOf(el, out);
      continue;
    }
    if (el.tagName !== 'p:sp' && el.tagName !== 'p:graphicFrame') continue;
    const ph = descendants(el, 'p:ph')[0];
    const type = ph ? (ph.getAttribute('type') ?? 'body') : null;
    const off = descendants(el, 'a:off')[0];
    const kind: Shape['kind'] =
      el.tagName === 'p:graphicFrame'
        ? 'table'
        : type === 'title' || type === 'ctrTitle'
          ? 'title'
          : type === 'subTitle'
            ? 'subtitle'
            : type && FURNITURE.has(type)
              ? 'furniture'
              : type
                ? 'body'
                : 'text';
    out.push({ kind, element: el, x: Number(off?.getAttribute('x') ?? 0), y: Number(off?.getAttribute('y') ?? 0), order: out.length });
  }
  return out;
}

function readSlide(root: XmlElement, number: number): Slide {
  const tree = descendants(root, 'p:spTree')[0];
  const slide: Slide = { number, titleSlide: false, blocks: [], notes: [], furniture: [] };
  if (!tree) return slide;
  const shapes = shapesOf(tree);
  slide.titleSlide = shapes.some((s) => s.kind === 'subtitle') || descendants(tree, 'p:ph').some((p) => p.getAttribute('type') === 'ctrTitle');
  const title = shapes.find((s) => s.kind === 'title');
  if (title) {
    const paras = paragraphsOf(title.element).map((p) => p.children);
    slide.title = tidyInline(paras.flatMap((c, i) => (i ? [{ type: 'text', value: ' ' } as PhrasingContent, ...c] : c))).map(plain);
  }
  // Reading order on a slide: top to bottom, then left to right; the file's order breaks ties.
  const rest = shapes.filter((s) => s !== title).sort((a, b) => a.y - b.y || a.x - b.x || a.order - b.order);
  for (const shape of rest) {
    if (shape.kind === 'furniture') {
      const text = descendants(shape.element, 'a:t').map((t) => t.textContent ?? '').join('').trim();
      if (text) slide.furniture.push(text);
    } else if (shape.kind === 'table') {
      const table = tableOf(shape.element);
      if (table) slide.blocks.push(table);
    } else slide.blocks.push(...textBlocks(paragraphsOf(shape.element), shape.kind === 'body'));
  }
  return slide;
}

const plain = (n: PhrasingContent): PhrasingContent => (n.type === 'strong' ? { type: 'text', value: n.children.map((c) => ('value' in c ? c.value : '')).join('') } : n);

interface Paragraph {
  level: number;
  /** Bullet set on the paragraph itself: true, false (buNone), or undefined (inherited). */
  bullet: boolean | undefined;
  ordered: boolean;
  children: PhrasingContent[];
}

function paragraphsOf(shape: XmlElement): Paragraph[] {
  const body = descendants(shape, 'p:txBody')[0] ?? descendants(shape, 'a:txBody')[0];
  if (!body) return [];
  return elements(body, 'a:p').map((p) => {
    const pPr = firstElement(p, 'a:pPr');
    const has = (name: string) => (pPr ? elements(pPr, name).length > 0 : false);
    return {
      level: Math.min(8, Number(pPr?.getAttribute('lvl') ?? 0) || 0),
      bullet: has('a:buNone') ? false : has('a:buChar') || has('a:buAutoNum') || has('a:buBlip') ? true : undefined,
      ordered: has('a:buAutoNum'),
      children: runsOf(p),
    };
  });
}

function runsOf(p: XmlElement): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const el of elements(p)) {
    if (el.tagName === 'a:br') out.push({ type: 'text', value: '\n' });
    else if (el.tagName === 'a:r' || el.tagName === 'a:fld') {
      if (el.tagName === 'a:fld' && /slidenum/i.test(el.getAttribute('type') ?? '')) continue;
      const text = (firstElement(el, 'a:t')?.textContent ?? '').replace(/[\t ]+/g, ' ');
      const rPr = firstElement(el, 'a:rPr');
      const bold = rPr?.getAttribute('b') === '1' || rPr?.getAttribute('b') === 'true';
      if (text) out.push(bold && text.trim() ? { type: 'strong', children: [{ type: 'text', value: text }] } : { type: 'text', value: text });
    }
  }
  return tidyInline(out);
}

/** Paragraphs of one text shape: runs of bullets as one nested list, the rest as paragraphs. */
function textBlocks(paras: Paragraph[], bulletsByDefault: boolean): (RootContent & BlockContent)[] {
  const blocks: (RootContent & BlockContent)[] = [];
  let items: Paragraph[] = [];
  const flush = () => {
    if (items.length) blocks.push(nestList(items, items[0].ordered));
    items = [];
  };
  for (const p of paras) {
    if (!p.children.length) continue;
    const bullet = p.bullet ?? bulletsByDefault;
    if (bullet) items.push(p);
    else {
      flush();
      blocks.push({ type: 'paragraph', children: p.children });
    }
  }
  flush();
  return blocks;
}

function tableOf(frame: XmlElement): Table | null {
  const tbl = descendants(frame, 'a:tbl')[0];
  if (!tbl) return null;
  const rows = elements(tbl, 'a:tr').map((tr) => ({
    type: 'tableRow' as const,
    children: elements(tr, 'a:tc').map((tc) => {
      const paras = paragraphsOf(tc).map((p) => p.children);
      const children = tidyInline(paras.flatMap((c, i) => (i ? [{ type: 'text', value: ' ' } as PhrasingContent, ...c] : c))).map((n) => (n.type === 'text' ? { ...n, value: n.value.replace(/\n/g, ' ') } : n));
      return { type: 'tableCell' as const, children };
    }),
  }));
  const kept = rows.filter((r) => r.children.some((c) => c.children.length));
  return kept.length ? { type: 'table', align: [], children: kept } : null;
}

/** A notes page's text: every shape but the slide picture and the page furniture. */
function notesBlocks(root: XmlElement): (RootContent & BlockContent)[] {
  const tree = descendants(root, 'p:spTree')[0];
  if (!tree) return [];
  const blocks: (RootContent & BlockContent)[] = [];
  for (const shape of shapesOf(tree)) {
    const type = descendants(shape.element, 'p:ph')[0]?.getAttribute('type');
    if (type === 'sldImg' || shape.kind === 'furniture' || shape.kind === 'table') continue;
    blocks.push(...textBlocks(paragraphsOf(shape.element), false));
  }
  return blocks;
}
