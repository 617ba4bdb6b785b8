import { mkdtemp, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ankiRenderer } from '../../src/render/anki/ankiRenderer.js';
import { BUILT_IN_TEMPLATES_VERSION } from '../../src/render/anki/builtInTemplatesVersion.js';
import { NOTE_TYPE_SPECS } from '../../src/render/anki/noteTypeSpecs.js';
import { fieldText, readApkg } from './readApkg.js';
import { parse, renderContext } from './renderHelpers.js';

const NOTES = `# Cells

## Terms

- **Nucleus** — holds the DNA.
- **Ribosome** — builds proteins.

## Questions

Q: What powers the cell?
A: The mitochondrion.

Q: Where are proteins made?
A: On ribosomes.
`;

const T1 = 1_767_225_600;
const T2 = T1 + 3600;
let dir: string;
let out: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revise-anki-'));
  out = join(dir, 'out', 'notes.apkg');
  await mkdir(join(dir, 'out'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function buildTo(text: string, timestamp: number, templatesDir: string | null = null) {
  const doc = parse(text);
  const bytes = (await ankiRenderer.render(doc, renderContext(doc, { timestamp, templatesDir, outputPath: out }))) as Uint8Array;
  await writeFile(out, bytes);
  return { bytes, apkg: await readApkg(bytes) };
}

describe('rebuilding a deck over the previous one', () => {
  it('keeps notes.mod of unchanged notes and gives the edited note a newer one', async () => {
    const first = await buildTo(NOTES, T1);
    const edited = NOTES.replace('A: On ribosomes.', 'A: On ribosomes, in the cytoplasm.');
    const second = await buildTo(edited, T2);
    expect(second.apkg.notes.map((n) => n.guid).sort()).toEqual(first.apkg.notes.map((n) => n.guid).sort());
    for (const n of second.apkg.notes) {
      const before = first.apkg.notes.find((b) => b.guid === n.guid)!;
      if (fieldText(n.fields[0]) === 'Where are proteins made?') {
        expect(fieldText(n.fields[1])).toBe('On ribosomes, in the cytoplasm.');
        expect(n.mod).toBe(T2);
      } else {
        expect(n.fields).toEqual(before.fields);
        expect(n.mod).toBe(T1);
      }
    }
    // Same notes again: byte for byte the same file, even with a newer file date.
    const third = await buildTo(edited, T2 + 50);
    const noteMods = (x: typeof third) => x.apkg.notes.map((n) => [n.guid, n.mod]).sort();
    expect(noteMods(third)).toEqual(noteMods(second));
  });

  it('still moves notes.mod forward when the timestamp is pinned (SOURCE_DATE_EPOCH)', async () => {
    await buildTo(NOTES, T1);
    const second = await buildTo(NOTES.replace('builds proteins', 'builds all proteins'), T1);
    const changed = second.apkg.notes.find((n) => fieldText(n.fields[0]) === 'Ribosome')!;
    expect(changed.mod).toBe(T1 + 1);
    expect(second.apkg.notes.filter((n) => n !== changed).every((n) => n.mod === T1)).toBe(true);
  });

  it('ignores a previous file that is not a deck', async () => {
    await writeFile(out, 'not a zip');
    const { apkg } = await buildTo(NOTES, T1);
    expect(apkg.notes).toHaveLength(4);
  });
});

describe('templates and note-type mod', () => {
  it('uses the built-in templates version date as the note-type mod', async () => {
    const { apkg } = await buildTo(NOTES, T1);
    for (const m of Object.values(apkg.models)) expect(m.mod).toBe(BUILT_IN_TEMPLATES_VERSION.mod);
  });

  it('takes override files from <templates>/anki/ and moves the note-type mod forward when they change', async () => {
    const custom = join(dir, 'tpl');
    await mkdir(join(custom, 'anki', 'basic'), { recursive: true });
    const css = join(custom, 'anki', 'style.css');
    await writeFile(css, ".card { font-family: 'Comic Neue'; }\n");
    const front = join(custom, 'anki', 'basic', 'front.hbs');
    await writeFile(front, '<h1 class="mine">{{field "Front"}}</h1>\n');
    const mtime = BUILT_IN_TEMPLATES_VERSION.mod + 1000;
    await utimes(css, mtime, mtime);
    await utimes(front, mtime, mtime);

    const first = await buildTo(NOTES, T1, custom);
    const basic = first.apkg.models[String(NOTE_TYPE_SPECS.basic.id)];
    expect(basic.tmpls[0].qfmt).toBe('<h1 class="mine">{{Front}}</h1>');
    expect(basic.css).toContain("font-family: 'Comic Neue'");
    expect(basic.mod).toBe(mtime);
    // Files not overridden still come from the built-in set.
    expect(basic.tmpls[0].afmt).toContain('{{Source}}');

    // Edited with the same mtime (copied from elsewhere, or clock skew): the previous deck shows the change.
    await writeFile(css, ".card { font-family: 'Comic Neue'; color: red; }\n");
    await utimes(css, mtime, mtime);
    const second = await buildTo(NOTES, T1, custom);
    expect(second.apkg.models[String(NOTE_TYPE_SPECS.basic.id)].mod).toBe(mtime + 1);
    // Unchanged again: the mod stays.
    const third = await buildTo(NOTES, T1, custom);
    expect(third.apkg.models[String(NOTE_TYPE_SPECS.basic.id)].mod).toBe(mtime + 1);
    // Note contents did not change, so the notes keep their dates.
    expect(third.apkg.notes.every((n) => n.mod === T1)).toBe(true);
  });

  it('names the template file when it uses an unknown field or shows no field', async () => {
    const custom = join(dir, 'tpl');
    await mkdir(join(custom, 'anki', 'definition'), { recursive: true });
    const file = join(custom, 'anki', 'definition', 'front.hbs');
    await writeFile(file, '{{field "Word"}}');
    await expect(buildTo(NOTES, T1, custom)).rejects.toThrow(/definition[/\\]front\.hbs: unknown field "Word"; revise Definition has Term, Definition, Section, Source/);
    await writeFile(file, '<p>nothing</p>');
    await expect(buildTo(NOTES, T1, custom)).rejects.toThrow(/front\.hbs: the front shows no field/);
    await writeFile(file, '{{field "Term"}} {{oops}}');
    await expect(buildTo(NOTES, T1, custom)).rejects.toThrow(/front\.hbs: .*oops/);
  });

  it('built-in templates match the recorded version (bump BUILT_IN_TEMPLATES_VERSION when editing them)', async () => {
    const { createHash } = await import('node:crypto');
    const { readdir } = await import('node:fs/promises');
    const { BUILT_IN_TEMPLATES_DIR } = await import('../../src/render/anki/loadCardTemplates.js');
    const files = (await readdir(BUILT_IN_TEMPLATES_DIR, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(BUILT_IN_TEMPLATES_DIR.length).replace(/\\/g, '/'))
      .sort();
    const hash = createHash('sha256');
    for (const f of files) hash.update(`${f}\0`).update(await readFile(join(BUILT_IN_TEMPLATES_DIR, f))).update('\0');
    expect(hash.digest('hex'), `templates/anki changed: set BUILT_IN_TEMPLATES_VERSION.mod to today (seconds) and sha256 to this`).toBe(BUILT_IN_TEMPLATES_VERSION.sha256);
  });
});
