import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StudyDocument } from '../../src/model/StudyDocument.js';
import { parseNotes } from '../../src/parse/parseNotes.js';
import type { CourseRenderContext, RenderContext } from '../../src/render/Renderer.js';
import type { Diagnostic } from '../../src/model/Diagnostic.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

export function parse(text: string, file = 'notes.md'): StudyDocument {
  return parseNotes(text, { file }).document;
}

export function parseSample(name: string): StudyDocument {
  return parse(readFileSync(join(repoRoot, 'input', name), 'utf8'), name);
}

export interface Collected {
  messages: Partial<Diagnostic>[];
}

export function renderContext(doc: StudyDocument, extra: Partial<RenderContext> = {}): RenderContext & Collected {
  const messages: Partial<Diagnostic>[] = [];
  return {
    sourcePath: doc.file,
    sourceAbsolutePath: null,
    templatesDir: null,
    timestamp: 1_767_225_600,
    options: {},
    report: (m) => void messages.push(m),
    messages,
    ...extra,
  };
}

export function courseContext(extra: Partial<CourseRenderContext> = {}): CourseRenderContext & Collected {
  const messages: Partial<Diagnostic>[] = [];
  return {
    courseName: 'Biology',
    templatesDir: null,
    timestamp: 1_767_225_600,
    options: {},
    report: (m) => void messages.push(m),
    messages,
    ...extra,
  };
}
