import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectDeckNotes } from '../../src/render/anki/collectDeckNotes.js';
import { bankOf } from '../../src/render/mcq/mcqRenderer.js';
import { collectQuizCards } from '../../src/render/quiz/collectQuizCards.js';
import type { QuizChapter } from '../../src/render/quiz/QuizChapter.js';
import { quizRenderer } from '../../src/render/quiz/quizRenderer.js';
import type { RenderContext } from '../../src/render/Renderer.js';
import { run } from '../../src/run.js';
import { repoRoot } from '../mcq/testPaths.js';
import { HOSTILE, hostileDocument } from './hostileDocument.js';

const temp = mkdtempSync(join(tmpdir(), 'revise-quiz-page-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function context(reports: { message: string; ruleId?: string }[] = [], counts: Record<string, number> = {}): RenderContext {
  return { sourcePath: 'hostile.md', sourceAbsolutePath: null, templatesDir: null, timestamp: 0, options: {}, report: (m) => reports.push(m), count: (k, n) => (counts[k] = n) };
}

const dataOf = (html: string) => JSON.parse(/<script type="application\/json" id="quiz-data">([^<]*)<\/script>/.exec(html)![1]) as { kind: string; scope: string; chapters: QuizChapter[] };

describe('the quiz page', () => {
  it('holds one card per Anki card and every bank question, text exactly as in the model', async () => {
    const doc = hostileDocument();
    const counts: Record<string, number> = {};
    const html = (await quizRenderer.render(doc, context([], counts))) as string;
    const [chapter] = dataOf(html).chapters;
    const notes = collectDeckNotes(doc, '', doc.file);
    expect(chapter.cards.map((c) => c.id)).toEqual(notes.flatMap((n) => n.cardOrds.map((o) => `${n.guid}/${o}`)));
    expect(chapter.questions.map((q) => q.id)).toEqual(bankOf(doc, null).bank.questions.map((q) => q.id));
    expect(counts).toEqual({ cards: chapter.cards.length, questions: chapter.questions.length });
    const definition = chapter.cards.find((c) => c.front[0] === HOSTILE.script)!;
    expect(definition.back).toEqual([`a tag shown as text ${HOSTILE.specials}`]);
    expect(definition.theme).toEqual(doc.definitions[0].section);
    expect(chapter.cards.find((c) => c.front[0] === 'Two lines')!.back).toEqual([HOSTILE.newline]);
    expect(chapter.cards.find((c) => c.front[0] === 'Which characters break a TSV?')!.back).toEqual([`• ${HOSTILE.tab}\n• and line ends`]);
    const cloze = collectQuizCards(doc).filter((c) => c.front.some((s) => typeof s === 'object'));
    expect(cloze[0].front).toEqual(['The capital is ', { b: '[<b>city</b>]' }, ' and not Berlin']);
    expect(cloze[0].back).toEqual(['The capital is ', { m: 'Paris' }, ' and not Berlin']);
  });

  it('inlines everything, allows only its own scripts and style by hash, and no note can close a script element', async () => {
    const html = (await quizRenderer.render(hostileDocument(), context())) as string;
    // No element loads anything (the notes' own `<img src=…>` is escaped data, not an element).
    const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
    expect(markup).toMatch(/<main id="main"/);
    expect(markup).not.toMatch(/<[a-z][^>]*\s(src|href)=(?!["']?#)/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(csp).toMatch(/^default-src 'none'; script-src /);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(2);
    for (const s of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(s).digest('base64')}'`);
    expect(html.match(/<script/g)).toHaveLength(4);
    expect(html.match(/<\/script>/g)).toHaveLength(4);
    expect(html).not.toContain(HOSTILE.script);
    expect(html).toMatch(/<title>Hostile &lt;script&gt;window\.__pwned(=|&#x3D;)1&lt;\/script&gt; notes<\/title>/);
    expect(html).not.toContain('sourceMappingURL');
    expect(dataOf(html).chapters[0].cards.some((c) => c.front[0] === HOSTILE.script)).toBe(true);
  });

  it('gives a warning and no page for notes with nothing to practise', async () => {
    const reports: { message: string; ruleId?: string }[] = [];
    const doc = hostileDocument();
    for (const k of ['definitions', 'qa', 'clozes', 'sequences'] as const) doc[k] = [];
    expect(await quizRenderer.render(doc, context(reports))).toBeNull();
    expect(reports.map((r) => r.ruleId)).toEqual(['quiz-empty']);
  });

  it('a folder build writes a course page of every chapter, linked from index.html with the counts per file', async () => {
    const out = join(temp, 'course');
    const result = await run({ command: 'build', paths: [join(repoRoot, 'input')], out, formats: ['quiz'], quiet: true, json: true }, { stdout: () => {}, stderr: () => {} });
    expect(result.code).toBe(0);
    const course = dataOf(readFileSync(join(out, 'input.quiz.html'), 'utf8'));
    expect(course.kind).toBe('course');
    expect(course.scope).toBe('course:input');
    for (const name of ['cell-biology', 'jingji', 'photosynthese']) {
      const own = dataOf(readFileSync(join(out, `${name}.quiz.html`), 'utf8')).chapters[0];
      expect(course.chapters.find((c) => c.file === `${name}.md`)).toEqual(own);
    }
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="input.quiz.html">input.quiz.html</a>');
    const own = dataOf(readFileSync(join(out, 'jingji.quiz.html'), 'utf8')).chapters[0];
    const jingji = result.build!.files.find((f) => f.file.endsWith('jingji.md'))!;
    const coverage = Math.round((100 * jingji.counts!.covered) / jingji.counts!.words);
    expect(coverage).toBeGreaterThan(90);
    expect(index).toContain(`<td>经济学基础复习</td><td>zh</td><td>${jingji.items}</td><td>${coverage} %</td><td>${own.cards.length}</td><td>${own.questions.length}</td>`);
    // Unchanged files keep their counts from the cache.
    const again = await run({ command: 'build', paths: [join(repoRoot, 'input')], out, formats: ['quiz'], quiet: true }, { stdout: () => {}, stderr: () => {} });
    expect(again.build!.files.every((f) => f.status === 'skipped')).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(index);
  });
});
