import type { NoteTypeKey } from './AnkiNote.js';

export interface CardTemplateSpec {
  name: string;
  /** Template files, relative to templates/anki/. */
  front: string;
  back: string;
}

export interface NoteTypeSpec {
  /**
   * Fixed for ever: Anki matches note types by id, and a new id would make it copy the note type
   * ("revise Basic+") and import every note again.
   */
  id: number;
  name: string;
  /** 0 = standard, 1 = cloze. */
  kind: 0 | 1;
  /** Renaming or reordering a field makes Anki refuse to update existing notes. */
  fields: readonly string[];
  templates: readonly CardTemplateSpec[];
  /** Extra CSS appended to the shared style.css, relative to templates/anki/. */
  css: string;
}

export const NOTE_TYPE_SPECS: Readonly<Record<NoteTypeKey, NoteTypeSpec>> = {
  basic: {
    id: 1_700_000_000_101,
    name: 'revise Basic',
    kind: 0,
    fields: ['Front', 'Back', 'Section', 'Source'],
    templates: [{ name: 'Card 1', front: 'basic/front.hbs', back: 'basic/back.hbs' }],
    css: 'basic/style.css',
  },
  definition: {
    id: 1_700_000_000_102,
    name: 'revise Definition',
    kind: 0,
    fields: ['Term', 'Definition', 'Section', 'Source'],
    templates: [
      { name: 'Term → Definition', front: 'definition/front.hbs', back: 'definition/back.hbs' },
      { name: 'Definition → Term', front: 'definition/reverse-front.hbs', back: 'definition/reverse-back.hbs' },
    ],
    css: 'definition/style.css',
  },
  cloze: {
    id: 1_700_000_000_103,
    name: 'revise Cloze',
    kind: 1,
    fields: ['Text', 'Extra', 'Section', 'Source'],
    templates: [{ name: 'Cloze', front: 'cloze/front.hbs', back: 'cloze/back.hbs' }],
    css: 'cloze/style.css',
  },
};
