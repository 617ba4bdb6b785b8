import type { Diagnostic } from '../model/Diagnostic.js';
import type { DroppedLine, SourcePosition, StudyDocument } from '../model/StudyDocument.js';
import { parseNotes, type ParseOptions, type ParseResult } from './parseNotes.js';
import type { LineOrigin, ReaderDroppedLine } from './readers/Reader.js';
import { chooseReader } from './readers/readers.js';
import { controlCharactersWarning } from './readers/decodeText.js';
import { replaceControlCharacters } from './decodeNotes.js';

export interface ReadNotesOptions extends ParseOptions {
  /** The file as messages name it (the model records `file`). */
  display?: string;
}

/**
 * The one way from a file's bytes to the study model, for `build`, `inspect` and the library: the
 * readers table picks the reader, the reader gives lines, the rules give items.
 */
export async function readNotes(bytes: Uint8Array, options: ReadNotesOptions): Promise<ParseResult> {
  const display = options.display ?? options.file;
  const reader = chooseReader(display, bytes);
  const read = await reader.read({ bytes, file: display });
  // Whatever the format, no control character reaches the rules or any output (text readers already did this).
  const clean = replaceControlCharacters(read.text);
  const result = parseNotes(clean.text, options);
  const readerMessages = [...(read.messages ?? []), ...(clean.replaced ? [controlCharactersWarning(clean.replaced)] : [])];
  const messages: Diagnostic[] = [...readerMessages.map((m) => ({ ...m, file: options.file })), ...result.messages];
  if (read.origins) remapSources(result.document, messages, read.origins);
  if (read.dropped?.length) result.document.dropped = mergeDropped(result.document.dropped, read.dropped);
  return { document: result.document, messages };
}

/** Rewrites every position from a line of the reader's text to where that line came from. */
function remapSources(document: StudyDocument, messages: Diagnostic[], origins: readonly LineOrigin[]): void {
  const place = (line: number): LineOrigin | undefined => origins[line - 1];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      if (key === 'source' && v && typeof v === 'object') {
        const source = v as SourcePosition;
        const origin = place(source.line);
        if (!origin) continue;
        source.line = origin.line;
        if (origin.page !== undefined) source.page = origin.page;
        if (origin.slide !== undefined) source.slide = origin.slide;
      } else if (key === 'endLine' && typeof v === 'number') {
        (value as { endLine: number }).endLine = place(v)?.line ?? v;
      } else if (key !== 'frontMatter') visit(v);
    }
  };
  visit(document);
  for (const d of document.dropped) {
    const origin = place(d.line);
    if (!origin) continue;
    d.line = origin.line;
    if (origin.page !== undefined) d.page = origin.page;
    if (origin.slide !== undefined) d.slide = origin.slide;
  }
  for (const m of messages) if (m.line !== undefined) m.line = place(m.line)?.line ?? m.line;
  if (document.coverage) document.coverage.unused = remapRanges(document.coverage.unused, place);
}

type Range = NonNullable<StudyDocument['coverage']>['unused'][number];

/** Unused line ranges of the reader's text as ranges of the file, one per page or slide they cross. */
function remapRanges(ranges: readonly Range[], place: (line: number) => LineOrigin | undefined): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    for (let line = r.from; line <= r.to; line++) {
      const o = place(line) ?? { line };
      const last = out[out.length - 1];
      if (last && last.page === o.page && last.slide === o.slide && last.to === o.line - 1) last.to = o.line;
      else out.push({ from: o.line, to: o.line, ...(o.page !== undefined ? { page: o.page } : {}), ...(o.slide !== undefined ? { slide: o.slide } : {}) });
    }
  }
  return out;
}

/** The reader's dropped lines and the rules' in document order (page or slide, then line). */
function mergeDropped(rules: readonly DroppedLine[], reader: readonly ReaderDroppedLine[]): DroppedLine[] {
  const all: DroppedLine[] = [...rules, ...reader.map(({ line, page, slide, text, reason }) => ({ line, ...(page ? { page } : {}), ...(slide ? { slide } : {}), text, reason }))];
  const key = (d: DroppedLine) => (d.page ?? d.slide ?? 0) * 1e7 + d.line;
  return all.map((d, i) => ({ d, i })).sort((a, b) => key(a.d) - key(b.d) || a.i - b.i).map((x) => x.d);
}
