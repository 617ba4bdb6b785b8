import { parse as parseYaml } from 'yaml';
import { NotesError } from './NotesError.js';

export interface FrontMatter {
  title?: string;
  lang?: string;
  tags: string[];
  /** Everything else the front matter held, kept for renderers and templates. */
  extra: Record<string, unknown>;
}

export interface SplitNotes {
  frontMatter: FrontMatter;
  body: string;
  /** Number of lines the front matter took, so body line 1 is file line bodyLineOffset + 1. */
  bodyLineOffset: number;
}

const FENCE = /^---[ \t]*$/;

/** Reads a leading `---` YAML block; a malformed one is an error at its own line, not ignored. */
export function splitFrontMatter(text: string, file: string): SplitNotes {
  const empty: FrontMatter = { tags: [], extra: {} };
  if (!text.startsWith('---')) return { frontMatter: empty, body: text, bodyLineOffset: 0 };
  const lines = text.split('\n');
  if (!FENCE.test(lines[0])) return { frontMatter: empty, body: text, bodyLineOffset: 0 };
  let end = -1;
  for (let i = 1; i < lines.length && i < 200; i++) {
    if (FENCE.test(lines[i]) || /^\.\.\.[ \t]*$/.test(lines[i])) {
      end = i;
      break;
    }
  }
  if (end < 0) return { frontMatter: empty, body: text, bodyLineOffset: 0 };
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
    return { frontMatter: empty, body: text, bodyLineOffset: 0 };
  }
  const record = (data ?? {}) as Record<string, unknown>;
  const { title, lang, language, tags, ...extra } = record;
  const frontMatter: FrontMatter = { tags: [], extra };
  if (title !== undefined && title !== null) frontMatter.title = String(title).trim();
  const langValue = lang ?? language;
  if (langValue !== undefined && langValue !== null) frontMatter.lang = String(langValue).trim().toLowerCase();
  if (Array.isArray(tags)) frontMatter.tags = tags.map((t) => String(t).trim()).filter(Boolean);
  else if (typeof tags === 'string') frontMatter.tags = tags.split(/[,\s]+/).filter(Boolean);
  return {
    frontMatter,
    body: lines.slice(end + 1).join('\n'),
    bodyLineOffset: end + 1,
  };
}
