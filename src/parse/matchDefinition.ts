import { stripInline } from './stripInline.js';

export interface DefinitionMatch {
  /** As written: inline Markdown kept. */
  term: string;
  definition: string;
  /** Column (0-based, in the source line) where the term starts. */
  offset: number;
}

/** Labels that introduce a remark, not a term being defined. */
const NOT_TERMS = new Set(
  [
    'note', 'notes', 'nb', 'n.b', 'remarque', 'remarques', 'rq', 'attention', 'exemple', 'exemples',
    'example', 'examples', 'e.g', 'ex', 'eg', 'source', 'sources', 'voir', 'see', 'cf', 'tip', 'astuce',
    'warning', 'important', 'rappel', 'reminder', 'q', 'a', 'question', 'réponse', 'reponse', 'answer',
    'http', 'https', 'mailto', 'ftp', 'file', 'todo', 'résumé', 'summary', 'conclusion', 'date',
    'auteur', 'author', 'tags', 'title', 'titre', 'lang', '注意', '例如', '例', '问', '答', '备注',
  ].map((s) => s.toLowerCase()),
);

const MAX_TERM_WORDS = 6;
const REPORTING_VERB =
  /\s(?:a dit|dit|disait|explique|expliquait|ajoute|précise|rappelle|souligne|affirme|conclut|écrit|déclare|said|says|explains|explained|added|adds|noted|wrote|writes|stated|asked|replied|told us|sagt|sagte|erklärt|schreibt|dijo|explica|escribe)$|(?:指出|认为|表示|强调|写道)$/iu;
/** `Customer Relationship Definition: …`, `Définition de la marge : …`, `客户的定义：…` name the term. */
const DEFINITION_WORD = /^\s*(?:définition\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)|definition\s+of\s+(?:the\s+|an?\s+)?|definición\s+de\s+(?:la\s+|el\s+)?)(?=\S)|\s+(?:definition|définition|definición)\s*$|的?定义\s*$/iu;
const MAX_TERM_CHARS = 60;
const MAX_CJK_TERM_CHARS = 16;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether a candidate term reads like a name for something rather than a clause. */
export function looksLikeTerm(raw: string): boolean {
  const term = raw.trim();
  if (!term || term.length > MAX_TERM_CHARS) return false;
  if (NOT_TERMS.has(term.toLowerCase().replace(/[.\s]+$/, ''))) return false;
  if (/[.!?;。！？；]$/.test(term)) return false;
  if (/^[-–—,;:(]/.test(term)) return false;
  if (/^\d+([.:,]\d+)*$/.test(term)) return false;
  if (/https?$|www\./i.test(term)) return false;
  // `Le professeur a dit : …`, `He said: …`: a clause introducing speech, not a term.
  if (REPORTING_VERB.test(term)) return false;
  if (CJK.test(term)) return [...term].length <= MAX_CJK_TERM_CHARS && !/[，,。]/.test(term);
  const words = term.split(/\s+/);
  if (words.length > MAX_TERM_WORDS) return false;
  // A term is mostly words, not a sentence fragment full of commas.
  if ((term.match(/,/g) ?? []).length > 1) return false;
  return /\p{L}/u.test(term);
}

/**
 * Without bold or a dash to mark it, a long lower-case lead before a colon is the start of a
 * sentence ("the second paragraph of item two: …"), not a term.
 */
function readsLikeClause(lead: string): boolean {
  const words = stripInline(lead).trim().split(/\s+/);
  return words.length > 3 && /^\p{Ll}/u.test(words[0]);
}

/** Checks the plain text; returns the parts as written (inline Markdown kept), for the builder. */
function finish(term: string, definition: string, offset: number): DefinitionMatch | null {
  const t = stripInline(term).replace(/\s+/g, ' ').trim();
  const d = stripInline(definition).trim();
  if (!looksLikeTerm(t) || d.length < 2 || !/[\p{L}\p{N}]/u.test(d)) return null;
  return { term: term.trim(), definition: definition.trim(), offset };
}

/**
 * Recognises `**Term**: def`, `**Term:** def`, `**Term** — def`, `Term: def`, `Term — def` and
 * `Term - def` in one line of Markdown source (block prefixes already removed). Returns null for a
 * sentence that merely contains a colon.
 */
export function matchDefinition(line: string): DefinitionMatch | null {
  const offset = line.length - line.trimStart().length;
  const text = line.trim();
  if (!text || /^(https?|ftp|mailto):/i.test(text)) return null;

  const bold = /^(\*\*|__)(.{1,120}?)\1\s*(?:[:：]|[—–]|-(?=\s)|=(?=\s))\s*(.+)$/.exec(text);
  if (bold) return finish(bold[2], bold[3], offset);
  const boldColonInside = /^(\*\*|__)([^:：]{1,120}?)\s*[:：]\s*\1\s*(.+)$/.exec(text);
  if (boldColonInside) return finish(boldColonInside[2], boldColonInside[3], offset);

  const dash = /^(.{1,80}?)\s+(?:[—–]|--|-|[─━]{1,4})\s+(.+)$/.exec(text);
  if (dash && !/[:：]/.test(dash[1])) {
    const found = finish(dash[1], dash[2], offset);
    if (found) return found;
  }

  // `Term: def` — the colon must not be part of a time, a URL or a ratio.
  const colon = /^([^:：]{1,80}?)\s*(?<![0-9])[:：](?![0-9/])\s*(.+)$/.exec(text);
  if (colon && !readsLikeClause(colon[1])) return finish(colon[1].replace(DEFINITION_WORD, ''), colon[2], offset);
  return null;
}
