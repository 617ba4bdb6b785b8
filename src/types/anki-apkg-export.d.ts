// anki-apkg-export ships no types. Only its two inner modules are used: the package root pulls in
// the 2.6 MB asm.js sql.js 0.5.0 (slow to load, prints a deprecation line, runs out of memory on
// a few hundred cards), while `dist/exporter` accepts any sql.js module we hand it.

declare module 'anki-apkg-export/dist/exporter.js' {
  import type JSZip from 'jszip';
  import type { Database, SqlJsStatic } from 'sql.js';

  export interface AnkiExporterOptions {
    /** SQL script creating a schema-11 collection, from `dist/template`. */
    template: string;
    /** A sql.js module; the renderer passes sql.js 1.x (WASM). */
    sql: SqlJsStatic;
  }

  export class AnkiExporter {
    constructor(deckName: string, options: AnkiExporterOptions);
    db: Database;
    zip: JSZip;
    media: { filename: string; data: Uint8Array | string }[];
    deckName: string;
    topDeckId: number;
    topModelId: number;
    separator: string;
    addMedia(filename: string, data: Uint8Array | string): void;
  }

  // Babel-compiled CommonJS with `exports.default`: load it with require(), whose result has this
  // shape (ESM default-import interop differs between Node and bundlers such as vitest's).
  export { AnkiExporter as default };
}

declare module 'anki-apkg-export/dist/template.js' {
  export interface AnkiTemplateOptions {
    questionFormat?: string;
    answerFormat?: string;
    css?: string;
  }
  export default function createTemplate(options?: AnkiTemplateOptions): string;
}
