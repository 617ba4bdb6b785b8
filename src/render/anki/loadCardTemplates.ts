import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { NoteTypeKey } from './AnkiNote.js';
import { BUILT_IN_TEMPLATES_VERSION } from './builtInTemplatesVersion.js';
import { NOTE_TYPE_SPECS, type NoteTypeSpec } from './noteTypeSpecs.js';

export const BUILT_IN_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/anki/', import.meta.url));

/** Names Anki fills in itself besides the note's fields. */
const SPECIAL_FIELDS = new Set(['FrontSide', 'Tags', 'Type', 'Deck', 'Subdeck', 'Card', 'CardFlag']);

export interface CardTemplate {
  name: string;
  qfmt: string;
  afmt: string;
}

export interface NoteTypeTemplates {
  spec: NoteTypeSpec;
  templates: CardTemplate[];
  css: string;
  /** Seconds: the built-in templates' version date, or the newest override file's mtime if later. */
  mod: number;
}

export class TemplateError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'TemplateError';
  }
}

interface SourceFile {
  text: string;
  /** Where it came from, for error messages. */
  origin: string;
  /** mtime in seconds when it overrides a built-in file, else null. */
  overrideMtime: number | null;
}

async function readTemplateFile(rel: string, overrideDir: string | null, optional = false): Promise<SourceFile | null> {
  if (overrideDir) {
    const path = join(overrideDir, rel);
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) return { text: await readFile(path, 'utf8'), origin: path, overrideMtime: Math.floor(info.mtimeMs / 1000) };
  }
  const builtIn = join(BUILT_IN_TEMPLATES_DIR, rel);
  try {
    return { text: await readFile(builtIn, 'utf8'), origin: builtIn, overrideMtime: null };
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function listPartials(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, 'partials'))).filter((f) => f.endsWith('.hbs')).sort();
  } catch {
    return [];
  }
}

/**
 * A Handlebars environment whose helpers write Anki template syntax: `{{field "Back"}}` gives
 * `{{Back}}`, so a typo in a field name fails here with the file name instead of showing
 * "unknown field" on every card in Anki.
 */
function ankiTemplateEnvironment(spec: NoteTypeSpec, origin: () => string): typeof Handlebars {
  const hb = Handlebars.create();
  const known = (name: unknown): string => {
    if (typeof name !== 'string' || !(spec.fields.includes(name) || SPECIAL_FIELDS.has(name))) {
      throw new TemplateError(origin(), `unknown field ${JSON.stringify(name)}; ${spec.name} has ${spec.fields.join(', ')}`);
    }
    return name;
  };
  hb.registerHelper('field', (name: unknown) => new hb.SafeString(`{{${known(name)}}}`));
  hb.registerHelper('cloze', (name: unknown) => new hb.SafeString(`{{cloze:${known(name)}}}`));
  hb.registerHelper('frontSide', () => new hb.SafeString('{{FrontSide}}'));
  hb.registerHelper('ifField', function (this: unknown, name: unknown, options: Handlebars.HelperOptions) {
    const f = known(name);
    return new hb.SafeString(`{{#${f}}}${options.fn(this)}{{/${f}}}`);
  });
  hb.registerHelper('unlessField', function (this: unknown, name: unknown, options: Handlebars.HelperOptions) {
    const f = known(name);
    return new hb.SafeString(`{{^${f}}}${options.fn(this)}{{/${f}}}`);
  });
  return hb;
}

/**
 * Reads templates/anki/ (and the same paths under `<templatesDir>/anki/`, which win file by file)
 * and turns them into each note type's Anki front/back templates and CSS.
 */
export async function loadCardTemplates(templatesDir: string | null): Promise<Record<NoteTypeKey, NoteTypeTemplates>> {
  // Every deck of a build (one per file, and the course deck) uses the same templates: compile them
  // once per process, again only when a file of the override folder changes (`--watch`).
  const key = templatesDir ?? '';
  const signature = templatesDir ? await folderSignature(join(templatesDir, 'anki')) : '';
  const known = compiled.get(key);
  if (known && known.signature === signature) return known.templates;
  const templates = compileCardTemplates(templatesDir);
  compiled.set(key, { signature, templates });
  templates.catch(() => compiled.delete(key));
  return templates;
}

const compiled = new Map<string, { signature: string; templates: Promise<Record<NoteTypeKey, NoteTypeTemplates>> }>();

/** Content and modification time (which dates the note types) of every file under `dir`. */
async function folderSignature(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  const hash = createHash('sha256');
  for (const f of files) {
    const [st, bytes] = await Promise.all([stat(f).catch(() => null), readFile(f).catch(() => null)]);
    hash.update(`${f}\0${st?.mtimeMs ?? ''}\0`).update(bytes ?? '').update('\0');
  }
  return hash.digest('hex');
}

async function compileCardTemplates(templatesDir: string | null): Promise<Record<NoteTypeKey, NoteTypeTemplates>> {
  const overrideDir = templatesDir ? join(templatesDir, 'anki') : null;
  const sharedCss = await readTemplateFile('style.css', overrideDir);
  const partialNames = [...new Set([...(await listPartials(BUILT_IN_TEMPLATES_DIR)), ...(overrideDir ? await listPartials(overrideDir) : [])])].sort();
  const partials: { name: string; file: SourceFile }[] = [];
  for (const name of partialNames) {
    const file = await readTemplateFile(`partials/${name}`, overrideDir);
    if (file) partials.push({ name: name.replace(/\.hbs$/, ''), file });
  }

  const result = {} as Record<NoteTypeKey, NoteTypeTemplates>;
  for (const key of Object.keys(NOTE_TYPE_SPECS) as NoteTypeKey[]) {
    const spec = NOTE_TYPE_SPECS[key];
    let current = '';
    const hb = ankiTemplateEnvironment(spec, () => current);
    const used: SourceFile[] = [sharedCss!, ...partials.map((p) => p.file)];
    for (const p of partials) hb.registerPartial(p.name, p.file.text);
    const render = (file: SourceFile, data: Record<string, unknown>): string => {
      current = file.origin;
      try {
        return hb.compile(file.text, { strict: true })(data).trim();
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        throw new TemplateError(file.origin, (error as Error).message);
      }
    };
    const templates: CardTemplate[] = [];
    for (const t of spec.templates) {
      const front = (await readTemplateFile(t.front, overrideDir))!;
      const back = (await readTemplateFile(t.back, overrideDir))!;
      used.push(front, back);
      const data = { noteType: spec.name, card: t.name };
      const qfmt = render(front, data);
      const afmt = render(back, data);
      const needed = spec.kind === 1 ? /\{\{cloze:[^}]+\}\}/ : /\{\{[^#^/!{}][^{}]*\}\}/;
      if (!needed.test(qfmt)) {
        throw new TemplateError(front.origin, spec.kind === 1 ? 'a cloze front must use {{cloze "Text"}}' : 'the front shows no field, so Anki would find every card empty');
      }
      templates.push({ name: t.name, qfmt, afmt });
    }
    const typeCss = await readTemplateFile(spec.css, overrideDir, true);
    if (typeCss) used.push(typeCss);
    const css = [sharedCss!.text.trim(), typeCss?.text.trim() ?? ''].filter(Boolean).join('\n\n') + '\n';
    const mod = Math.max(BUILT_IN_TEMPLATES_VERSION.mod, ...used.map((f) => f.overrideMtime ?? 0));
    result[key] = { spec, templates, css, mod };
  }
  return result;
}
