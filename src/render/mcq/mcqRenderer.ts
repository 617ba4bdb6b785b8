import type { Renderer } from '../Renderer.js';
import { buildMcqBank } from './buildMcqBank.js';
import type { McqBank } from './McqBank.js';

/** Stable key order and a final newline, so two builds of the same notes are byte-identical. */
function serialise(bank: McqBank): string {
  return `${JSON.stringify(bank, null, 2)}\n`;
}

/**
 * A course bank holds every question of every file (about 250 KB of indented JSON per 10 KB of
 * notes), so it is written one question per line: still valid JSON, still line-diffable in CI,
 * and about 40 % smaller and faster to write than the indented form.
 */
function serialiseCourse(bank: McqBank): string {
  const { questions, ...head } = bank;
  const opening = JSON.stringify({ ...head, questions: [] }).slice(0, -3);
  return `${opening}[\n${questions.map((q) => JSON.stringify(q)).join(',\n')}\n]}\n`;
}

/** Multiple-choice and true/false question bank, generated offline from the study model. */
export const mcqRenderer: Renderer = {
  name: 'mcq',
  extension: '.mcq.json',
  binary: false,
  description: 'multiple-choice and true/false question bank (JSON, schema/mcq.schema.json)',
  render(document, context) {
    const { bank, warnings } = buildMcqBank([document], { templatesDir: context.templatesDir });
    for (const w of warnings) context.report({ message: w.message, ruleId: 'mcq-empty' });
    return serialise(bank);
  },
  renderCourse(documents, context) {
    const { bank, warnings } = buildMcqBank(documents, { templatesDir: context.templatesDir, title: context.courseName });
    for (const w of warnings) context.report({ file: w.file, message: w.message, ruleId: 'mcq-empty' });
    return serialiseCourse(bank);
  },
};
