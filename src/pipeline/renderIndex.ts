import { posix } from 'node:path';

export interface IndexEntry {
  /** Notes file, relative to its build root. */
  source: string;
  title: string;
  language: string;
  items: number;
  /** Share of the notes' words that reached an item (0–1), when known. */
  coverage?: number;
  /** Flashcards and questions the file gives (counted by the quiz renderer), when it was built. */
  cards?: number;
  questions?: number;
  /** Outputs relative to the output folder, forward slashes. */
  outputs: string[];
  /** What the quality gates left out and why ("mcq 12 questions (one-per-group 9, …)"), empty when nothing. */
  dropped?: string;
}

export interface IndexCourse {
  name: string;
  outputs: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Links are relative to the index, percent-encoded per segment so spaces and Chinese names work. */
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
/** A count not known (the quiz format was not built) shows as a dash. */
const count = (n: number | undefined) => (n === undefined ? '–' : String(n));
const percent = (n: number | undefined) => (n === undefined ? '–' : `${Math.round(100 * n)} %`);

/** A page linking every output of a build; no dates in it, so an unchanged course gives the same bytes. */
export function renderIndex(format: 'html' | 'md', courses: readonly IndexCourse[], entries: readonly IndexEntry[]): string {
  return format === 'md' ? renderMarkdown(courses, entries) : renderHtml(courses, entries);
}

function renderHtml(courses: readonly IndexCourse[], entries: readonly IndexEntry[]): string {
  const link = (o: string) => `<a href="${escapeHtml(href(o))}">${escapeHtml(posix.basename(o))}</a>`;
  const lines = [
    '<!DOCTYPE html>',
    '<html>',
    '<head><meta charset="utf-8"><title>Study materials</title>',
    '<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}td,th{padding:.3rem .6rem;text-align:left;vertical-align:top}tr:nth-child(even){background:#f4f4f4}</style>',
    '</head>',
    '<body>',
    '<h1>Study materials</h1>',
  ];
  if (courses.length > 0) {
    lines.push('<h2>Courses</h2>', '<ul>');
    for (const c of courses) lines.push(`<li>${escapeHtml(c.name)}: ${c.outputs.map(link).join(', ')}</li>`);
    lines.push('</ul>');
  }
  lines.push('<h2>Notes</h2>', '<table>', '<tr><th>Notes file</th><th>Title</th><th>Language</th><th>Items</th><th>Coverage</th><th>Cards</th><th>Questions</th><th>Outputs</th><th>Left out by the quality gate</th></tr>');
  for (const e of entries) {
    lines.push(
      `<tr><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.title)}</td><td>${escapeHtml(e.language)}</td><td>${e.items}</td><td>${percent(e.coverage)}</td><td>${count(e.cards)}</td><td>${count(e.questions)}</td><td>${e.outputs.map(link).join('<br>')}</td><td>${escapeHtml(e.dropped ?? '')}</td></tr>`,
    );
  }
  lines.push('</table>', '</body>', '</html>', '');
  return lines.join('\n');
}

function renderMarkdown(courses: readonly IndexCourse[], entries: readonly IndexEntry[]): string {
  const link = (o: string) => `[${escapeMd(posix.basename(o))}](<${href(o)}>)`;
  const lines = ['# Study materials', ''];
  if (courses.length > 0) {
    lines.push('## Courses', '');
    for (const c of courses) lines.push(`- ${escapeMd(c.name)}: ${c.outputs.map(link).join(', ')}`);
    lines.push('');
  }
  lines.push('## Notes', '', '| Notes file | Title | Language | Items | Coverage | Cards | Questions | Outputs | Left out by the quality gate |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const e of entries) lines.push(`| ${escapeMd(e.source)} | ${escapeMd(e.title)} | ${e.language} | ${e.items} | ${percent(e.coverage)} | ${count(e.cards)} | ${count(e.questions)} | ${e.outputs.map(link).join(' ')} | ${escapeMd(e.dropped ?? '')} |`);
  lines.push('');
  return lines.join('\n');
}
