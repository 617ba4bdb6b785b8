import { loadQuizTemplates, sha256Base64 } from './loadQuizTemplates.js';

/** Bumped when the page data changes shape: the page's script reads `format` and `version`. */
export const QUIZ_DATA_VERSION = 1;

/** Right-to-left scripts: the page's direction follows the notes' language. */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv']);

/**
 * JSON that can sit inside a <script> element: `<`, `>` and `&` as \u escapes, so no `</script>` or
 * `<!--` from the notes can end or change the element. JSON.parse reads it back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface QuizPageInput {
  kind: 'file' | 'course';
  /** Names the page's progress record in localStorage: the notes file's path, or the course name. */
  scope: string;
  title: string;
  language: string;
}

/** The page around its chapters: `head`, then the chapters' script-safe JSON texts joined by commas, then `tail`. */
export interface QuizPageFrame {
  head: string;
  tail: string;
}

const CSP_PLACEHOLDER = 'revise-csp-to-be-filled';
const DATA_PLACEHOLDER = 'revise-chapters-go-here';

/**
 * The self-contained page: template, CSS, ts-fsrs and the page script inlined, data as a JSON
 * element. A Content-Security-Policy allows exactly the page's own inline scripts and style (by
 * hash) and nothing else: no request leaves the page, and no script that reached it by mistake runs.
 * The template is rendered and hashed without the chapters, which are then spliced in as they are:
 * a course page of many megabytes never goes through handlebars or a regular expression.
 */
export function renderQuizFrame(input: QuizPageInput, templatesDir: string | null): QuizPageFrame {
  const templates = loadQuizTemplates(templatesDir);
  const labels = templates.labels(input.language);
  const head = scriptSafeJson({ format: 'revise-quiz', version: QUIZ_DATA_VERSION, kind: input.kind, scope: `${input.kind}:${input.scope}`, title: input.title, language: input.language });
  const lang = /^[a-z]{2,3}$/.test(input.language) ? input.language : 'und';
  const html = templates.page({
    lang,
    dir: RTL.has(lang) ? 'rtl' : 'ltr',
    title: input.title,
    labels,
    labelsJson: scriptSafeJson(labels),
    style: templates.style,
    fsrs: templates.fsrs,
    app: templates.app,
    data: `${head.slice(0, -1)},"chapters":[${DATA_PLACEHOLDER}]}`,
    csp: CSP_PLACEHOLDER,
  });
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${sha256Base64(m[1])}'`);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${sha256Base64(m[1])}'`);
  const csp = `default-src 'none'; script-src ${scripts.join(' ') || "'none'"}; style-src ${styles.join(' ') || "'none'"}; img-src data:; base-uri 'none'; form-action 'none'`;
  const page = html.replace(CSP_PLACEHOLDER, () => csp);
  const at = page.indexOf(DATA_PLACEHOLDER);
  if (at < 0) throw new Error('the quiz page template must hold {{{data}}} inside <script type="application/json" id="quiz-data">');
  return { head: page.slice(0, at), tail: page.slice(at + DATA_PLACEHOLDER.length) };
}

/** A whole page for chapters given as script-safe JSON texts. */
export function renderQuizPage(input: QuizPageInput, chapters: readonly string[], templatesDir: string | null): string {
  const { head, tail } = renderQuizFrame(input, templatesDir);
  return head + chapters.join(',') + tail;
}
