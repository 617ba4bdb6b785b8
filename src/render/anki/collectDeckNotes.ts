import type { SourcePosition, StudyDocument } from '../../model/StudyDocument.js';
import { isSymbolAnswer } from '../quality/isSymbolAnswer.js';
import { keyVariantMatcher } from '../quality/keyVariantMatcher.js';
import type { QualityLog } from '../quality/QualityLog.js';
import { loadQuestionRules } from '../quality/QuestionRules.js';
import { splitRunningText } from '../quality/splitRunningText.js';
import { startsWithPronoun } from '../quality/startsWithPronoun.js';
import { measureLength } from '../quality/measureLength.js';
import { readTable } from '../quality/readTable.js';
import type { AnkiNote, NoteTypeKey } from './AnkiNote.js';
import { escapeField } from './escapeField.js';
import { fillWords, loadDeckWords, type DeckWords } from './loadDeckWords.js';
import type { MediaTable } from '../../model/MediaFile.js';
import { splitDollarMath } from '../math/splitDollarMath.js';
import { attachedHtml, fieldHtml, inlineHtml, type DeckMedia } from './richFieldHtml.js';
import { noteGuid } from './noteGuid.js';

/** A flow longer than this makes one cloze per step a chore rather than a help. */
const MAX_SEQUENCE_STEPS = 20;
/** An outline node with more children than this is not one card to recall ("name the 40 …"). */
const MAX_LIST_ITEMS = 15;
/** Attributes per table card: past this, a row gives several cards. */
const MAX_ATTRIBUTES_PER_CARD = 8;
const CLOZE_MARK = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export interface DeckNotesOptions {
  /** Where `--templates` words and rules overrides live. */
  templatesDir?: string | null;
  /** Receives every candidate note the gate turned away. */
  log?: QualityLog;
  /** The notes' images (RenderContext.media): shown on cards and put in the deck's media. */
  media?: MediaTable;
}

/** A note before its GUID, tags and deck, with what the gate and the merge of same fronts need. */
interface Candidate {
  source: SourcePosition;
  order: number;
  /** Kind and key make the GUID: never change them for an existing kind of note. */
  kind: string;
  key: string;
  section: string[];
  type: NoteTypeKey;
  cardOrds: number[];
  /** The prompt field, already HTML. */
  front: string;
  /** The answer as plain lines; notes with the same front and kind pool their lines. */
  lines: string[];
  /** Builds the answer field from `lines`. */
  back(lines: readonly string[]): string;
  /** Notes of this kind may pool their answer lines when their fronts are the same. */
  mergeable: boolean;
  /** The answer field when the item's fields hold formulas, code or images (built from them, not from `lines`). */
  richBack?: string;
  /** Code blocks, images and displayed formulas under the item: after the answer (a cloze's Extra field). */
  extra?: string;
  /** Images the note shows. */
  media?: DeckMedia;
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

/** Answer lines as HTML: one short line as text, anything longer as a list of at most ~300 characters an item. */
function linesHtml(lines: readonly string[], ordered = false): string {
  const pieces = lines.flatMap((l) => splitRunningText(l));
  if (pieces.length === 1) return escapeField(pieces[0]);
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${pieces.map((p) => `<li>${escapeField(p)}</li>`).join('')}</${tag}>`;
}

/** Escapes the text around and inside Anki cloze marks while keeping the marks themselves. */
function clozeHtml(cloze: string, escapeField: (text: string) => string): { html: string; ords: number[] } {
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

/** How a front compares with another: folded, tags, cloze marks and punctuation out (as a reader sees it). */
function frontKey(html: string): string {
  return html
    .replace(/\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?\w+;/g, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

const plainLength = (lines: readonly string[]) => lines.reduce((n, l) => n + l.length, 0);
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');

/**
 * The notes of one document, in the order they appear in the notes file. `file` is the path that
 * goes into GUIDs (relative to the build root, or to the course folder in a course deck). Every
 * candidate goes through the note gate (NOTE_GATE_RULES): legends and empty sides are turned away,
 * notes with the same front are merged into the richer one, a definition never shows its term on
 * the definition side, and long answers become lists.
 */
export function collectDeckNotes(doc: StudyDocument, deck: string, file: string = doc.file, options: DeckNotesOptions = {}): AnkiNote[] {
  const templatesDir = options.templatesDir ?? null;
  const words = loadDeckWords(doc.language, templatesDir);
  const rules = loadQuestionRules(doc.language, templatesDir);
  const log = options.log;
  const found: Candidate[] = [];
  const fileName = file.split('/').pop() ?? file;
  let order = 0;
  // Formulas, code and images are written as Anki reads them (richFieldHtml); `used` gathers each note's images.
  let used: DeckMedia = new Map();
  const add = (c: Omit<Candidate, 'order'>) => {
    found.push(used.size ? { ...c, order: order++, media: used } : { ...c, order: order++ });
    used = new Map();
  };
  const rich = (holder: Parameters<typeof fieldHtml>[0], path: string, plain: string) => fieldHtml(holder, path, plain, options.media, used);
  const math = (plain: string) => inlineHtml(splitDollarMath(plain), options.media, used);
  const more = (item: Parameters<typeof attachedHtml>[0]) => attachedHtml(item, options.media, used) || undefined;
  const hasRich = (holder: { rich?: Record<string, unknown> }, prefix: string) => Object.keys(holder.rich ?? {}).some((k) => k === prefix || k.startsWith(`${prefix}/`));

  for (const d of doc.definitions) {
    const term = d.term.trim();
    const definition = d.definition.trim();
    // An empty side would give Anki an empty card.
    if (!term || !definition) {
      log?.reject('empty-side', d.source.line, term || definition);
      continue;
    }
    if (isSymbolAnswer(term)) {
      used = new Map();
      log?.reject('symbol-term', d.source.line, `${term}: ${definition}`);
      continue;
    }
    const sentence = measureLength(term) > rules.limits.term;
    const matcher = keyVariantMatcher(term, rules);
    add({
      source: d.source, kind: 'definition', key: d.term, section: d.section,
      // A term that is a whole sentence is not recalled from its definition: one card, no reverse.
      type: sentence ? 'basic' : 'definition',
      cardOrds: sentence ? [0] : [0, 1],
      front: d.rich?.term ? rich(d, 'term', term) : escapeField(term),
      lines: [definition],
      back: (lines) => maskedHtml(lines, (text) => matcher.find(text), words),
      mergeable: true,
      ...(d.rich?.definition ? { richBack: rich(d, 'definition', definition) } : {}),
      extra: more(d),
    });
  }
  for (const q of doc.qa) {
    const answers = q.answers.map((a) => a.trim()).filter(Boolean);
    if (!q.question.trim() || answers.length === 0) {
      log?.reject('empty-side', q.source.line, q.question);
      continue;
    }
    add({
      source: q.source, kind: 'qa', key: q.question, section: q.section,
      type: q.reversible ? 'definition' : 'basic',
      cardOrds: q.reversible ? [0, 1] : [0],
      front: q.rich?.question ? rich(q, 'question', q.question) : escapeField(q.question.trim()),
      lines: answers,
      back: (lines) => linesHtml(lines),
      mergeable: true,
      // Answers holding formulas, code or images are written from their typed content, one item each.
      ...(hasRich(q, 'answers') ? { richBack: q.answers.length === 1 ? rich(q, 'answers/0', q.answers[0]) : `<ul>${q.answers.map((a, k) => `<li>${rich(q, `answers/${k}`, a)}</li>`).join('')}</ul>` } : {}),
      extra: more(q),
    });
  }
  for (const c of doc.clozes) {
    const { html, ords } = clozeHtml(c.cloze, math);
    if (ords.length === 0) {
      used = new Map();
      log?.reject('empty-side', c.source.line, c.text);
      continue;
    }
    add({ source: c.source, kind: 'cloze', key: c.text, section: c.section, type: 'cloze', cardOrds: ords, front: html, lines: [], back: () => '', mergeable: false, extra: more(c) });
  }
  for (const s of doc.sequences) {
    const steps = s.steps.map((x) => x.trim()).filter(Boolean);
    if (steps.length < 2) continue;
    if (steps.length > MAX_SEQUENCE_STEPS) {
      log?.reject('long-flow', s.source.line, steps.join(' → '));
      continue;
    }
    const flow = steps.map((step, i) => `{{c${i + 1}::${math(step)}}}`).join(' → ');
    add({
      source: s.source, kind: 'sequence', key: s.label ?? s.steps[0], section: s.section,
      type: 'cloze', cardOrds: steps.map((_, i) => i),
      front: s.label ? `${math(s.label)}: ${flow}` : flow,
      lines: [], back: () => '', mergeable: false, extra: more(s),
    });
  }
  for (const t of doc.tables) {
    const reading = readTable(t, rules);
    const comments = new Set(rules.commentHeaders.map(fold));
    reading.things.forEach((thing, i) => {
      if (!thing || isSymbolAnswer(thing)) return;
      const values = reading.attributes.map((a, j) => ({ attribute: a, value: reading.value(i, j) })).filter((v) => v.value);
      if (values.length === 0) {
        log?.reject('empty-side', reading.line(i, 0), thing);
        return;
      }
      // A very wide table gives several cards per row, a few attributes each: one card cannot hold 50.
      for (let from = 0; from < values.length; from += MAX_ATTRIBUTES_PER_CARD) {
        const chunk = values.slice(from, from + MAX_ATTRIBUTES_PER_CARD);
        const asked = chunk.map((v) => v.attribute).filter((a) => a && !comments.has(fold(a)));
        const prompt = asked.length > 0 ? asked : chunk.map((v) => v.attribute).filter(Boolean);
        add({
          source: { line: reading.transposed ? t.source.line : reading.line(i, 0), column: 1 },
          kind: 'table-row', key: `${thing}\u0000${prompt.join('\u0000')}`, section: t.section,
          type: 'basic', cardOrds: [0],
          front: escapeField(fillWords(words.tablePrompt, { row: thing, columns: prompt.join(words.listJoin) })),
          lines: chunk.map((v) => `${v.attribute}\u0000${v.value}`),
          back: (lines) => attributesHtml(lines),
          mergeable: false,
        });
      }
    });
  }
  for (const o of doc.outlines) {
    const stack = [o as { label: string; children: typeof o.children; source: SourcePosition }];
    while (stack.length) {
      const node = stack.pop()!;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
      const items = node.children.map((c) => c.label.trim()).filter(Boolean);
      if (items.length < 2 || !node.label.trim()) continue;
      if (items.length > MAX_LIST_ITEMS) {
        log?.reject('long-list', node.source.line, node.label);
        continue;
      }
      add({
        source: node.source, kind: 'outline', key: `${o.label}\u0000${node.label}`, section: o.section,
        type: 'basic', cardOrds: [0],
        front: escapeField(fillWords(words.outlinePrompt, { label: node.label.trim(), count: items.length })),
        // The answer keeps the notes' order.
        lines: items,
        back: (lines) => `<ol>${lines.map((l) => `<li>${escapeField(l)}</li>`).join('')}</ol>`,
        mergeable: false,
      });
    }
  }
  for (const k of doc.keyPoints) {
    const figures = [...new Set((k.figures ?? []).map((f) => f.trim()).filter(Boolean))];
    const html = figureClozeHtml(k.text.trim(), figures, math);
    if (!html) {
      used = new Map();
      continue;
    }
    // "It was proposed in {{c1::1970}}" needs its own section heading to say what "it" is.
    const context = startsWithPronoun(k.text, rules) && k.section.length > 0 ? `${escapeField(k.section[k.section.length - 1].trim())}${doc.language === 'zh' ? '：' : ' — '}` : '';
    add({ source: k.source, kind: 'key-fact', key: k.text, section: k.section, type: 'cloze', cardOrds: html.ords, front: context + html.html, lines: [], back: () => '', mergeable: false, extra: more(k) });
  }
  for (const c of doc.choices ?? []) {
    const options = c.options.filter((o) => o.text.trim());
    const keys = options.filter((o) => o.correct);
    if (!c.stem.trim() || options.length < 2 || keys.length === 0) {
      log?.reject('empty-side', c.source.line, c.stem);
      continue;
    }
    const letter = (i: number) => String.fromCharCode(65 + (i % 26));
    const front = `${math(c.stem.trim())}<ol type=A class=revise-options>${options.map((o) => `<li>${math(o.text.trim())}</li>`).join('')}</ol>`;
    const keyLines = options.flatMap((o, i) => (o.correct ? [`${letter(i)}. ${o.text.trim()}`] : []));
    add({
      source: c.source, kind: 'choice', key: c.stem, section: c.section, type: 'basic', cardOrds: [0], front,
      lines: c.explanation?.trim() ? [...keyLines, c.explanation.trim()] : keyLines,
      back: (lines) => choiceBackHtml(lines.slice(0, keyLines.length), lines.slice(keyLines.length)),
      mergeable: false,
      extra: more(c),
    });
  }

  found.sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column || a.order - b.order);
  const kept = mergeSameFronts(found, log);
  const seen = new Map<string, number>();
  const docTags = doc.tags.map(toTag).filter(Boolean);
  return kept.map((f) => {
    const id = noteGuid(file, f.kind, f.key);
    const occurrence = (seen.get(id) ?? 0) + 1;
    seen.set(id, occurrence);
    const tags = [...new Set([sectionTag(f.section), toTag(fileName), ...docTags].filter((t): t is string => Boolean(t)))];
    const section = escapeField(f.section.join(' › '));
    const source = escapeField(`${file}:${f.source.line}`);
    const fields = f.type === 'cloze' ? [f.front, f.extra ?? '', section, source] : [f.front, (f.richBack ?? f.back(f.lines)) + (f.extra ?? ''), section, source];
    const note: AnkiNote = { guid: noteGuid(file, f.kind, f.key, occurrence), type: f.type, fields, tags, deck, cardOrds: f.cardOrds };
    if (f.media?.size) note.media = f.media;
    return note;
  });
}

/**
 * One note per front: later notes whose front reads the same are folded into the first one. Two
 * definitions (or two answers) of one thing pool their lines, the richer first and the other's
 * only where it adds something; otherwise the richer note is kept whole.
 */
function mergeSameFronts(found: Candidate[], log: QualityLog | undefined): Candidate[] {
  const byFront = new Map<string, Candidate>();
  const kept: Candidate[] = [];
  for (const c of found) {
    const key = frontKey(c.front);
    const held = key ? byFront.get(key) : undefined;
    if (!held) {
      if (key) byFront.set(key, c);
      kept.push(c);
      continue;
    }
    log?.reject('same-front', c.source.line, c.front.replace(/<[^>]*>/g, ' '));
    if (held.mergeable && c.mergeable && held.kind === c.kind && held.type === c.type) {
      const [rich, poor] = plainLength(c.lines) > plainLength(held.lines) ? [c.lines, held.lines] : [held.lines, c.lines];
      const richText = fold(rich.join(' '));
      held.lines = [...rich, ...poor.filter((l) => !richText.includes(fold(l)))];
      // Typed answers and the blocks under either note stay with the note kept.
      if (c.richBack && !held.richBack) held.richBack = c.richBack;
      if (c.extra) held.extra = (held.extra ?? '') + c.extra;
      if (c.media) held.media = new Map([...(held.media ?? []), ...c.media]);
    } else if (plainLength(c.lines) > plainLength(held.lines) || (c.type === 'cloze' && held.type === 'cloze' && c.cardOrds.length > held.cardOrds.length)) {
      // The richer note takes the first one's place (and identity), so the deck keeps one note.
      Object.assign(held, { ...c, source: held.source, order: held.order, kind: held.kind, key: held.key });
    }
  }
  return kept;
}

/** A definition as HTML with its term (and variants) blanked, so the definition side never shows it. */
function maskedHtml(lines: readonly string[], find: (text: string) => [number, number][], words: DeckWords): string {
  const blank = `<span class=revise-blank>${escapeField(words.blank)}</span>`;
  const pieces = lines.flatMap((l) => splitRunningText(l));
  const mask = (text: string) => {
    let out = '';
    let last = 0;
    for (const [start, end] of find(text)) {
      out += escapeField(text.slice(last, start)) + blank;
      last = end;
    }
    return out + escapeField(text.slice(last));
  };
  if (pieces.length === 1) return mask(pieces[0]);
  return `<ul>${pieces.map((p) => `<li>${mask(p)}</li>`).join('')}</ul>`;
}

/** "attribute\0value" lines as a list of bold attribute names and their values. */
function attributesHtml(lines: readonly string[]): string {
  const items = lines.map((l) => {
    const [attribute, value] = l.split('\u0000');
    return `<li><b>${escapeField(attribute)}</b>: ${splitRunningText(value).map(escapeField).join('<br>')}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

/** The keys of an authored question, then its explanation. */
function choiceBackHtml(keys: readonly string[], explanation: readonly string[]): string {
  const list = `<ul class=revise-keys>${keys.map((k) => `<li><b>${escapeField(k)}</b></li>`).join('')}</ul>`;
  return explanation.length ? `${list}<div class=revise-extra>${linesHtml(explanation)}</div>` : list;
}

/** A key fact with each of its figures hidden as its own cloze; null when no figure is found in the text. */
function figureClozeHtml(text: string, figures: readonly string[], escapeField: (text: string) => string): { html: string; ords: number[] } | null {
  const spots: { at: number; figure: string }[] = [];
  for (const figure of figures) {
    const at = text.indexOf(figure);
    if (at !== -1 && !spots.some((s) => at < s.at + s.figure.length && s.at < at + figure.length)) spots.push({ at, figure });
  }
  if (spots.length === 0) return null;
  spots.sort((a, b) => a.at - b.at);
  let html = '';
  let last = 0;
  spots.forEach((s, i) => {
    html += `${escapeField(text.slice(last, s.at))}{{c${i + 1}::${escapeField(s.figure)}}}`;
    last = s.at + s.figure.length;
  });
  return { html: html + escapeField(text.slice(last)), ords: spots.map((_, i) => i) };
}
