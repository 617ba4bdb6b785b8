import { describe, expect, it } from 'vitest';
import { decodeNotes } from '../src/parse/decodeNotes.js';
import { NotesError } from '../src/model/NotesError.js';
import { parseNotes } from '../src/parse/parseNotes.js';

const parse = (text: string) => parseNotes(text, { file: 'notes.md' }).document;

describe('stable ids', () => {
  const base = '# Bio\n\n**Cell**: unit of life.\n\nWhat is DNA?::A molecule.\n';
  it('survive edits elsewhere in the file', () => {
    const before = parse(base);
    const after = parse(`# Bio\n\nA new paragraph.\n\n**Gene**: unit of heredity.\n\n${base.split('\n').slice(2).join('\n')}`);
    const cell = (d: ReturnType<typeof parse>) => d.definitions.find((x) => x.term === 'Cell')!;
    expect(cell(after).source.line).not.toBe(cell(before).source.line);
    expect(cell(after).id).toBe(cell(before).id);
    expect(after.qa[0].id).toBe(before.qa[0].id);
  });
  it('change with the section and stay unique for repeated keys', () => {
    const doc = parse('# A\n\n**Cell**: one.\n\n# B\n\n**Cell**: two.\n\n**Cell**: three.\n');
    const ids = doc.definitions.map((d) => d.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]).toBe(`${ids[1]}-2`);
  });
});

describe('positions', () => {
  it('point at the line and column of each item', () => {
    const text = ['# T', '', '- first', '- **Term**: meaning here', '', '> quoted: inside a quote', ''].join('\n');
    const doc = parse(text);
    const term = doc.definitions.find((d) => d.term === 'Term')!;
    expect(term.source).toEqual({ line: 4, column: 3 });
    const quoted = doc.definitions.find((d) => d.term === 'quoted')!;
    expect(quoted.source.line).toBe(6);
  });
  it('count lines after front matter and CRLF in the original file', () => {
    const bytes = new TextEncoder().encode('---\r\ntitle: X\r\n---\r\n\r\n**Atom**: smallest unit\r\n');
    const doc = parse(decodeNotes(bytes, 'n.md').text);
    expect(doc.definitions[0].source.line).toBe(5);
    expect(doc.title).toBe('X');
  });
  it('stay exact across parse chunks of a long list-heavy file', () => {
    const lines: string[] = ['# Long'];
    for (let i = 0; i < 3000; i++) {
      if (i % 500 === 0) lines.push('', `## Part ${i / 500}`, '');
      lines.push(`- **Term ${i}**: meaning ${i}`);
    }
    const doc = parse(lines.join('\n'));
    expect(doc.definitions).toHaveLength(3000);
    for (const d of doc.definitions) expect(lines[d.source.line - 1]).toContain(`**${d.term}**`);
    expect(doc.definitions[2999].section).toEqual(['Long', 'Part 5']);
  });
});

describe('what is not an item', () => {
  it('ignores code, HTML comments and sentences that merely contain a colon', () => {
    const doc = parse(
      [
        '```', 'Term: definition', 'Q::A', '```', '', '<!-- Hidden: text -->', '', '<!--', 'What?::Nothing', '-->', '',
        'We meet at 10:30 and then we read the chapter together: bring your notes.',
        'Note: a remark.', 'See: https://example.org/page', 'http://example.org: not a term',
      ].join('\n'),
    );
    expect(doc.definitions).toEqual([]);
    expect(doc.qa).toEqual([]);
  });
});

describe('decoding', () => {
  const encoder = new TextEncoder();
  it('reads UTF-8 with BOM and UTF-16 LE/BE with BOM', () => {
    const text = '# Titre\n\n**Été** : saison chaude.\n';
    const utf8bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(text)]);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    for (const bytes of [utf8bom, le, utf16be]) expect(decodeNotes(bytes, 'x.md').text).toBe(text);
  });
  it('rejects invalid UTF-8 with the line and column of the bad byte', () => {
    const bytes = new Uint8Array([...encoder.encode('ok\nsecond é\nthird '), 0xff, ...encoder.encode(' end\n')]);
    const error = (() => {
      try {
        decodeNotes(bytes, 'bad.md');
      } catch (e) {
        return e as NotesError;
      }
    })();
    expect(error).toBeInstanceOf(NotesError);
    expect(error!.line).toBe(3);
    expect(error!.column).toBe(7);
    expect(error!.format()).toMatch(/^bad\.md:3:7: is not valid UTF-8/);
  });
  it('rejects binary files', () => {
    expect(() => decodeNotes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'img.md')).toThrow(/binary/);
  });
});

describe('front matter', () => {
  it('gives title, language and tags precedence over what is detected', () => {
    const doc = parse('---\ntitle: Mon cours\nlang: FR\ntags: [a, b]\n---\n# Other heading\n\nThe text is English though.\n');
    expect(doc).toMatchObject({ title: 'Mon cours', language: 'fr', languageSource: 'front-matter', tags: ['a', 'b'] });
  });
  it('reports malformed YAML at its line', () => {
    expect(() => parse('---\ntitle: [unclosed\n---\n')).toThrow(NotesError);
  });
  it('uses the --lang option when the notes do not say', () => {
    const doc = parseNotes('# Cours\n\nTexte.', { file: 'n.md', language: 'de' }).document;
    expect(doc).toMatchObject({ language: 'de', languageSource: 'option' });
  });
});

describe('language detection', () => {
  it('decides short notes by their function words', () => {
    expect(parse('# Rocks\n\nKinds of rock: igneous, sedimentary.').language).toBe('en');
    expect(parse('# Roches\n\nLes roches et la croûte.').language).toBe('fr');
    expect(parse('# Gesteine\n\nDie Gesteine und der Boden.').language).toBe('de');
  });
  it('decides Chinese by script even with Latin terms mixed in', () => {
    expect(parse('# 经济学\n\nGDP 是指一个国家在一定时期内生产的全部最终产品和服务的市场价值。').language).toBe('zh');
  });
  it('says und when there are no letters', () => {
    expect(parse('| 1 | 2 |\n|---|---|\n| 3 | 4 |').language).toBe('und');
  });
});

describe('definitions over several lines', () => {
  it('joins a wrapped definition and stops at the next item', () => {
    const doc = parse('- **Long term**: a definition that\n  continues here.\n- **Next**: another one.\n');
    expect(doc.definitions.map((d) => [d.term, d.definition])).toEqual([
      ['Long term', 'a definition that continues here.'],
      ['Next', 'another one.'],
    ]);
  });
  it('does not take the start of a lower-case sentence for a term', () => {
    expect(parse('the second paragraph of the item: with a colon\n').definitions).toEqual([]);
    expect(parse('osmosis: diffusion of water through a membrane\n').definitions).toHaveLength(1);
  });
});

describe('inline code', () => {
  it('keeps HTML and markup inside code spans literally', () => {
    const doc = parse('What does `<img src=x>` do?::It shows an image, `**not bold**`.\n');
    expect(doc.qa[0]).toMatchObject({ question: 'What does <img src=x> do?', answers: ['It shows an image, **not bold**.'] });
  });
});
