import type { Renderer } from './Renderer.js';
import { jsonRenderer } from './json/jsonRenderer.js';
import { ankiRenderer } from './anki/ankiRenderer.js';
import { mcqRenderer } from './mcq/mcqRenderer.js';
import { pdfRenderer } from './pdf/pdfRenderer.js';
import { quizRenderer } from './quiz/quizRenderer.js';
import { giftRenderer } from './gift/giftRenderer.js';
import { moodleRenderer } from './moodle/moodleRenderer.js';
import { qtiRenderer } from './qti/qtiRenderer.js';
import { kahootRenderer } from './kahoot/kahootRenderer.js';
import { tsvRenderer } from './tsv/tsvRenderer.js';
import { summaryRenderer } from './summary/summaryRenderer.js';

/** Built-in renderers, in the order `--format` lists them; the optional ones (teacher exports) only on request. */
const BUILT_IN: readonly Renderer[] = [
  jsonRenderer, pdfRenderer, ankiRenderer, mcqRenderer, quizRenderer,
  giftRenderer, moodleRenderer, qtiRenderer, kahootRenderer, tsvRenderer, summaryRenderer,
];

export class UnknownFormatError extends Error {
  constructor(
    readonly format: string,
    readonly known: readonly string[],
  ) {
    super(`unknown format "${format}"; known formats: ${known.join(', ')}`);
    this.name = 'UnknownFormatError';
  }
}

export class RendererRegistry {
  private readonly renderers = new Map<string, Renderer>();

  constructor(initial: readonly Renderer[] = BUILT_IN) {
    for (const r of initial) this.register(r);
  }

  register(renderer: Renderer): void {
    if (this.renderers.has(renderer.name)) throw new Error(`a renderer named "${renderer.name}" is already registered`);
    this.renderers.set(renderer.name, renderer);
  }

  names(): string[] {
    return [...this.renderers.keys()];
  }

  /** Every renderer, optional ones included (`select(undefined)` leaves those out). */
  all(): Renderer[] {
    return [...this.renderers.values()];
  }

  /** A renderer by name; `PDF` finds `pdf`, as people type format names either way. */
  get(name: string): Renderer {
    const found = this.renderers.get(name) ?? [...this.renderers.values()].find((r) => r.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new UnknownFormatError(name, this.names());
    return found;
  }

  /** Resolves a `--format` list; an empty list means every registered renderer but the optional ones. */
  select(names: readonly string[] | undefined): Renderer[] {
    if (!names || names.length === 0) return [...this.renderers.values()].filter((r) => !r.optional);
    return [...new Set(names.map((n) => this.get(n)))];
  }
}

export function createDefaultRegistry(): RendererRegistry {
  return new RendererRegistry(BUILT_IN);
}
