import { basename, extname } from 'node:path';
import type { Diagnostic } from '../model/Diagnostic.js';
import { toLanguageTag } from '../model/toLanguageTag.js';
import { ITEM_COLLECTIONS, type StudyDocument } from '../model/StudyDocument.js';
import type { NotesLines } from './blocks/NotesLines.js';
import { readBlocks } from './blocks/readBlocks.js';
import { ATX_HEADING, FENCE_OPEN, SETEXT_UNDERLINE } from './blocks/containerSyntax.js';
import { detectLanguage } from './detectLanguage.js';
import { measureCoverage } from './measureCoverage.js';
import { DocumentBuilder } from './DocumentBuilder.js';
import { applyBlockRules, BlockWalk, type WalkState } from './rules/RuleContext.js';
import { ReadState } from './rules/ReadState.js';
import { isSetextTitle } from './rules/lines/setextHeading.js';
import { BLOCK_RULES, TEXT_RULES } from './rules/ruleTable.js';
import { splitFrontMatter } from './splitFrontMatter.js';

/** Below this share of the notes' words reaching an item, a build warns. */
const LOW_COVERAGE = 0.6;
/** Notes too short for a share to mean much are not warned about. */
const MIN_WORDS_FOR_WARNING = 30;

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
  doc.title = frontMatter.title || read.title || chooseTitle(doc, read, options.file);
  doc.coverage = measureCoverage(doc, lines.text, lines.line, read.literalLines);
  if (doc.coverage.words >= MIN_WORDS_FOR_WARNING && doc.coverage.covered < LOW_COVERAGE * doc.coverage.words) {
    const share = Math.round((100 * doc.coverage.covered) / doc.coverage.words);
    read.warn(`only ${share} % of the notes' words reached an item (see the unused lines with revise inspect)`, { line: 1, column: 1 }, 'low-coverage');
  }
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

/**
 * The notes' subject: the first top-level heading with content under it, else the first short line
 * that reads like a title, else the first line of text, else the file name. Never an empty heading,
 * nor one of a run of empty headings (a study app's list of its sections), nor a keyword list.
 */
function chooseTitle(doc: StudyDocument, read: ReadState, file: string): string {
  const heading = firstHeading(doc, true);
  if (heading) return heading;
  for (const line of read.titleLines) if (readsLikeTitle(line)) return line;
  // A heading over code or other content without items still names the notes.
  const any = firstHeading(doc, false);
  if (any) return any;
  if (read.firstText && readsLikeTitle(read.firstText)) return clipTitle(read.firstText);
  return basename(file, extname(file));
}

function clipTitle(text: string): string {
  return text.length <= 120 ? text : `${text.slice(0, 119)}…`;
}

/** Not a keyword list (`CRM, loyalty, retention, acquisition, …`), not a sentence of a paragraph. */
function readsLikeTitle(text: string): boolean {
  const separators = (text.match(/[,，、;；|/·]/g) ?? []).length;
  return /[\p{L}\p{N}]/u.test(text) && separators < 3 && text.length <= 160;
}

/** The first top-level heading (with items under it, when `withItems`) that is not one of a run of empty headings. */
function firstHeading(doc: StudyDocument, withItems: boolean): string | null {
  const sections = doc.sections;
  if (sections.length === 0) return null;
  const key = (path: readonly string[]) => path.join('\u0000');
  const direct = new Set<string>();
  for (const kind of ITEM_COLLECTIONS) for (const item of doc[kind]) direct.add(key(item.section));
  const hasDirect = sections.map((s) => direct.has(key(s.path)));
  // A run of three or more headings with nothing between them is a list of sections, not structure.
  const inRun = sections.map(() => false);
  for (let i = 0; i < sections.length; ) {
    let j = i;
    while (j < sections.length && !hasDirect[j]) j++;
    if (j - i >= 3) for (let k = i; k <= Math.min(j, sections.length - 1); k++) if (sections[k].depth === sections[i].depth) inRun[k] = true;
    i = j + 1;
  }
  const top = Math.min(...sections.map((s) => s.depth));
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s.depth !== top || inRun[i] || !readsLikeTitle(s.text)) continue;
    const prefix = key(s.path);
    const hasContent = [...direct].some((d) => d === prefix || d.startsWith(`${prefix}\u0000`));
    if (hasContent || !withItems) return s.text;
  }
  return null;
}
