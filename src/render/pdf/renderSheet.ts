import type { StudyDocument } from '../../model/StudyDocument.js';
import type { RenderContext } from '../Renderer.js';
import { applyFrenchSpacing } from './applyFrenchSpacing.js';
import { cleanText } from './cleanText.js';
import { FontChain } from './FontChain.js';
import { hyphenator } from './hyphenator.js';
import { sheetDirectives } from './sheetDirectives.js';
import { sheetRows } from './sheetRows.js';
import { SheetLayout } from './SheetLayout.js';
import { sheetStyle } from './sheetStyle.js';
import { writePdf } from './writePdf.js';
import { forEachInline } from '../../model/StudyDocument.js';
import type { RichEnv } from './richRows.js';

/**
 * What the document's rich fields need: MathJax when it has formulas, highlight.js when a code block
 * names a language, its images (SVG rasterised); none of them is loaded for a document without.
 */
async function richEnv(document: StudyDocument, context: RenderContext, chain: FontChain, prepare: (s: string) => string): Promise<{ env: RichEnv | null; images: Map<string, { type: 'png' | 'jpeg'; bytes: Uint8Array }> }> {
  let math = false;
  let code = false;
  let any = false;
  const paths = new Set<string>();
  forEachInline(document, (inline) => {
    any = true;
    if (inline.type === 'math') math = true;
    else if (inline.type === 'code' && inline.block && inline.lang) code = true;
    else if (inline.type === 'image' && inline.path) paths.add(inline.path);
  });
  const images = new Map<string, { type: 'png' | 'jpeg'; bytes: Uint8Array }>();
  if (!any) return { env: null, images };
  const sizes = new Map<string, { width: number; height: number }>();
  const warned = new Set<string>();
  for (const path of paths) {
    const media = context.media?.get(path);
    if (!media) continue;
    if (media.type === 'png' || media.type === 'jpeg') {
      images.set(path, { type: media.type, bytes: media.bytes });
      sizes.set(path, { width: media.width, height: media.height });
    } else if (media.type === 'svg') {
      const { rasteriseSvg } = await import('./rasteriseSvg.js');
      const png = await rasteriseSvg(media, chain).catch((error: Error) => {
        context.report({ message: `image ${path} is an SVG that cannot be drawn (${error.message}): its alt text is shown`, ruleId: 'pdf-image' });
        return null;
      });
      if (png) {
        images.set(path, { type: 'png', bytes: png.bytes });
        sizes.set(path, { width: media.width || png.width / 2, height: media.height || png.height / 2 });
      }
    } else if (!warned.has(path)) {
      warned.add(path);
      context.report({ message: `image ${path} is a ${media.type.toUpperCase()} file, which the PDF sheet cannot embed (PNG, JPEG and SVG can): its alt text is shown`, ruleId: 'pdf-image' });
    }
  }
  const reported = new Set<string>();
  const env: RichEnv = {
    chain,
    prepare,
    typesetter: math ? await (await import('../math/typesetTex.js')).loadTypesetter() : null,
    highlighter: code ? (await import('../code/highlightCode.js')).loadHighlighter() : null,
    images: sizes,
    warn: (message, line) => {
      if (reported.has(`${line}\u0000${message}`)) return;
      reported.add(`${line}\u0000${message}`);
      context.report({ message, line, ruleId: 'math-error' });
    },
  };
  return { env, images };
}

/** The `author` renderer option wins over the notes' front matter. */
function authorOf(document: StudyDocument, context: RenderContext): string | undefined {
  const fromOptions = context.options.author;
  if (typeof fromOptions === 'string' && fromOptions.trim()) return fromOptions.trim();
  return document.author;
}

/** Two columns read best for revision notes; sections with wide tables go across the page anyway. */
function chooseColumns(requested: string | undefined): number {
  if (requested === '1' || requested === '2') return Number(requested);
  return 2;
}

/** Lays out and writes the revision sheet of one document. */
export async function renderSheet(document: StudyDocument, context: RenderContext): Promise<Uint8Array> {
  const plan = sheetDirectives(document, { templatesDir: context.templatesDir, timestamp: context.timestamp, sourcePath: context.sourcePath });
  const french = document.language.startsWith('fr');
  // Off unless the template asks: a word cut at a line end is harder to find with search or pdftotext.
  const wantsHyphens = plan.directives.some((d) => d.name === 'hyphenate' && d.args.trim().toLowerCase() !== 'off');
  const hyphenate = (wantsHyphens ? hyphenator(document.language) : null) ?? ((s: string) => s);
  const prepare = (s: string) => hyphenate(french ? applyFrenchSpacing(cleanText(s)) : cleanText(s));
  const chain = new FontChain();
  const columnsDirective = plan.directives.find((d) => d.name === 'columns')?.args.trim();
  const st = sheetStyle.page;
  const paperName = plan.directives.find((d) => d.name === 'paper')?.args.trim().toLowerCase() || 'a4';
  const paper = sheetStyle.paper[paperName];
  if (!paper) context.report({ message: `sheet template asks for paper "${paperName}"; known: ${Object.keys(sheetStyle.paper).join(', ')} (A4 used)`, ruleId: 'pdf-template' });
  const [width, height] = paper ?? sheetStyle.paper.a4;
  const geometry = { width, height, margin: st.margin, gap: st.gap, columns: chooseColumns(columnsDirective) };
  const layout = new SheetLayout(geometry);
  const warnings = new Set<string>();
  const { env, images } = await richEnv(document, context, chain, prepare);
  const { rows, running, footer, title } = sheetRows({
    rich: env,
    plan,
    document,
    chain,
    columnWidth: layout.columnWidth,
    contentWidth: layout.contentWidth,
    columnHeight: layout.columnHeight,
    prepare,
    warn: (m) => warnings.add(m),
  });
  layout.placeAll(rows);
  for (const message of warnings) context.report({ message, ruleId: 'pdf-template' });

  const bytes = await writePdf({
    geometry,
    pages: layout.pages,
    chain,
    bookmarks: layout.bookmarks,
    running,
    footer,
    prepare,
    images,
    metadata: {
      title: title || document.title || context.sourcePath,
      author: authorOf(document, context),
      subject: document.sections.filter((s) => s.depth <= 2).map((s) => s.text).slice(0, 12).join(' · ') || undefined,
      keywords: document.tags,
      language: document.language,
      timestamp: context.timestamp,
    },
  });
  if (chain.missing.size) {
    const list = [...chain.missing].map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(cp)}`);
    context.report({
      message: `${list.length} character${list.length === 1 ? '' : 's'} that no bundled font has, drawn as red boxes: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}`,
      ruleId: 'pdf-missing-glyph',
    });
  }
  return bytes;
}
