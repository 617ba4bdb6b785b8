import { parse as parseYaml } from 'yaml';
import { NotesError } from '../model/NotesError.js';
import { toLanguageTag } from '../model/toLanguageTag.js';

export interface FrontMatter {
  title?: string;
  lang?: string;
  tags: string[];
  author?: string;
  /** Every key as written, made JSON-safe: the model carries it for renderers and templates. */
  data: Record<string, unknown>;
}

export interface SplitNotes {
  frontMatter: FrontMatter;
  body: string;
  /** Number of lines the front matter took, so body line 1 is file line bodyLineOffset + 1. */
  bodyLineOffset: number;
  /** Values ignored because they are not what their key takes (a `lang` that is no language), with their file line. */
  warnings: { line: number; message: string; ruleId: string }[];
}

const FENCE = /^---[ \t]*$/;

/** Reads a leading `---` YAML block; a malformed one is an error at its own line, not ignored. */
export function splitFrontMatter(text: string, file: string): SplitNotes {
  const empty: FrontMatter = { tags: [], data: {} };
  if (!text.startsWith('---')) return { frontMatter: empty, body: text, bodyLineOffset: 0, warnings: [] };
  const lines = text.split('\n');
  if (!FENCE.test(lines[0])) return { frontMatter: empty, body: text, bodyLineOffset: 0, warnings: [] };
  let end = -1;
  for (let i = 1; i < lines.length && i < 200; i++) {
    if (FENCE.test(lines[i]) || /^\.\.\.[ \t]*$/.test(lines[i])) {
      end = i;
      break;
    }
  }
  if (end < 0) return { frontMatter: empty, body: text, bodyLineOffset: 0, warnings: [] };
  const yamlText = lines.slice(1, end).join('\n');
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    const linePos = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    throw new NotesError(
      'front-matter',
      file,
      `front matter is not valid YAML: ${String((error as Error).message).split('\n')[0]}`,
      linePos ? linePos.line + 1 : 1,
      linePos?.col,
    );
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    // A horizontal rule at the top followed by prose is not front matter.
    return { frontMatter: empty, body: text, bodyLineOffset: 0, warnings: [] };
  }
  const record = jsonSafe(data ?? {}) as Record<string, unknown>;
  const { title, lang, language, tags } = record;
  const frontMatter: FrontMatter = { tags: [], data: record };
  const author = record.author ?? record.authors ?? record.auteur;
  if (Array.isArray(author)) frontMatter.author = author.map(String).join(', ');
  else if ((typeof author === 'string' || typeof author === 'number') && String(author).trim()) frontMatter.author = String(author).trim();
  if (title !== undefined && title !== null) frontMatter.title = String(title).trim();
  const warnings: SplitNotes['warnings'] = [];
  const langValue = lang ?? language;
  if (langValue !== undefined && langValue !== null) {
    // Validated like --lang: renderers pick wording and labels by it, so it must be a language, never a path.
    const tag = toLanguageTag(langValue);
    if (tag) frontMatter.lang = tag;
    else {
      const at = lines.slice(1, end).findIndex((l) => /^(?:lang|language)[ \t]*:/.test(l));
      const shown = JSON.stringify(langValue) ?? String(langValue);
      const message = `front matter "${lang !== undefined ? 'lang' : 'language'}" is ${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}, not a language code such as fr, en or zh; ignored (the language is taken from --lang or detected)`;
      warnings.push({ line: at < 0 ? 1 : at + 2, message, ruleId: 'front-matter-lang' });
    }
  }
  if (Array.isArray(tags)) frontMatter.tags = tags.map((t) => String(t).trim()).filter(Boolean);
  else if (typeof tags === 'string') frontMatter.tags = tags.split(/[,\s]+/).filter(Boolean);
  return {
    frontMatter,
    body: lines.slice(end + 1).join('\n'),
    bodyLineOffset: end + 1,
    warnings,
  };
}

/** YAML may hold dates and other values JSON cannot: the model keeps their JSON form. */
function jsonSafe(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v))) ?? {};
  } catch {
    return {};
  }
}
