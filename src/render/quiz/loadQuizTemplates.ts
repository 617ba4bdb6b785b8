import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** Built-in templates live in templates/quiz/ at the package root (next to dist/ and src/). */
const BUILT_IN_DIR = fileURLToPath(new URL('../../../templates/quiz/', import.meta.url));
const FILES = ['page.hbs', 'quiz.css', 'quiz.js'] as const;

export type QuizLabels = Record<string, string>;

export interface QuizTemplates {
  page: Handlebars.TemplateDelegate;
  style: string;
  app: string;
  /** ts-fsrs' UMD build (it defines `window.FSRS`), inlined so the page works from file://. */
  fsrs: string;
  labels(language: string): QuizLabels;
}

const require = createRequire(import.meta.url);
let fsrsSource: string | null = null;

/** The UMD build of the installed ts-fsrs, without its source-map comment (the map is not beside the page). */
function fsrsScript(): string {
  if (fsrsSource === null) {
    const umd = join(dirname(require.resolve('ts-fsrs')), 'index.umd.js');
    fsrsSource = readFileSync(umd, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
  }
  return fsrsSource;
}

function pick(name: string, templatesDir: string | null): string {
  const own = templatesDir === null ? null : join(templatesDir, 'quiz', name);
  return own !== null && existsSync(own) ? own : join(BUILT_IN_DIR, name);
}

function readLabels(path: string): QuizLabels {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${path}: labels must be a JSON object`);
  const out: QuizLabels = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  return out;
}

const cache = new Map<string, QuizTemplates>();

/**
 * The page template, its CSS and script, and labels per language; a file of the same name in
 * `<templatesDir>/quiz/` (or `quiz/labels/<lang>.json`) replaces the built-in one. Compiled once per
 * process and set of files (their modification times are part of the cache key).
 */
export function loadQuizTemplates(templatesDir: string | null): QuizTemplates {
  const paths = FILES.map((f) => pick(f, templatesDir));
  const key = [templatesDir ?? '', ...paths.map((p) => `${p}@${statSync(p).mtimeMs}`)].join('\0');
  const known = cache.get(key);
  if (known) return known;
  const [page, style, app] = paths.map((p) => readFileSync(p, 'utf8'));
  const labelCache = new Map<string, QuizLabels>();
  const templates: QuizTemplates = {
    page: Handlebars.compile(page, { strict: true }),
    style,
    app,
    fsrs: fsrsScript(),
    labels(language) {
      const lang = /^[a-z]{2,3}$/.test(language) ? language : 'en';
      let labels = labelCache.get(lang);
      if (!labels) {
        labels = { ...readLabels(join(BUILT_IN_DIR, 'labels', 'en.json')) };
        for (const dir of [BUILT_IN_DIR, templatesDir === null ? null : join(templatesDir, 'quiz')]) {
          if (dir === null) continue;
          const file = join(dir, 'labels', `${lang}.json`);
          if (existsSync(file)) Object.assign(labels, readLabels(file));
        }
        labelCache.set(lang, labels);
      }
      return labels;
    },
  };
  cache.set(key, templates);
  return templates;
}

export const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
