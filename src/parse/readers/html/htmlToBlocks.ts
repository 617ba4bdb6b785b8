import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { BlockContent, Root, RootContent } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';

/**
 * HTML (mammoth's rendering of a Word file, or a page's main content) as Markdown blocks: headings,
 * paragraphs, lists, tables, bold and code kept; links reduced to their text and images to nothing,
 * since neither is a fact to study and both would clutter the items.
 */
export function htmlToBlocks(html: string | HastRoot): (RootContent & BlockContent)[] {
  const tree = typeof html === 'string' ? fromHtml(html, { fragment: true }) : html;
  const mdast = toMdast(tree as HastNodes, {
    handlers: {
      img: () => undefined,
      picture: () => undefined,
      svg: () => undefined,
      video: () => undefined,
      audio: () => undefined,
      iframe: () => undefined,
      object: () => undefined,
    },
  }) as Root;
  unlink(mdast);
  return mdast.children.filter((n): n is RootContent & BlockContent => n.type !== 'definition' && n.type !== 'html' && n.type !== 'yaml');
}

/** Links become their text; link references and footnote markers go; lists are tight, as notes write them. */
function unlink(node: { children?: unknown[] }): void {
  if (!Array.isArray(node.children)) return;
  const out: unknown[] = [];
  for (const child of node.children) {
    const c = child as { type: string; children?: unknown[] };
    if ('spread' in c) (c as { spread?: boolean }).spread = false;
    if (c.type === 'link' || c.type === 'linkReference') {
      unlink(c);
      out.push(...(c.children ?? []));
    } else if (c.type === 'image' || c.type === 'imageReference' || c.type === 'footnoteReference' || c.type === 'html') continue;
    else {
      unlink(c);
      out.push(c);
    }
  }
  node.children = out;
}
