import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Per-language question rules, read from templates/mcq/<lang>/rules.json next to the wording (a
 * user's `--templates` folder may override any key). Data rather than code, so a teacher can add a
 * comment column name or an essay prompt without touching revise. See docs/mcq.md, "Question rules".
 */
export interface QuestionRules {
  /** Small words a key may gain or lose in the stem ("the", "de", "的"): "客户的忠诚度" is "客户忠诚度". */
  particles: string[];
  /** Endings that make a plural variant of a word ("cell"/"cells"): the key is blanked in both forms. */
  pluralSuffixes: string[];
  /** How to tell a plural column header, for verb agreement ("What are the key points of …?"). */
  pluralHeaders: { endings: string[]; notEndings: string[]; plural: string[]; singular: string[] };
  /** Column headers are lower-cased inside a sentence ("the focus of"), acronyms and inner capitals kept. */
  lowercaseHeaders: boolean;
  /** A first-column header that names attributes ("Aspect", "Critère", "项目"): the table is read transposed. */
  attributeHeaders: string[];
  /** Columns that hold comments rather than facts ("Notes", "Remarques", "备注"): nothing is asked from them. */
  commentHeaders: string[];
  /** Heading words that introduce facets, parts or examples of a concept ("features", "特点"). */
  facetHeadings: string[];
  /** Questions that ask for an essay ("Explain …", "简述…"): a card, never a multiple-choice item. */
  essayPrompts: string[];
  /** Words a sentence may start with that stand for something said before ("It", "Il", "它"): such a statement needs its section as context. */
  pronounStarts: string[];
  /** Words a yes/no answer starts with ("Yes, …", "Non, …", "是，…"): such answers are options only for yes/no questions. */
  polarWords: string[];
  /** Longest stem, option and true/false statement, and longest term asked about (words; CJK characters). */
  limits: { stem: number; option: number; statement: number; term: number };
}

/** Keys every rules file must give a value of the right shape; English fills what another language leaves out. */
export function mergeRules(base: QuestionRules, override: Partial<QuestionRules>): QuestionRules {
  const out: QuestionRules = { ...base, limits: { ...base.limits }, pluralHeaders: { ...base.pluralHeaders } };
  for (const key of Object.keys(base) as (keyof QuestionRules)[]) {
    const value = override[key];
    if (value === undefined) continue;
    if (key === 'limits' || key === 'pluralHeaders') Object.assign(out[key], value);
    else (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Built-in rules live in templates/mcq/<lang>/rules.json at the package root (next to dist/ and src/). */
const BUILT_IN_MCQ_DIR = fileURLToPath(new URL('../../../templates/mcq/', import.meta.url));
const cache = new Map<string, QuestionRules>();

/**
 * The rules for a language: English as the base, then the language's own built-in file, then the
 * user's `<templatesDir>/mcq/<lang>/rules.json`; languages without a file use English's (fr, en, zh
 * ship). Read once per process and templates folder.
 */
export function loadQuestionRules(language: string, templatesDir: string | null): QuestionRules {
  const lang = language.toLowerCase().split(/[-_]/)[0];
  const key = `${lang}\u0000${templatesDir ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const read = (path: string) => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<QuestionRules>) : {});
  let rules = read(join(BUILT_IN_MCQ_DIR, 'en', 'rules.json')) as QuestionRules;
  if (lang !== 'en') rules = mergeRules(rules, read(join(BUILT_IN_MCQ_DIR, lang, 'rules.json')));
  if (templatesDir) rules = mergeRules(rules, read(join(templatesDir, 'mcq', lang, 'rules.json')));
  if (cache.size > 64) cache.clear();
  cache.set(key, rules);
  return rules;
}
