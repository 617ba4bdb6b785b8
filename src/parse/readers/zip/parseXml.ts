import { DOMParser } from 'linkedom';
import { NotesError } from '../../../model/NotesError.js';

/** The slice of the DOM the package readers walk (linkedom's XML documents provide it). */
export interface XmlElement {
  tagName: string;
  children: ArrayLike<XmlElement>;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null } & Partial<XmlElement>>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

/** An XML part of an office package as a DOM; element names keep their prefixes (`a:p`, `text:h`). */
export function parseXml(text: string, file: string, part: string): XmlElement {
  let root: XmlElement | null = null;
  try {
    root = (new DOMParser().parseFromString(text, 'text/xml') as unknown as { documentElement: XmlElement | null }).documentElement;
  } catch {
    root = null;
  }
  if (!root) throw new NotesError('corrupt', file, `is damaged: ${part} is not well-formed XML; re-save the document from its editor`);
  return root;
}

export function elements(parent: XmlElement, name?: string): XmlElement[] {
  return Array.from(parent.children).filter((c) => !name || c.tagName === name);
}

export function firstElement(parent: XmlElement, name: string): XmlElement | undefined {
  return Array.from(parent.children).find((c) => c.tagName === name);
}

/** Descendants with that name, in document order. */
export function descendants(parent: XmlElement, name: string): XmlElement[] {
  return Array.from(parent.getElementsByTagName(name));
}

/** A length such as `2.5cm`, `12pt` or `1in`, in points (0 when absent or unreadable). */
export function lengthInPoints(value: string | null): number {
  const m = /^(-?[\d.]+)(cm|mm|in|pt|pc|px)?$/.exec(value?.trim() ?? '');
  if (!m) return 0;
  const n = Number(m[1]);
  const unit = { cm: 72 / 2.54, mm: 72 / 25.4, in: 72, pt: 1, pc: 12, px: 0.75 }[m[2] ?? 'pt'] ?? 1;
  return n * unit;
}
