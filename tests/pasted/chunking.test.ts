import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toModelJson } from '../../src/model/toModelJson.js';
import { DocumentBuilder } from '../../src/parse/DocumentBuilder.js';
import { BlockExtractor } from '../../src/parse/extractBlocks.js';
import { parseMarkdownChunks, type ChunkOptions } from '../../src/parse/parseMarkdownChunks.js';
import { prepareIdentity } from '../../src/parse/PreparedText.js';
import { splitFrontMatter } from '../../src/parse/splitFrontMatter.js';

/** A long Markdown file: the three samples' bodies, each repeated under its own part heading. */
function longNotes(): string {
  const parts: string[] = [];
  for (let round = 0; round < 12; round++) {
    for (const name of ['cell-biology', 'jingji', 'photosynthese']) {
      const { body } = splitFrontMatter(readFileSync(new URL(`../../input/${name}.md`, import.meta.url), 'utf8'), name);
      // Renumber so repeated items stay distinct instead of being merged as repeats.
      parts.push(`# Part ${round} ${name}`, '', body.replace(/^(#{1,6} .*)$/gm, `$1 (${round})`).replace(/(\*\*[^*]+)\*\*/g, `$1 ${round}**`), '');
    }
  }
  const list = Array.from({ length: 600 }, (_, i) => (i % 50 === 0 ? `\nSteps ${i}:\n\n- step ${i}` : `- step ${i} ${i % 7 === 0 ? '\n  - detail' : ''}`));
  return `${parts.join('\n')}\n${list.join('\n')}\n`;
}

function extract(text: string, options: ChunkOptions): string {
  const prepared = prepareIdentity(text, 0);
  const builder = new DocumentBuilder('long.md');
  new BlockExtractor(prepared, builder).extract(parseMarkdownChunks(prepared.lines, options));
  return toModelJson(builder.doc);
}

describe('parsing Markdown in bounded chunks', () => {
  it('gives the same model as one remark-gfm parse of the whole file', () => {
    const text = longNotes();
    expect(text.split('\n').length).toBeGreaterThan(3000);
    const whole = extract(text, { targetLines: Number.POSITIVE_INFINITY, alwaysGfm: true });
    const chunked = extract(text, {});
    expect(parseMarkdownChunks(text.split('\n')).length).toBeGreaterThan(20);
    expect(chunked).toBe(whole);
    expect(JSON.parse(chunked).definitions.length).toBeGreaterThan(50);
  });
});
