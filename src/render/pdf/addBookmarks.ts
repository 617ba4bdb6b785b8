import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';

export interface Bookmark {
  title: string;
  depth: number;
  page: number;
  /** Distance from the top of the page, in points. */
  y: number;
}

interface Node {
  bookmark: Bookmark;
  ref: PDFRef;
  children: Node[];
}

/**
 * Writes the document outline (the bookmarks panel). pdf-lib has no API for it, so the outline
 * dictionaries of the PDF specification (§12.3.3) are built by hand: each level is a linked list
 * with First/Last/Prev/Next/Parent, and items point at a page and a height with /XYZ.
 */
export function addBookmarks(pdf: PDFDocument, bookmarks: readonly Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const context = pdf.context;
  const pages = pdf.getPages();
  const rootRef = context.nextRef();
  const root: Node[] = [];
  const stack: Node[] = [];
  for (const bookmark of bookmarks) {
    const node: Node = { bookmark, ref: context.nextRef(), children: [] };
    while (stack.length && stack[stack.length - 1].bookmark.depth >= bookmark.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].children : root).push(node);
    stack.push(node);
  }
  const count = (nodes: Node[]): number => nodes.reduce((n, c) => n + 1 + count(c.children), 0);
  const write = (nodes: Node[], parent: PDFRef) => {
    nodes.forEach((node, i) => {
      const page = pages[node.bookmark.page];
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.bookmark.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), nodes[i - 1].ref);
      if (i < nodes.length - 1) dict.set(PDFName.of('Next'), nodes[i + 1].ref);
      if (node.children.length) {
        dict.set(PDFName.of('First'), node.children[0].ref);
        dict.set(PDFName.of('Last'), node.children[node.children.length - 1].ref);
        dict.set(PDFName.of('Count'), PDFNumber.of(count(node.children)));
      }
      const top = page.getHeight() - node.bookmark.y;
      dict.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(top)), PDFNull]));
      context.assign(node.ref, dict);
      write(node.children, node.ref);
    });
  };
  write(root, rootRef);
  const outlines = context.obj({});
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'));
  outlines.set(PDFName.of('First'), root[0].ref);
  outlines.set(PDFName.of('Last'), root[root.length - 1].ref);
  outlines.set(PDFName.of('Count'), PDFNumber.of(count(root)));
  context.assign(rootRef, outlines);
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
