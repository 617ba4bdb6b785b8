import { DistractorPool } from './DistractorPool.js';

/** Where an item sits: its own section, its top-level theme, the whole document. */
export interface Placed {
  section: readonly string[];
}

/**
 * Candidate pools of one kind of text, by closeness to an item: its own section, the same top-level
 * theme, then the whole document. Built once per document, so each question only walks an index.
 */
export class SectionPools<T extends Placed> {
  private readonly bySection = new Map<string, string[]>();
  private readonly byTheme = new Map<string, string[]>();
  private readonly all: string[] = [];
  private readonly built = new Map<string, DistractorPool>();

  constructor(items: readonly T[], text: (item: T) => string | readonly string[]) {
    for (const item of items) {
      const texts = text(item);
      for (const t of typeof texts === 'string' ? [texts] : texts) {
        push(this.bySection, sectionKey(item.section), t);
        push(this.byTheme, item.section[0] ?? '', t);
        this.all.push(t);
      }
    }
  }

  /** Own section first, then the theme, then the document. */
  tiers(section: readonly string[]): DistractorPool[] {
    return [
      this.pool(`s:${sectionKey(section)}`, () => this.bySection.get(sectionKey(section)) ?? []),
      this.pool(`t:${section[0] ?? ''}`, () => this.byTheme.get(section[0] ?? '') ?? []),
      this.pool('all', () => this.all),
    ];
  }

  private pool(key: string, texts: () => string[]): DistractorPool {
    let pool = this.built.get(key);
    if (!pool) this.built.set(key, (pool = new DistractorPool(texts())));
    return pool;
  }
}

export function sectionKey(section: readonly string[]): string {
  return section.join('\u0000');
}

function push(map: Map<string, string[]>, key: string, text: string): void {
  const list = map.get(key);
  if (list) list.push(text);
  else map.set(key, [text]);
}
