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
  /** The chapters as script-safe JSON texts (see scriptSafeJson), spliced into the page as they are. */
  chapters: readonly string[];
}

const CSP_PLACEHOLDER = 'revise-csp-to-be-filled';

/**
 * The self-contained page: template, CSS, ts-fsrs and the page script inlined, data as a JSON
 * element. A Content-Security-Policy allows exactly the page's own inline scripts and style (by
 * hash) and nothing else: no request leaves the page, and no script that reached it by mistake runs.
 */
export function renderQuizPage(input: QuizPageInput, templatesDir: string | null): string {
  const templates = loadQuizTemplates(templatesDir);
  const labels = templates.labels(input.language);
  const head = scriptSafeJson({ format: 'revise-quiz', version: QUIZ_DATA_VERSION, kind: input.kind, scope: `${input.kind}:${input.scope}`, title: input.title, language: input.language });
  const data = `${head.slice(0, -1)},"chapters":[${input.chapters.join(',')}]}`;
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
    data,
    csp: CSP_PLACEHOLDER,
  });
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${sha256Base64(m[1])}'`);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${sha256Base64(m[1])}'`);
  const csp = `default-src 'none'; script-src ${scripts.join(' ') || "'none'"}; style-src ${styles.join(' ') || "'none'"}; img-src data:; base-uri 'none'; form-action 'none'`;
  return html.replace(CSP_PLACEHOLDER, csp);
}
