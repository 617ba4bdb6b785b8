/**
 * Plain note text → HTML safe for an Anki field. Braces are escaped too: in a cloze field `{{c1::`
 * would otherwise become a deletion, and Mnemosyne runs field text through its template engine.
 */
export function escapeField(text: string): string {
  return text
    // Control characters mean nothing on a card, and U+001F would split the field in two.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\{/g, '&#123;')
    .replace(/\}/g, '&#125;')
    .replace(/\r\n?|\n/g, '<br>');
}
