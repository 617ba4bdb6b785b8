import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { findCarriedItems } from './findCarriedItems.js';
import { ITEM_COLLECTIONS, type ItemCollection, type StudyDocument, type StudyItem } from '../../model/StudyDocument.js';

/** Built-in templates ship in the package's templates/ folder (same depth from src/ and dist/). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../../templates/', import.meta.url));

export type Labels = Record<string, string>;

export interface Directive {
  name: string;
  args: string;
  /** Line of the template output, for messages about a teacher's template. */
  line: number;
}

export interface SheetPlan {
  directives: Directive[];
  labels: Labels;
  items: Map<string, { kind: ItemCollection; item: StudyItem }>;
  templatePath: string;
}

interface Group {
  kind: ItemCollection;
  label: string;
  items: { id: string; kind: ItemCollection }[];
}

/** Keeps a value on one directive line. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Labels files in a folder, by language: only names shaped like `fr.json` count. The notes' language
 * picks among these, so no path is ever made from what a note says (`lang: ../../secret`).
 */
function labelFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return files;
  }
  for (const name of names) {
    const m = /^([a-z]{2,3})\.json$/.exec(name);
    if (m) files.set(m[1], join(dir, name));
  }
  return files;
}

function loadLabels(language: string, templatesDir: string | null): Labels {
  const lang = language.split('-')[0].toLowerCase();
  const builtIn = labelFiles(join(BUILT_IN_TEMPLATES, 'pdf', 'labels'));
  const user = templatesDir ? labelFiles(join(templatesDir, 'pdf', 'labels')) : new Map<string, string>();
  const base = JSON.parse(readFileSync(builtIn.get('en')!, 'utf8')) as Labels;
  const candidates = [builtIn.get(lang), user.get('en'), user.get(lang)].filter((f): f is string => f !== undefined);
  const labels = { ...base };
  for (const file of candidates) {
    try {
      Object.assign(labels, JSON.parse(readFileSync(file, 'utf8')) as Labels);
    } catch (error) {
      throw new Error(`labels file ${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  return labels;
}

function formatDate(timestamp: number, labels: Labels): string {
  const locale = labels.dateLocale || 'en-GB';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(timestamp * 1000));
}

/**
 * Runs the handlebars sheet template (the teacher-editable part: what goes on the sheet and in which
 * order) over a view of the document, and reads back its one-directive-per-line output.
 */
export function sheetDirectives(doc: StudyDocument, options: { templatesDir: string | null; timestamp: number; sourcePath: string }): SheetPlan {
  const labels = loadLabels(doc.language, options.templatesDir);
  const userTemplate = options.templatesDir ? join(options.templatesDir, 'pdf', 'sheet.hbs') : null;
  const templatePath = userTemplate && existsSync(userTemplate) ? userTemplate : join(BUILT_IN_TEMPLATES, 'pdf', 'sheet.hbs');

  const items = new Map<string, { kind: ItemCollection; item: StudyItem }>();
  const ordered: { kind: ItemCollection; item: StudyItem }[] = [];
  // Each fact once: an item another one already prints (a definition that is an outline node, an
  // answer line or a formula's legend) stays out of the template's view; `@item` still finds it.
  const carried = findCarriedItems(doc);
  for (const kind of ITEM_COLLECTIONS) {
    for (const item of (doc[kind] ?? []) as StudyItem[]) {
      items.set(item.id, { kind, item });
      if (!carried.has(item.id)) ordered.push({ kind, item });
    }
  }
  ordered.sort((a, b) => a.item.source.line - b.item.source.line || a.item.source.column - b.item.source.column);

  const sectionKey = (path: readonly string[]) => path.join('\u0000');
  const byPath = new Map<string, number>();
  doc.sections.forEach((s, i) => byPath.set(sectionKey(s.path), i));
  const perSection: { kind: ItemCollection; item: StudyItem }[][] = doc.sections.map(() => []);
  const preamble: { kind: ItemCollection; item: StudyItem }[] = [];
  for (const entry of ordered) {
    // An item whose exact section is unknown goes to its nearest known ancestor.
    let index: number | undefined;
    for (let n = entry.item.section.length; n > 0 && index === undefined; n--) index = byPath.get(sectionKey(entry.item.section.slice(0, n)));
    (index === undefined ? preamble : perSection[index]).push(entry);
  }
  const groupsOf = (entries: { kind: ItemCollection; item: StudyItem }[]): Group[] => {
    const groups: Group[] = [];
    for (const { kind, item } of entries) {
      const last = groups[groups.length - 1];
      if (last && last.kind === kind) last.items.push({ id: item.id, kind });
      else groups.push({ kind, label: oneLine(labels[kind] ?? kind), items: [{ id: item.id, kind }] });
    }
    return groups;
  };

  // A section is shown when it or one of its subsections holds items.
  const counts = perSection.map((e) => e.length);
  const hasContent = doc.sections.map((s, i) => {
    for (let j = i; j < doc.sections.length; j++) {
      if (j > i && doc.sections[j].depth <= s.depth) break;
      if (counts[j] > 0) return true;
    }
    return false;
  });
  const title = oneLine(doc.title || doc.sections[0]?.text || options.sourcePath);
  const shown = doc.sections.filter((s, i) => hasContent[i] && !(i === 0 && s.depth === 1 && oneLine(s.text) === title));
  const minDepth = Math.min(...shown.map((s) => s.depth), 99);
  const sections = doc.sections.map((s, i) => ({
    text: oneLine(s.text),
    depth: s.depth,
    level: Math.min(3, Math.max(1, s.depth - minDepth + 1)),
    isTitle: i === 0 && s.depth === 1 && oneLine(s.text) === title,
    hasContent: hasContent[i],
    itemCount: counts[i],
    groups: groupsOf(perSection[i]),
  }));

  const view = {
    title,
    file: oneLine(options.sourcePath),
    // Standard input without SOURCE_DATE_EPOCH has no date worth printing (it would say 1970).
    date: options.timestamp > 0 ? formatDate(options.timestamp, labels) : '',
    language: doc.language,
    tags: doc.tags.map(oneLine),
    labels,
    preamble: { groups: groupsOf(preamble), itemCount: preamble.length },
    sections,
    itemCount: ordered.length,
    items: ordered.map(({ kind, item }) => ({ id: item.id, kind })),
  };

  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('sameText', (a: unknown, b: unknown) => String(a).trim().toLocaleLowerCase() === String(b).trim().toLocaleLowerCase());
  hb.registerHelper('oneOf', (value: unknown, list: unknown) => typeof list === 'string' && list.split(/\s+/).includes(String(value)));
  let output: string;
  try {
    const source = readFileSync(templatePath, 'utf8');
    output = hb.compile(source, { noEscape: true, strict: false })(view);
  } catch (error) {
    throw new Error(`sheet template ${templatePath}: ${(error as Error).message.split('\n')[0]}`);
  }
  const directives: Directive[] = [];
  output.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^@([a-z-]+)\s*(.*)$/i.exec(line);
    if (m) directives.push({ name: m[1].toLowerCase(), args: m[2], line: i + 1 });
    else directives.push({ name: 'text', args: line, line: i + 1 });
  });
  return { directives, labels, items, templatePath };
}
