import { describe, expect, it } from 'vitest';
import { ankiRenderer } from '../../src/render/anki/ankiRenderer.js';
import { readApkg } from './readApkg.js';
import { courseContext, parse, parseSample, renderContext } from './renderHelpers.js';

describe('course deck (renderCourse)', () => {
  it('puts each notes file in a Course::Chapter sub-deck with the same GUIDs as its own deck', async () => {
    const docs = ['cell-biology.md', 'jingji.md', 'photosynthese.md'].map(parseSample);
    const ctx = courseContext();
    const bytes = (await ankiRenderer.renderCourse!(docs, ctx)) as Uint8Array;
    const course = await readApkg(bytes);
    const deckNames = Object.values(course.decks).map((d) => d.name).sort();
    expect(deckNames).toEqual(['Biology', ...docs.map((d) => `Biology::${d.title}`), 'Default'].sort());

    let total = 0;
    for (const doc of docs) {
      const own = await readApkg((await ankiRenderer.render(doc, renderContext(doc))) as Uint8Array);
      const deckId = Object.values(course.decks).find((d) => d.name === `Biology::${doc.title}`)!.id;
      const inDeck = new Set(course.cards.filter((c) => c.did === deckId).map((c) => c.nid));
      const guids = course.notes.filter((n) => inDeck.has(n.id)).map((n) => n.guid).sort();
      expect(guids).toEqual(own.notes.map((n) => n.guid).sort());
      total += own.cards.length;
    }
    expect(course.cards).toHaveLength(total);
    expect(new Set(course.notes.map((n) => n.guid)).size).toBe(course.notes.length);
  });

  it('tells chapters with the same title apart and leaves out empty files', async () => {
    const a = parse('# Week\n\nQ: One?\nA: 1.\n', 'a/week.md');
    const b = parse('# Week\n\nQ: One?\nA: 1.\n', 'b/week.md');
    const empty = parse('# Nothing here\n\nJust prose.\n', 'c.md');
    const ctx = courseContext({ courseName: 'Maths::Term 1' });
    const course = await readApkg((await ankiRenderer.renderCourse!([a, b, empty], ctx)) as Uint8Array);
    expect(Object.values(course.decks).map((d) => d.name).sort()).toEqual(['Default', 'Maths:Term 1', 'Maths:Term 1::Week (a/week.md)', 'Maths:Term 1::Week (b/week.md)']);
    expect(course.notes).toHaveLength(2);
    expect(new Set(course.notes.map((n) => n.guid)).size).toBe(2);
    expect(ctx.messages.map((m) => m.file)).toEqual(['c.md']);
  });

  it('writes no course deck when no file has cards', async () => {
    const ctx = courseContext();
    expect(await ankiRenderer.renderCourse!([parse('# A\n\ntext\n', 'a.md')], ctx)).toBeNull();
    expect(ctx.messages.at(-1)?.message).toMatch(/nothing to put in a deck/);
  });
});
