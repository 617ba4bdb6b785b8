import { basename, extname } from 'node:path';
import type { Diagnostic } from '../model/Diagnostic.js';
import { toLanguageTag } from '../model/toLanguageTag.js';
import type { StudyDocument } from '../model/StudyDocument.js';
import type { NotesLines } from './blocks/NotesLines.js';
import { readBlocks } from './blocks/readBlocks.js';
import { ATX_HEADING, FENCE_OPEN, SETEXT_UNDERLINE } from './blocks/containerSyntax.js';
import { detectLanguage } from './detectLanguage.js';
import { DocumentBuilder } from './DocumentBuilder.js';
import { applyBlockRules, BlockWalk, type WalkState } from './rules/RuleContext.js';
import { ReadState } from './rules/ReadState.js';
import { isSetextTitle } from './rules/lines/setextHeading.js';
import { BLOCK_RULES, TEXT_RULES } from './rules/ruleTable.js';
import { splitFrontMatter } from './splitFrontMatter.js';

export interface ParseOptions {
  /** Path recorded in the model (relative to the build root, forward slashes). */
  file: string;
  /** Overrides detection, but not a `lang` set in the notes' own front matter. */
  language?: string;
  /** Keep lines the pasted-text rules would drop as boilerplate. */
  keepBoilerplate?: boolean;
}

export interface ParseResult {
  document: StudyDocument;
  messages: Diagnostic[];
}

/**
 * Notes text (already decoded) → study model: front matter, then blocks (Markdown containers set
 * apart, other stretches read by the line rules), then the block and text rules of the rule table.
 */
export function parseNotes(text: string, options: ParseOptions): ParseResult {
  const { frontMatter, body, bodyLineOffset, warnings } = splitFrontMatter(text, options.file);
  const raw = body.split('\n');
  const lines: NotesLines = {
    // Non-breaking spaces are spaces to every rule; the PDF sheet sets French ones again.
    text: raw.map((l) => l.replace(/\r$/, '').replace(/\u00a0/g, ' ')),
    line: raw.map((_, i) => i + 1 + bodyLineOffset),
    column: raw.map(() => 1),
  };
  const read = new ReadState(hasOwnHeadings(lines.text), options.keepBoilerplate ?? false);
  const blocks = readBlocks(lines, read);
  read.lists.resolve();

  const builder = new DocumentBuilder(options.file);
  for (const w of warnings) builder.warn(w.message, { line: w.line, column: 1 }, w.ruleId);
  const state: WalkState = { builder, read, pending: null, exercise: null, unkeyed: [], rules: { blocks: BLOCK_RULES, text: TEXT_RULES } };
  const walk = new BlockWalk(blocks, state);
  applyBlockRules(walk);
  walk.flushPending();
  for (const q of state.unkeyed) {
    read.warn('no answer key for this multiple-choice question: kept as a question/answer pair', q.source, 'choice-without-key');
    builder.addQa(q.stem, q.options, q.source, false, q.section);
  }

  const doc = builder.doc;
  doc.dropped = read.dropped.sort((a, b) => a.line - b.line);
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
    doc.language = detectLanguage(lines.text.join('\n'));
    doc.languageSource = doc.language === 'und' ? 'default' : 'detected';
  }
  doc.title = frontMatter.title || read.title || chooseTitle(doc, read.firstText, options.file);
  const messages: Diagnostic[] = [...read.messages.map((m) => ({ ...m, file: options.file })), ...builder.messages];
  messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { document: doc, messages };
}

/**
 * Whether the notes mark their own headings (`#`, setext underlines) outside code. Notes that do
 * are never given headings guessed from bare lines; notes that do not (pasted text, a list of
 * flashcards) get them from numbering and layout.
 */
function hasOwnHeadings(lines: readonly string[]): boolean {
  let fence: string | null = null;
  for (let i = 0; i < lines.length && i < 20000; i++) {
    const line = lines[i];
    const open = FENCE_OPEN.exec(line);
    if (open) {
      if (fence === null) fence = open[1][0];
      else if (open[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    if (ATX_HEADING.test(line) && /#[ \t]+\S/.test(line)) return true;
    const above = lines[i - 1] ?? '';
    if (SETEXT_UNDERLINE.test(line) && above.trim() !== '' && isSetextTitle(above) && !SETEXT_UNDERLINE.test(above) && !/^[ \t]*[-*+][ \t]/.test(above)) return true;
  }
  return false;
}

/** The first top-level heading, else the first heading, else the first line of text, else the file name. */
function chooseTitle(doc: StudyDocument, firstText: string | null, file: string): string {
  const top = doc.sections.find((s) => s.depth === 1);
  if (top) return top.text;
  if (doc.sections[0]) return doc.sections[0].text;
  if (firstText) return firstText.length <= 120 ? firstText : `${firstText.slice(0, 119)}…`;
  return basename(file, extname(file));
}
