import { basename, extname } from 'node:path';
import type { StudyDocument } from '../model/StudyDocument.js';
import type { Diagnostic } from '../model/Diagnostic.js';
import { toLanguageTag } from '../model/toLanguageTag.js';
import { detectLanguage } from './detectLanguage.js';
import { DocumentBuilder } from './DocumentBuilder.js';
import { BlockExtractor } from './extractBlocks.js';
import { iterateMarkdownChunks } from './parseMarkdownChunks.js';
import { PastedExtractor } from './pasted/PastedExtractor.js';
import { prepareText, type PrepareOptions } from './prepareText.js';
import { splitFrontMatter } from './splitFrontMatter.js';
import { stripInline } from './stripInline.js';

export interface ParseOptions {
  /** Path recorded in the model (relative to the build root, forward slashes). */
  file: string;
  /** Overrides detection, but not a `lang` set in the notes' own front matter. */
  language?: string;
  /** Keep lines the pasted-text pass would drop as boilerplate. */
  keepBoilerplate?: boolean;
}

export interface ParseResult {
  document: StudyDocument;
  messages: Diagnostic[];
}

/** Notes text (already decoded) → study model: front matter → pasted-text pass → remark → extractors. */
export function parseNotes(text: string, options: ParseOptions): ParseResult {
  const { frontMatter, body, bodyLineOffset, warnings } = splitFrontMatter(text, options.file);
  const prepareOptions: PrepareOptions = { keepBoilerplate: options.keepBoilerplate ?? false };
  const prepared = prepareText(body, bodyLineOffset, prepareOptions);
  let builder = new DocumentBuilder(options.file);
  let pastedTitle: string | undefined;
  if (prepared.pasted) pastedTitle = new PastedExtractor(prepared, builder).extract();
  else {
    try {
      new BlockExtractor(prepared, builder).extract(iterateMarkdownChunks(prepared.lines));
    } catch (error) {
      // remark recurses over nesting; input nested beyond what the stack holds is read line by line.
      if (!(error instanceof RangeError)) throw error;
      builder = new DocumentBuilder(options.file);
      pastedTitle = new PastedExtractor(prepared, builder).extract();
      builder.warn('nesting too deep for the Markdown parser; the file was read as plain text', { line: 1, column: 1 }, 'markdown-too-deep');
    }
    for (const line of prepared.defused ?? []) {
      builder.warn('line defused: nesting, indentation or a delimiter run beyond what notes use', { line, column: 1 }, 'markdown-defused');
    }
  }

  for (const w of warnings) builder.warn(w.message, { line: w.line, column: 1 }, w.ruleId);
  const doc = builder.doc;
  doc.dropped = prepared.dropped;
  doc.tags = frontMatter.tags;
  if (frontMatter.author) doc.author = frontMatter.author;
  doc.frontMatter = frontMatter.data;
  if (frontMatter.lang) {
    doc.language = frontMatter.lang;
    doc.languageSource = 'front-matter';
  } else if (options.language && toLanguageTag(options.language)) {
    // Callers check the option and say so once; one that is not a language is ignored here too.
    doc.language = toLanguageTag(options.language)!;
    doc.languageSource = 'option';
  } else {
    doc.language = detectLanguage(prepared.lines.join('\n'));
    doc.languageSource = doc.language === 'und' ? 'default' : 'detected';
  }
  doc.title = frontMatter.title || pastedTitle || chooseTitle(doc, prepared.lines, options.file);
  return { document: doc, messages: builder.messages };
}

/** The first top-level heading, else the first meaningful line, else the file name. */
function chooseTitle(doc: StudyDocument, lines: readonly string[], file: string): string {
  const top = doc.sections.find((s) => s.depth === 1);
  if (top) return top.text;
  for (const line of lines) {
    const text = stripInline(line.replace(/^\s*#+\s*/, '')).trim();
    if (text && text.length <= 120 && /[\p{L}\p{N}]/u.test(text)) return text;
  }
  return basename(file, extname(file));
}
