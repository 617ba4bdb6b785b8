import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ITEM_COLLECTIONS } from '../src/model/StudyDocument.js';
import { parseNotes } from '../src/parse/parseNotes.js';

const root = join(import.meta.dirname, '..');
const schema = JSON.parse(readFileSync(join(root, 'schema', 'study-document.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

const sampleFiles = readdirSync(join(root, 'input')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'input', f));
const fixtureFiles = readdirSync(join(root, 'tests', 'fixtures')).map((d) => join(root, 'tests', 'fixtures', d, 'input.md')).filter(existsSync);
const corpusDir = join(root, '..', 'shared', 'corpus');
const corpusFiles = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => join(corpusDir, f)) : [];

describe('the study model JSON validates against schema/study-document.schema.json', () => {
  for (const file of [...sampleFiles, ...fixtureFiles, ...corpusFiles]) {
    it(file.slice(root.length - 4), () => {
      const { document } = parseNotes(readFileSync(file, 'utf8'), { file: 'x.md' });
      const ok = validate(JSON.parse(JSON.stringify(document)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }
});

describe('the samples in input/ show every structure', () => {
  for (const file of sampleFiles) {
    it(file.split('/').pop()!, () => {
      const { document } = parseNotes(readFileSync(file, 'utf8'), { file: 'x.md' });
      // Authored multiple-choice questions and leftover prose are not in every sample yet.
      for (const key of ITEM_COLLECTIONS.filter((k) => k !== 'choices' && k !== 'paragraphs')) expect(document[key].length, key).toBeGreaterThan(0);
      expect(document.qa.some((q) => q.answers.length > 1)).toBe(true);
      expect(document.outlines.some((o) => o.children.some((c) => c.children.length > 0))).toBe(true);
    });
  }
  it('one sample per language', () => {
    const languages = sampleFiles.map((f) => parseNotes(readFileSync(f, 'utf8'), { file: 'x.md' }).document.language).sort();
    expect(languages).toEqual(['en', 'fr', 'zh']);
  });
});
