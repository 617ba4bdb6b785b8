import type { HasRich, Inline } from '../../model/Inline.js';
import type { MediaFile, MediaTable } from '../../model/MediaFile.js';
import { CODE_TEXT_COLOR, loadHighlighter, plainCode } from '../code/highlightCode.js';
import { escapeField } from './escapeField.js';

/** Images a deck's fields refer to: deck media name → bytes. */
export type DeckMedia = Map<string, Uint8Array>;

/** Inline styles only: a card has no stylesheet of its own for code, and Anki's night mode keeps them readable. */
const PRE_STYLE = 'text-align:left;background:#f6f8fa;color:#1f2328;border-left:3px solid #b8bfc9;padding:6px 10px;margin:6px 0;border-radius:3px;overflow-x:auto;white-space:pre;font-family:\'DejaVu Sans Mono\',Menlo,Consolas,monospace;font-size:0.85em;line-height:1.35';
const CODE_STYLE = 'background:#f3f4f6;color:#8c1f33;padding:0 0.2em;border-radius:3px;font-family:\'DejaVu Sans Mono\',Menlo,Consolas,monospace;font-size:0.92em';
const IMG_STYLE = 'max-width:100%;height:auto';

/** The deck's name for an image: its content hash, so the same picture is stored once and keeps its name across builds. */
export function mediaName(media: MediaFile): string {
  return `revise-${media.sha256.slice(0, 20)}.${media.type === 'jpeg' ? 'jpg' : media.type}`;
}

/**
 * Plain text for a field, with `\(` and `\[` kept from Anki's MathJax: an empty element between the
 * backslash and the bracket leaves the text as written but is no delimiter.
 */
function text(s: string): string {
  return escapeField(s).replace(/\\([()[\]])/g, '\\<span></span>$1');
}

/** A code block with its colours as inline styles, lines kept by `<br>` inside `<pre>`. */
function codeBlockHtml(code: string, lang: string | undefined): string {
  const lines = lang ? loadHighlighter().highlight(code, lang) : plainCode(code);
  while (lines.length > 1 && lines[lines.length - 1].length === 0) lines.pop();
  const body = lines
    .map((line) => line.map((t) => (t.color && t.color !== CODE_TEXT_COLOR ? `<span style="color:${t.color}">${escapeField(t.text)}</span>` : escapeField(t.text))).join(''))
    .join('<br>');
  const label = lang ? ` data-lang="${escapeField(lang)}"` : '';
  return `<pre class="revise-code"${label} style="${PRE_STYLE}"><code>${body}</code></pre>`;
}

/**
 * Typed content as Anki field HTML: formulas as `\(…\)` / `\[…\]` (Anki typesets them with its own
 * MathJax), code spans and blocks with inline styles, images by their media name (`used` collects
 * them); an image that could not be read is its alt text in brackets. Everything from the notes is
 * escaped, braces included.
 */
export function inlineHtml(content: readonly Inline[], media: MediaTable | undefined, used: DeckMedia): string {
  let html = '';
  for (const c of content) {
    if (c.type === 'text') html += text(c.text);
    else if (c.type === 'math') html += c.display ? `\\[${escapeField(c.tex)}\\]` : `\\(${escapeField(c.tex)}\\)`;
    else if (c.type === 'code') html += c.block ? codeBlockHtml(c.code, c.lang) : `<code style="${CODE_STYLE}">${escapeField(c.code)}</code>`;
    else {
      const file = c.path ? media?.get(c.path) : undefined;
      if (!file) {
        html += text(`[${c.alt || c.src}]`);
        continue;
      }
      const name = mediaName(file);
      used.set(name, file.bytes);
      html += `<img src="${name}" alt="${escapeField(c.alt)}" style="${IMG_STYLE}">`;
    }
  }
  return html;
}

/** One field of an item as HTML: its rich twin when it has one, else its escaped plain text. */
export function fieldHtml(holder: HasRich, path: string, plain: string, media: MediaTable | undefined, used: DeckMedia): string {
  const rich = holder.rich?.[path];
  return rich ? inlineHtml(rich, media, used) : text(plain);
}

/** The blocks under an item (its code, figure, formula), to add to the side that answers. */
export function attachedHtml(item: { attached?: Inline[] }, media: MediaTable | undefined, used: DeckMedia): string {
  if (!item.attached?.length) return '';
  return item.attached.map((c) => (c.type === 'math' || c.type === 'image' ? `<div>${inlineHtml([c], media, used)}</div>` : inlineHtml([c], media, used))).join('');
}
