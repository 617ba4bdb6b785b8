import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { McqTemplateName } from './McqBank.js';
import { loadQuestionRules, type QuestionRules } from '../quality/QuestionRules.js';

/** Languages revise ships wording for; any other language falls back to English. */
export const MCQ_LANGUAGES = ['en', 'fr', 'zh'] as const;

/** Built-in templates live in templates/mcq/<lang>/ at the package root (next to dist/ and src/). */
export const BUILT_IN_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/mcq/', import.meta.url));

/** Short words that are not whole sentences: true/false labels, the cloze blank, the order arrow. */
export interface McqWords {
  true: string;
  false: string;
  blank: string;
  orderSeparator: string;
  /** Joins answer lines that end a sentence into one option. */
  answerSeparator: string;
  /** Joins answer lines that are list entries (no closing punctuation). */
  listSeparator: string;
}

/** Languages a user's templates folder adds wording for: `mcq/<code>/words.json`, codes of two or three letters. */
function userLanguages(templatesDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(templatesDir, 'mcq'));
  } catch {
    return [];
  }
  return names.filter((n) => /^[a-z]{2,3}$/.test(n) && existsSync(join(templatesDir, 'mcq', n, 'words.json')));
}

/**
 * Question wording for one language: handlebars templates, each one overridable by a file of the
 * same name in <templatesDir>/mcq/<lang>/ (a missing file keeps the built-in one).
 */
export class McqWording {
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  readonly words: McqWords;
  readonly rules: QuestionRules;

  constructor(
    /** The language the wording is written in (may differ from the notes when unsupported). */
    readonly language: string,
    private readonly overrideDir: string | null,
  ) {
    const english = JSON.parse(readFileSync(join(BUILT_IN_TEMPLATES_DIR, 'en', 'words.json'), 'utf8')) as McqWords;
    this.words = { ...english, ...(JSON.parse(this.read('words.json')) as Partial<McqWords>) };
    this.rules = loadQuestionRules(language, overrideDir);
  }

  /** Picks the notes' language when wording exists for it (built in or user-supplied), else English. */
  static forLanguage(language: string, templatesDir: string | null): McqWording {
    const lang = language.toLowerCase().split(/[-_]/)[0];
    // Chosen from a list, never joined into a path as the notes give it (`lang: ../../x`).
    const known = (MCQ_LANGUAGES as readonly string[]).includes(lang) || (templatesDir !== null && userLanguages(templatesDir).includes(lang));
    return new McqWording(known ? lang : 'en', templatesDir);
  }

  render(name: McqTemplateName, data: Record<string, unknown>): string {
    let template = this.compiled.get(name);
    if (!template) {
      template = Handlebars.compile(this.read(`${name}.hbs`), { noEscape: true, strict: false });
      this.compiled.set(name, template);
    }
    return template(data).replace(/\s+/g, ' ').trim();
  }

  private read(file: string): string {
    if (this.overrideDir) {
      const user = join(this.overrideDir, 'mcq', this.language, file);
      if (existsSync(user)) return readFileSync(user, 'utf8');
    }
    // A user-added language may leave some files out: those fall back to English.
    for (const lang of [this.language, 'en']) {
      const builtIn = join(BUILT_IN_TEMPLATES_DIR, lang, file);
      if (existsSync(builtIn)) return readFileSync(builtIn, 'utf8');
    }
    throw new Error(`mcq wording file ${file} is missing from ${BUILT_IN_TEMPLATES_DIR}`);
  }
}
