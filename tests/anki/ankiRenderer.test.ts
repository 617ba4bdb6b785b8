import { describe, expect, it } from 'vitest';
import { normaliseKey } from '../../src/model/makeItemId.js';
import { createEmptyDocument, type StudyDocument } from '../../src/model/StudyDocument.js';
import { ankiRenderer } from '../../src/render/anki/ankiRenderer.js';
import { NOTE_TYPE_SPECS } from '../../src/render/anki/noteTypeSpecs.js';
import { fieldText, readApkg } from './readApkg.js';
import { parse, parseSample, renderContext } from './renderHelpers.js';

async function build(doc: StudyDocument, extra: Parameters<typeof renderContext>[1] = {}) {
  const ctx = renderContext(doc, extra);
  const bytes = (await ankiRenderer.render(doc, ctx)) as Uint8Array | null;
  return { bytes, ctx };
}

const SAMPLES = ['cell-biology.md', 'photosynthese.md', 'jingji.md'];

describe('anki renderer on the sample notes', () => {
  for (const name of SAMPLES) {
    it(`${name}: one note per definition, question, cloze and sequence, with fixed note types`, async () => {
      const doc = parseSample(name);
      const { bytes } = await build(doc);
      expect(bytes).toBeInstanceOf(Uint8Array);
      const apkg = await readApkg(bytes!);
      expect(apkg.integrity).toBe('ok');
      expect(apkg.entries.map((e) => e.name).sort()).toEqual(['collection.anki2', 'media']);
      expect(apkg.media).toEqual({});

      // Note types: fixed ids, names, fields and templates, whatever the document.
      for (const model of Object.values(apkg.models)) {
        const spec = Object.values(NOTE_TYPE_SPECS).find((s) => s.id === model.id);
        expect(spec, `unexpected note type ${model.name}`).toBeDefined();
        expect(model.name).toBe(spec!.name);
        expect(model.type).toBe(spec!.kind);
        expect(model.flds.map((f) => f.name)).toEqual(spec!.fields);
        expect(model.tmpls.map((t) => t.name)).toEqual(spec!.templates.map((t) => t.name));
        expect(model.mod).toBeLessThan(1e11);
        for (const t of model.tmpls) {
          expect(t.afmt).toContain('{{Source}}');
          expect(t.afmt).toContain('{{Section}}');
        }
      }

      const byType = (key: keyof typeof NOTE_TYPE_SPECS) => apkg.notes.filter((n) => n.mid === NOTE_TYPE_SPECS[key].id);
      const fronts = apkg.notes.map((n) => fieldText(n.fields[0]).normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ''));
      // One note per front: the gate merges notes that would read the same.
      expect(new Set(fronts).size).toBe(fronts.length);

      for (const d of doc.definitions) {
        const note = apkg.notes.find((n) => fieldText(n.fields[0]) === d.term);
        // A formula legend ("m: mass") is no card: the formula shows it with its meaning.
        if (/^\p{L}$/u.test(d.term.trim())) {
          expect(note, d.term).toBeUndefined();
          continue;
        }
        expect(note, d.term).toBeDefined();
        // The definition side never shows its term: it is blanked, the rest is as written.
        const shown = fieldText(note!.fields[1]);
        expect(shown.toLowerCase()).not.toContain(d.term.toLowerCase());
        expect(shown.replace(/_+/g, '').replace(/\s+/g, '')).toBe(d.definition.replace(new RegExp(d.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '').replace(/\s+/g, ''));
        expect(note!.fields[3]).toBe(`${name}:${d.source.line}`);
        expect(fieldText(note!.fields[2])).toBe(d.section.join(' › '));
        // Term → definition and definition → term: two cards of one note.
        expect(apkg.cards.filter((c) => c.nid === note!.id).map((c) => c.ord).sort()).toEqual([0, 1]);
        expect(note!.tags).toContain(name);
        expect(note!.tags).toContain(d.section.map((s) => s.replace(/\s+/g, '_')).join('::'));
      }
      for (const q of doc.qa) {
        const note = apkg.notes.find((n) => fieldText(n.fields[0]) === q.question);
        expect(note, q.question).toBeDefined();
        for (const a of q.answers) expect(fieldText(note!.fields[1]).replace(/\s+/g, ' ')).toContain(a.trim().slice(0, 40));
      }
      for (const c of doc.clozes) {
        const note = byType('cloze').find((n) => n.fields[0].replace(/\{\{c\d+::([^:}]*)(::[^}]*)?\}\}/g, '$1').replace(/&#39;/g, "'") === c.text);
        expect(note, c.text).toBeDefined();
        const ords = [...new Set(c.cloze.match(/\{\{c(\d+)::/g)!.map((m) => Number(m.slice(3, -2)) - 1))].sort();
        expect(apkg.cards.filter((x) => x.nid === note!.id).map((x) => x.ord).sort()).toEqual(ords);
      }
      for (const s of doc.sequences) {
        const note = byType('cloze').find((n) => s.steps.every((step, i) => n.fields[0].includes(`{{c${i + 1}::`)) && fieldText(n.fields[0]).includes(s.steps[0]));
        expect(note, s.steps.join(' → ')).toBeDefined();
        expect(apkg.cards.filter((x) => x.nid === note!.id)).toHaveLength(s.steps.length);
      }
      // Tables give a card per row, outlines a "name the N" card per branch, in the notes' order.
      for (const t of doc.tables) {
        const cards = byType('basic').filter((n) => n.fields[1].startsWith('<ul><li><b>'));
        for (const row of t.rows) {
          // Whichever way the table reads (rows or columns as things), every cell is on a card with its row name.
          for (const cell of row.slice(1).filter((c) => c.trim())) {
            const on = cards.find((n) => fieldText(n.fields[1]).includes(cell.trim()) && fieldText(n.fields[0] + n.fields[1]).includes(row[0].trim()));
            expect(on, `${row[0]}: ${cell}`).toBeDefined();
          }
        }
      }
      for (const o of doc.outlines) {
        const branches = [o as { label: string; children: { label: string; children: unknown[] }[] }];
        for (const b of branches) {
          branches.push(...(b.children as typeof branches));
          if (b.children.length < 2 || b.children.length > 15) continue;
          const note = byType('basic').find((n) => fieldText(n.fields[0]).startsWith(b.label.trim()) && n.fields[1].startsWith('<ol>'));
          expect(note, b.label).toBeDefined();
          expect(note!.fields[1].match(/<li>/g)).toHaveLength(b.children.length);
        }
      }
      // One deck named after the document, holding every card.
      const deck = Object.values(apkg.decks).find((d) => d.name === doc.title);
      expect(deck).toBeDefined();
      expect(new Set(apkg.cards.map((c) => c.did))).toEqual(new Set([deck!.id]));

      // Identity: unique GUIDs, notes.mod in seconds from the build timestamp.
      expect(new Set(apkg.notes.map((n) => n.guid)).size).toBe(apkg.notes.length);
      for (const n of apkg.notes) expect(n.mod).toBe(1_767_225_600);
      for (const n of apkg.notes) expect(n.rawTags).toMatch(/^ \S.* $/);
    });
  }

  it('gives the same GUIDs when only answers change, and a new one when a question changes', async () => {
    const a = await readApkg((await build(parse('# T\n\nQ: Where is DNA?\nA: In the nucleus.\n\nQ: What is ATP?\nA: Energy.\n'))).bytes!);
    const b = await readApkg((await build(parse('# T\n\nQ: Where is DNA?\nA: In the nucleus and mitochondria.\n\nQ: What is ATP for?\nA: Energy.\n'))).bytes!);
    const guid = (x: typeof a, q: string) => x.notes.find((n) => fieldText(n.fields[0]) === q)?.guid;
    expect(guid(a, 'Where is DNA?')).toBeDefined();
    expect(guid(b, 'Where is DNA?')).toBe(guid(a, 'Where is DNA?'));
    expect(guid(b, 'What is ATP for?')).not.toBe(guid(a, 'What is ATP?'));
  });

  it('puts the file path in the GUID, so the same question in two files gives two notes', async () => {
    const text = '# T\n\nQ: Where is DNA?\nA: In the nucleus.\n';
    const a = await readApkg((await build(parse(text, 'bio/week1.md'))).bytes!);
    const b = await readApkg((await build(parse(text, 'bio/week2.md'))).bytes!);
    expect(a.notes[0].guid).not.toBe(b.notes[0].guid);
    expect(normaliseKey('Where is DNA?')).toBe(normaliseKey('where is dna'));
    const c = await readApkg((await build(parse('# T\n\nQ: where is DNA\nA: In the nucleus.\n', 'bio/week1.md'))).bytes!);
    expect(c.notes[0].guid).toBe(a.notes[0].guid);
  });

  it('produces byte-identical packages for the same notes and timestamp', async () => {
    const doc = parseSample('cell-biology.md');
    const one = (await build(doc)).bytes!;
    const two = (await build(parseSample('cell-biology.md'))).bytes!;
    expect(Buffer.from(two).equals(Buffer.from(one))).toBe(true);
    const apkg = await readApkg(one);
    for (const e of apkg.entries) expect(Math.abs(e.date.getTime() - 1_767_225_600_000)).toBeLessThanOrEqual(2000);
    const later = (await build(doc, { timestamp: 1_767_225_600 + 86_400 })).bytes!;
    expect(Buffer.from(later).equals(Buffer.from(one))).toBe(false);
  });

  it('warns and writes nothing for notes without anything to put in a deck', async () => {
    for (const text of ['', '# Just a title\n\nSome prose without cards.\n']) {
      const { bytes, ctx } = await build(parse(text));
      expect(bytes).toBeNull();
      const warnings = ctx.messages.filter((m) => (m.severity ?? 'warning') === 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0].message).toMatch(/nothing to put in a deck/);
    }
  });
});

describe('anki renderer on hostile and large input', () => {
  const hostile = [
    `<script>alert("x")</script>`,
    `He said "hi" & 'bye' </div><img src=x onerror=alert(1)>`,
    `{{Front}} {{#Back}}x{{/Back}} {{c1::not a cloze}} }}`,
  ];

  function hostileDocument(): StudyDocument {
    const doc = createEmptyDocument('evil.md');
    doc.title = 'Evil <b>deck</b>';
    const src = (line: number) => ({ line, column: 1 });
    hostile.forEach((text, i) => {
      doc.qa.push({ id: `q${i}`, section: ['A "section"'], source: src(i + 1), question: `Q${i} ${text}`, answers: [`A${i} ${text}`] });
      doc.definitions.push({ id: `d${i}`, section: [], source: src(10 + i), term: `T${i} ${text}`, definition: `D${i} ${text}` });
    });
    doc.clozes.push({ id: 'c', section: [], source: src(20), text: 'x <b>bold</b> {{ y', deletions: ['<b>bold</b>'], hints: ['a "hint"'], cloze: 'x {{c1::<b>bold</b>::a "hint"}} {{ y' });
    return doc;
  }

  it('shows HTML, quotes and {{ literally and never lets them into markup or templates', async () => {
    const apkg = await readApkg((await build(hostileDocument())).bytes!);
    for (const n of apkg.notes) {
      for (const f of n.fields) {
        expect(f).not.toMatch(/<(?!br>|\/?ul>|\/?ol>|\/?li>|\/?b>|span class=revise-blank>|\/span>)/);
        expect(f).not.toMatch(/["']/);
      }
    }
    for (let i = 0; i < hostile.length; i++) {
      const qa = apkg.notes.find((n) => fieldText(n.fields[0]) === `Q${i} ${hostile[i]}`);
      expect(qa, hostile[i]).toBeDefined();
      expect(fieldText(qa!.fields[1])).toBe(`A${i} ${hostile[i]}`);
      expect(qa!.fields.join('')).not.toContain('{{');
      const def = apkg.notes.find((n) => fieldText(n.fields[0]) === `T${i} ${hostile[i]}`);
      expect(fieldText(def!.fields[1])).toBe(`D${i} ${hostile[i]}`);
      // Anki sorts and checksums by the first field without markup.
      expect(def!.sfld).toBe(`T${i} ${hostile[i]}`);
    }
    const cloze = apkg.notes.find((n) => n.mid === NOTE_TYPE_SPECS.cloze.id)!;
    // The one real deletion is kept; the literal `{{` around it is not.
    expect(cloze.fields[0]).toBe('x {{c1::&lt;b&gt;bold&lt;/b&gt;::a &quot;hint&quot;}} &#123;&#123; y');
    expect(Object.values(apkg.decks).map((d) => d.name)).toContain('Evil <b>deck</b>');
    expect(apkg.notes.find((n) => n.mid === NOTE_TYPE_SPECS.basic.id)!.tags).toContain('A_section_');
  });

  it('merges items with the same question into one note, keeping every answer', async () => {
    const doc = parse('# T\n\nQ: What is a cell?\nA: The unit of life.\n\nQ: What is a cell?\nA: A prison room.\n\nQ: what is a CELL\nA: Third.\n');
    expect(doc.qa).toHaveLength(3);
    const { bytes, ctx } = await build(doc);
    const apkg = await readApkg(bytes!);
    expect(apkg.notes).toHaveLength(1);
    expect(fieldText(apkg.notes[0].fields[0])).toBe('What is a cell?');
    expect(apkg.notes[0].fields[1]).toBe('<ul><li>The unit of life.</li><li>A prison room.</li><li>Third.</li></ul>');
    // The note keeps the identity of the first one, and the build report says what was merged.
    expect(apkg.notes[0].fields[3]).toBe('notes.md:3');
    expect(ctx.messages.filter((m) => m.ruleId === 'quality/same-front')).toHaveLength(2);
    expect(ctx.messages.find((m) => m.ruleId === 'quality-gate')!.message).toBe('anki: quality gate kept 1 of 3 notes, dropped 2: same-front 2');
  });

  it('handles very long fields and 10,000 items', async () => {
    const doc = createEmptyDocument('big.md');
    doc.title = 'Big';
    const long = 'lorem ipsum <dolor> '.repeat(10_000);
    for (let i = 0; i < 10_000; i++) {
      doc.qa.push({ id: `q${i}`, section: ['S', `Part ${i % 50}`], source: { line: i + 1, column: 1 }, question: `Question ${i}?`, answers: [i === 0 ? long : `Answer ${i}`] });
    }
    const apkg = await readApkg((await build(doc)).bytes!);
    expect(apkg.notes).toHaveLength(10_000);
    expect(apkg.cards).toHaveLength(10_000);
    expect(new Set(apkg.notes.map((n) => n.guid)).size).toBe(10_000);
    expect(new Set(apkg.cards.map((c) => c.id)).size).toBe(10_000);
    const first = apkg.notes.find((n) => n.fields[0] === 'Question 0?')!;
    // 200,000 characters of running text become a list of pieces of at most 300.
    const pieces = [...first.fields[1].matchAll(/<li>(.*?)<\/li>/g)].map((m) => fieldText(m[1]));
    expect(pieces.length).toBeGreaterThan(600);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(300);
    expect(pieces.join(' ')).toBe(long.trim());
    // New cards come in the order of the notes file.
    const due = new Map(apkg.cards.map((c) => [c.nid, c.due]));
    const byLine = apkg.notes.sort((a, b) => Number(a.fields[3].split(':')[1]) - Number(b.fields[3].split(':')[1]));
    expect(byLine.map((n) => due.get(n.id))).toEqual(byLine.map((_, i) => i + 1));
    for (const c of apkg.cards) expect(c.id).toBeLessThan(Date.now());
  });
});
