import { createRequire } from 'node:module';

/** One stretch of code in one colour (hex `#rrggbb`; absent: the default text colour). */
export interface CodeToken {
  text: string;
  color?: string;
  bold?: boolean;
}

export interface Highlighter {
  /** The code's lines, each a list of tokens; plain lines when the language is unknown or absent. */
  highlight(code: string, lang: string | undefined): CodeToken[][];
  /** Whether highlight.js knows this language name or alias. */
  knows(lang: string | undefined): boolean;
}

export const CODE_TEXT_COLOR = '#1f2328';

/**
 * Colours per highlight.js scope, a light theme close to GitHub's, readable on paper and on a white
 * card: keywords red, strings dark blue, comments grey, numbers blue, names of functions purple.
 */
const SCOPE_COLORS: Record<string, string> = {
  keyword: '#cf222e', 'selector-tag': '#cf222e', literal: '#0550ae', built_in: '#8250df', type: '#953800',
  string: '#0a3069', regexp: '#0a3069', char: '#0a3069', subst: '#1f2328', symbol: '#0550ae',
  comment: '#6e7781', quote: '#6e7781', doctag: '#6e7781', meta: '#6e7781',
  number: '#0550ae', title: '#8250df', 'title.function': '#8250df', 'title.class': '#953800', 'class': '#953800',
  attr: '#0550ae', attribute: '#0550ae', variable: '#953800', 'template-variable': '#953800', property: '#0550ae',
  params: '#1f2328', 'selector-class': '#8250df', 'selector-id': '#8250df', addition: '#116329', deletion: '#82071e',
  name: '#116329', tag: '#116329', operator: '#cf222e', punctuation: '#1f2328', section: '#0550ae', bullet: '#953800',
};

function colorOf(classes: readonly string[]): string | undefined {
  for (let i = classes.length - 1; i >= 0; i--) {
    // `hljs-title function_` → title.function, then title.
    const parts = classes[i].split(/\s+/).map((c) => c.replace(/^hljs-/, '').replace(/_+$/, ''));
    const full = parts.join('.');
    const found = SCOPE_COLORS[full] ?? SCOPE_COLORS[parts[0]];
    if (found) return found;
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/** highlight.js HTML (spans with classes, escaped text) → lines of coloured tokens. */
function tokensOf(html: string): CodeToken[][] {
  const lines: CodeToken[][] = [[]];
  const stack: string[] = [];
  for (const m of html.matchAll(/<span class="([^"]*)">|<\/span>|([^<]+)/g)) {
    if (m[1] !== undefined) stack.push(m[1]);
    else if (m[0] === '</span>') stack.pop();
    else {
      const text = m[2].replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (e) => ENTITIES[e]);
      const color = colorOf(stack);
      text.split('\n').forEach((piece, k) => {
        if (k > 0) lines.push([]);
        if (piece) lines[lines.length - 1].push(color ? { text: piece, color } : { text: piece });
      });
    }
  }
  return lines;
}

let loaded: Highlighter | null = null;

/**
 * highlight.js, run at build time; loaded on first use (the document has a code block naming a
 * language), so other documents never pay for its 190 grammars.
 */
export function loadHighlighter(): Highlighter {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const hljs = require('highlight.js') as typeof import('highlight.js').default;
  loaded = {
    knows: (lang) => Boolean(lang && hljs.getLanguage(lang)),
    highlight(code, lang) {
      const plain = () => code.split('\n').map((line) => (line ? [{ text: line }] : []));
      if (!lang || !hljs.getLanguage(lang)) return plain();
      try {
        return tokensOf(hljs.highlight(code, { language: lang, ignoreIllegals: true }).value);
      } catch {
        return plain();
      }
    },
  };
  return loaded;
}

/** Lines of plain code, when no language is named: no need to load the highlighter. */
export function plainCode(code: string): CodeToken[][] {
  return code.split('\n').map((line) => (line ? [{ text: line }] : []));
}
