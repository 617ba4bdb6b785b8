import type { SourcePosition, StudyDocument } from '../../model/StudyDocument.js';
import type { AnkiNote } from './AnkiNote.js';
import { escapeField } from './escapeField.js';
import type { MediaTable } from '../../model/MediaFile.js';
import { splitDollarMath } from '../math/splitDollarMath.js';
import { attachedHtml, fieldHtml, inlineHtml, type DeckMedia } from './richFieldHtml.js';
import { noteGuid } from './noteGuid.js';

/** A flow longer than this makes one cloze per step a chore rather than a help. */
const MAX_SEQUENCE_STEPS = 20;
const CLOZE_MARK = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

interface Located {
  source: SourcePosition;
  order: number;
  note: Omit<AnkiNote, 'guid' | 'tags' | 'deck'>;
  kind: string;
  key: string;
  section: string[];
}

/**
 * Anki tags cannot hold spaces, quotes or control characters, and `::` separates levels of a tag
 * hierarchy, so a heading may not contain one; the section path itself is joined with `::`.
 */
function toTag(text: string): string {
  return text.trim().replace(/::+/g, ':').replace(/[\s"\p{Cc}]+/gu, '_');
}

function sectionTag(section: readonly string[]): string | null {
  const parts = section.map(toTag).filter(Boolean);
  return parts.length ? parts.join('::') : null;
}

function answersHtml(answers: readonly string[], html: (answer: string, k: number) => string = (a) => escapeField(a)): string {
  if (answers.length === 1) return html(answers[0], 0);
  return `<ul>${answers.map((a, k) => `<li>${html(a, k)}</li>`).join('')}</ul>`;
}

/** Escapes the text around and inside Anki cloze marks while keeping the marks themselves. */
function clozeHtml(cloze: string, escapeField: (s: string) => string): { html: string; ords: number[] } {
  const ords = new Set<number>();
  let html = '';
  let last = 0;
  for (const m of cloze.matchAll(CLOZE_MARK)) {
    const n = Number(m[1]);
    html += escapeField(cloze.slice(last, m.index));
    html += `{{c${n}::${escapeField(m[2])}${m[3] !== undefined ? `::${escapeField(m[3])}` : ''}}}`;
    if (n >= 1) ords.add(n - 1);
    last = m.index + m[0].length;
  }
  html += escapeField(cloze.slice(last));
  return { html, ords: [...ords].sort((a, b) => a - b) };
}

/**
 * The notes of one document, in the order they appear in the notes file. `file` is the path that
 * goes into GUIDs (relative to the build root, or to the course folder in a course deck).
 */
export function collectDeckNotes(doc: StudyDocument, deck: string, file: string = doc.file, media?: MediaTable): AnkiNote[] {
  const found: Located[] = [];
  // Fields are written with their formulas, code and images; `used` gathers the images of each note.
  let used: DeckMedia = new Map();
  const take = () => {
    const names = used;
    used = new Map();
    return names.size ? { media: names } : {};
  };
  const rich = (holder: Parameters<typeof fieldHtml>[0], path: string, plain: string) => fieldHtml(holder, path, plain, media, used);
  const math = (plain: string) => inlineHtml(splitDollarMath(plain), media, used);
  const more = (item: Parameters<typeof attachedHtml>[0]) => attachedHtml(item, media, used);
  const fileName = file.split('/').pop() ?? file;
  const base = (section: string[], source: SourcePosition) => ({
    section: escapeField(section.join(' › ')),
    source: escapeField(`${file}:${source.line}`),
  });
  let order = 0;

  for (const d of doc.definitions) {
    // An empty side would give Anki an empty card.
    if (!d.term.trim() || !d.definition.trim()) continue;
    const b = base(d.section, d.source);
    found.push({
      source: d.source, order: order++, kind: 'definition', key: d.term, section: d.section,
      note: { type: 'definition', fields: [rich(d, 'term', d.term), rich(d, 'definition', d.definition) + more(d), b.section, b.source], cardOrds: [0, 1], ...take() },
    });
  }
  for (const q of doc.qa) {
    if (!q.question.trim() || q.answers.every((a) => !a.trim())) continue;
    const b = base(q.section, q.source);
    const fields = [rich(q, 'question', q.question), answersHtml(q.answers, (a, k) => rich(q, `answers/${k}`, a)) + more(q), b.section, b.source];
    const media = take();
    found.push({
      source: q.source, order: order++, kind: 'qa', key: q.question, section: q.section,
      note: q.reversible ? { type: 'definition', fields, cardOrds: [0, 1], ...media } : { type: 'basic', fields, cardOrds: [0], ...media },
    });
  }
  for (const c of doc.clozes) {
    const { html, ords } = clozeHtml(c.cloze, math);
    if (ords.length === 0) {
      take();
      continue;
    }
    const b = base(c.section, c.source);
    found.push({
      source: c.source, order: order++, kind: 'cloze', key: c.text, section: c.section,
      note: { type: 'cloze', fields: [html, more(c), b.section, b.source], cardOrds: ords, ...take() },
    });
  }
  for (const s of doc.sequences) {
    if (s.steps.length < 2 || s.steps.length > MAX_SEQUENCE_STEPS) continue;
    const flow = s.steps.map((step, i) => `{{c${i + 1}::${math(step)}}}`).join(' → ');
    const b = base(s.section, s.source);
    found.push({
      source: s.source, order: order++, kind: 'sequence', key: s.label ?? s.steps[0], section: s.section,
      note: {
        type: 'cloze',
        fields: [s.label ? `${math(s.label)}: ${flow}` : flow, more(s), b.section, b.source],
        cardOrds: s.steps.map((_, i) => i),
        ...take(),
      },
    });
  }

  found.sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column || a.order - b.order);
  const seen = new Map<string, number>();
  const docTags = doc.tags.map(toTag).filter(Boolean);
  return found.map((f) => {
    const id = noteGuid(file, f.kind, f.key);
    const occurrence = (seen.get(id) ?? 0) + 1;
    seen.set(id, occurrence);
    const tags = [...new Set([sectionTag(f.section), toTag(fileName), ...docTags].filter((t): t is string => Boolean(t)))];
    return { ...f.note, guid: noteGuid(file, f.kind, f.key, occurrence), tags, deck };
  });
}
