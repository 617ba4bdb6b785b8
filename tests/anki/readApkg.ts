import JSZip from 'jszip';
import initSqlJs from 'sql.js';

export interface ApkgNote {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string[];
  rawTags: string;
  fields: string[];
  sfld: string;
  csum: number;
}

export interface ApkgCard {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  due: number;
}

export interface ApkgModel {
  id: number;
  name: string;
  type: number;
  mod: number;
  css: string;
  flds: { name: string; ord: number }[];
  tmpls: { name: string; ord: number; qfmt: string; afmt: string }[];
}

export interface ApkgDeck {
  id: number;
  name: string;
}

export interface Apkg {
  entries: { name: string; date: Date }[];
  media: unknown;
  models: Record<string, ApkgModel>;
  decks: Record<string, ApkgDeck>;
  notes: ApkgNote[];
  cards: ApkgCard[];
  integrity: string;
}

/** Opens a built .apkg the way an importer does: unzip, then read collection.anki2 with SQLite. */
export async function readApkg(bytes: Uint8Array): Promise<Apkg> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).map((f) => ({ name: f.name, date: f.date }));
  const media = JSON.parse(await zip.file('media')!.async('string'));
  const SQL = await initSqlJs();
  const db = new SQL.Database(await zip.file('collection.anki2')!.async('uint8array'));
  try {
    const rows = (sql: string) => {
      const [r] = db.exec(sql);
      return r ? r.values : [];
    };
    const [[models, decks]] = rows('select models, decks from col') as [string, string][];
    const notes = rows('select id, guid, mid, mod, tags, flds, sfld, csum from notes order by id').map(([id, guid, mid, mod, tags, flds, sfld, csum]) => ({
      id: Number(id),
      guid: String(guid),
      mid: Number(mid),
      mod: Number(mod),
      rawTags: String(tags),
      tags: String(tags).trim().split(/\s+/).filter(Boolean),
      fields: String(flds).split('\x1f'),
      sfld: String(sfld),
      csum: Number(csum),
    }));
    const cards = rows('select id, nid, did, ord, mod, due from cards order by id').map(([id, nid, did, ord, mod, due]) => ({
      id: Number(id), nid: Number(nid), did: Number(did), ord: Number(ord), mod: Number(mod), due: Number(due),
    }));
    const integrity = String(rows('pragma integrity_check')[0][0]);
    return { entries, media, models: JSON.parse(models), decks: JSON.parse(decks), notes, cards, integrity };
  } finally {
    db.close();
  }
}

/** Field HTML → the text a student reads (tags dropped, entities decoded), for comparisons. */
export function fieldText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
