/**
 * Typed inline content: what a text field of the notes holds besides words. Every renderer draws
 * these the same way (formulas typeset, code in a monospaced face, images from the notes' folder),
 * while the plain fields of the model keep the text for consumers that want text only.
 */

export interface TextInline {
  type: 'text';
  text: string;
}

/** A formula, as TeX (without its `$` or `\(` delimiters). */
export interface MathInline {
  type: 'math';
  tex: string;
  /** `$$…$$`, `\[…\]` or a formula block: set apart and centred rather than in the line. */
  display?: boolean;
}

/** A code span, or (with `block`) a code block under the item, kept exactly as written. */
export interface CodeInline {
  type: 'code';
  code: string;
  /** The language named after the opening fence (`python`), lower case; absent when none. */
  lang?: string;
  block?: boolean;
}

/** An image the notes show (`![alt](path)`, `<img src>`, `![[file.png]]`). */
export interface ImageInline {
  type: 'image';
  /** The reference as written in the notes. */
  src: string;
  alt: string;
  /**
   * The file, relative to the build root with forward slashes, when it can be read there; absent
   * for a web address, an absolute path or a path leading out of the build root (never read).
   */
  path?: string;
  /** Line of the notes it is on, when not the line of the item holding it (a figure under an item). */
  line?: number;
}

export type Inline = TextInline | MathInline | CodeInline | ImageInline;

/**
 * Rich twins of an item's text fields, by field path inside the item: `term`, `definition`,
 * `question`, `answers/0`, `rows/1/2`, `options/0/text`, `variables/0/meaning`, `label`. Only the
 * fields holding more than plain text are listed.
 */
export type RichFields = Record<string, Inline[]>;

/** Anything that may carry rich twins of its fields. */
export interface HasRich {
  rich?: RichFields;
}

/** The content of one field: its rich twin when it has one, else its plain text as one run. */
export function richOf(holder: HasRich, path: string, plain: string): Inline[] {
  return holder.rich?.[path] ?? (plain ? [{ type: 'text', text: plain }] : []);
}

/** Whether inline content holds anything but text (so a plain field says all of it). */
export function isRich(content: readonly Inline[]): boolean {
  return content.some((c) => c.type !== 'text');
}

/** Every image of a document's rich fields, in order (a document without rich fields has none). */
export function collectImages(value: unknown, out: ImageInline[] = []): ImageInline[] {
  if (Array.isArray(value)) {
    for (const v of value) collectImages(v, out);
  } else if (value && typeof value === 'object') {
    const node = value as { type?: unknown };
    if (node.type === 'image' && typeof (node as ImageInline).src === 'string') out.push(node as ImageInline);
    else for (const v of Object.values(value)) if (v && typeof v === 'object') collectImages(v, out);
  }
  return out;
}
