/** Text for an XML element or attribute. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Plain text as HTML: escaped, line breaks as <br>. */
export function htmlText(text: string): string {
  return xmlText(text).replace(/\r\n|\r|\n/g, '<br>');
}

/** A CDATA section holding `text`; a `]]>` inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
