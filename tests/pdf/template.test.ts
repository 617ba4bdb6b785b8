import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { pdfInfo, pdfToText, skipReason, squash, tempDir } from './pdfTools.js';

const root = resolve(__dirname, '../..');
const quiet = { stdout: () => undefined, stderr: () => undefined };

async function buildSample(name: string, extra: { templates?: string; out?: string } = {}): Promise<string> {
  const out = extra.out ?? tempDir();
  const result = await run({ command: 'build', paths: [join(root, 'input', name)], out, formats: ['pdf'], cwd: root, templates: extra.templates }, quiet);
  expect(result.code).toBe(0);
  return join(out, name.replace(/\.md$/, '.pdf'));
}

describe.skipIf(skipReason)('sheet template and labels', () => {
  it('section labels follow the language of the notes', async () => {
    expect(pdfToText(await buildSample('photosynthese.md'))).toContain('DÉFINITIONS');
    expect(pdfToText(await buildSample('cell-biology.md'))).toContain('DEFINITIONS');
    expect(pdfToText(await buildSample('jingji.md'))).toContain('定义');
  });

  it('sections come in the order of the notes, each with a bookmark that points at its heading', async () => {
    const pdf = await buildSample('photosynthese.md');
    interface Entry { title: string; destpageposfrom1: number; dest: [string, string, null, number, null]; kids: Entry[] }
    const outlines = (JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8' })) as { outlines: Entry[] }).outlines;
    expect(outlines.map((o) => o.title)).toEqual(['Vocabulaire', 'Les deux phases', 'Organisation de la plante', 'Bilan', 'Questions de cours']);
    // A heading that only asks a question gives a pair of its parent section, not an empty bookmark.
    expect(outlines[4].kids.map((k) => k.title)).toEqual([]);
    expect(pdfToText(pdf).replace(/\s+/g, ' ')).toContain("Qu'est-ce que le cycle de Calvin");
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox)![1]);
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }));
    for (const entry of [...outlines, ...outlines[4].kids]) {
      const first = entry.title.split(' ')[0].replace(/'/g, '&apos;');
      const top = height - entry.dest[3];
      const hit = words.find((w) => (w.text === first || w.text === first.replace('&apos;', "'")) && Math.abs(w.y - top) < 12);
      expect(hit, `heading "${entry.title}" near y=${top}`).toBeDefined();
    }
  });

  it('a teacher template from --templates decides what goes on the sheet and in which order', async () => {
    const dir = tempDir();
    cpSync(join(root, 'templates', 'pdf'), join(dir, 'pdf'), { recursive: true });
    // Questions only, as one list, with a sentence of the teacher's own and a renamed label.
    writeFileSync(
      join(dir, 'pdf', 'sheet.hbs'),
      '@paper letter\n@columns 1\n@title Contrôle : {{title}}\nRévisez bien, et dormez !\n@label {{labels.qa}}\n{{#each items}}{{#if (eq kind "qa")}}@item {{id}}\n{{/if}}{{/each}}',
    );
    const fr = JSON.parse(readFileSync(join(dir, 'pdf', 'labels', 'fr.json'), 'utf8'));
    writeFileSync(join(dir, 'pdf', 'labels', 'fr.json'), JSON.stringify({ ...fr, qa: 'Interro' }));
    const pdf = await buildSample('photosynthese.md', { templates: dir });
    expect(pdfInfo(pdf)['Page size']).toMatch(/^612 x 792 pts/);
    const text = squash(pdfToText(pdf));
    expect(text).toContain(squash('Contrôle : La photosynthèse'));
    expect(text).toContain(squash('Révisez bien, et dormez !'));
    expect(text).toContain('INTERRO');
    expect(text).toContain(squash('Où se déroule la phase claire ?'));
    expect(text).not.toContain('Chlorophylle');
    expect(text).not.toContain('Thylakoïdes'.toUpperCase());
    expect(text).not.toContain('DÉFINITIONS');
  });

  it('@hyphenate on cuts long words at line ends with a hyphen; the default sheet does not', async () => {
    const dir = tempDir();
    cpSync(join(root, 'templates', 'pdf'), join(dir, 'pdf'), { recursive: true });
    const template = readFileSync(join(dir, 'pdf', 'sheet.hbs'), 'utf8');
    writeFileSync(join(dir, 'pdf', 'sheet.hbs'), template.replace('\n@paper a4\n', '\n@paper a4\n@hyphenate on\n'));
    const raw = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    const cutWords = (text: string) => text.match(/\p{Ll}-\n\p{Ll}/gu) ?? [];
    const hyphenated = await buildSample('photosynthese.md', { templates: dir });
    expect(cutWords(raw(hyphenated)).length).toBeGreaterThan(0);
    // pdftotext's layout mode joins the halves again, so every word is still found.
    expect(squash(pdfToText(hyphenated, 'layout'))).toContain(squash('prélever de la matière organique dans son milieu'));
    expect(cutWords(raw(await buildSample('photosynthese.md')))).toEqual([]);
  });

  it('a broken teacher template is a clear error naming the template, and other files still build', async () => {
    const dir = tempDir();
    cpSync(join(root, 'templates', 'pdf'), join(dir, 'pdf'), { recursive: true });
    writeFileSync(join(dir, 'pdf', 'sheet.hbs'), '@title {{title}}\n{{#each sections}}@section 1 {{text}}\n');
    let stderr = '';
    const out = tempDir();
    const result = await run(
      { command: 'build', paths: [join(root, 'input', 'photosynthese.md')], out, formats: ['pdf', 'json'], cwd: root, templates: dir },
      { stdout: () => undefined, stderr: (t) => void (stderr += t) },
    );
    expect(result.code).toBe(1);
    expect(stderr).toContain(join(dir, 'pdf', 'sheet.hbs'));
    expect(stderr).toContain('photosynthese.md');
    expect(existsSync(join(out, 'photosynthese.json'))).toBe(true);
    expect(existsSync(join(out, 'photosynthese.pdf'))).toBe(false);
  });

  it('the same notes give byte-identical sheets; another timestamp changes only the dates', async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      const a = readFileSync(await buildSample('jingji.md'));
      const b = readFileSync(await buildSample('jingji.md'));
      expect(Buffer.compare(a, b)).toBe(0);
      process.env.SOURCE_DATE_EPOCH = '1800000000';
      const c = readFileSync(await buildSample('jingji.md'));
      expect(Buffer.compare(a, c)).not.toBe(0);
      expect(pdfToText(await buildSample('jingji.md'))).toContain('2027年1月15日');
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
