import { describe, expect, it } from 'vitest';
import { applyFrenchSpacing } from '../../src/render/pdf/applyFrenchSpacing.js';
import { breakLines } from '../../src/render/pdf/breakLines.js';
import { cleanText } from '../../src/render/pdf/cleanText.js';
import { FontChain } from '../../src/render/pdf/FontChain.js';

const black = [0, 0, 0] as const;
const lineText = (l: { pieces: { text: string }[] }) => l.pieces.map((p) => p.text).join('');

describe('French typography', () => {
  it('turns the space before : ; ? ! into a no-break space and adds a missing one', () => {
    expect(applyFrenchSpacing('Terme : définition')).toBe('Terme\u00a0: définition');
    expect(applyFrenchSpacing('Pourquoi ?')).toBe('Pourquoi\u202f?');
    expect(applyFrenchSpacing('Vraiment!')).toBe('Vraiment\u202f!');
    expect(applyFrenchSpacing('a; b')).toBe('a\u202f; b');
  });
  it('puts no-break spaces inside guillemets', () => {
    expect(applyFrenchSpacing('le «cycle» de Calvin')).toBe('le «\u00a0cycle\u00a0» de Calvin');
    expect(applyFrenchSpacing('« cycle »')).toBe('«\u00a0cycle\u00a0»');
  });
  it('leaves times, ratios and URLs alone', () => {
    expect(applyFrenchSpacing('à 10:30, ratio 1:2, https://example.org/a?b=1')).toBe('à 10:30, ratio 1:2, https://example.org/a?b=1');
  });
});

describe('cleanText', () => {
  it('drops invisible characters a font has no glyph for', () => {
    expect(cleanText('a\u200bb\ufe0fc\u00add\ufeff\te\n')).toBe('abcd e');
  });
});

describe('breakLines', () => {
  const chain = new FontChain();

  it('wraps Chinese between ideographs and never starts a line with ，。：', () => {
    const text = '需求价格弹性是指在一定时期内，一种商品的需求量变动对于该商品的价格变动的反应程度。供给：在一定价格水平下，生产者愿意并且能够提供的商品数量。';
    const lines = breakLines([{ text }], { chain, width: 90, size: 9, color: black });
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(l.width).toBeLessThanOrEqual(90.01);
      expect(lineText(l)).not.toMatch(/^[，。：、）]/);
    }
    expect(lines.map(lineText).join('')).toBe(text);
  });

  it('keeps a French question mark with its word', () => {
    const text = applyFrenchSpacing('Où se déroule la phase claire de la photosynthèse ? Dans les thylakoïdes.');
    for (let width = 40; width < 300; width += 7) {
      for (const l of breakLines([{ text }], { chain, width, size: 9, color: black })) expect(lineText(l)).not.toMatch(/^[?:;!]/);
    }
  });

  it('breaks at soft hyphens with a visible hyphen, and draws no soft hyphen elsewhere', () => {
    const text = 'La pho\u00adto\u00adsyn\u00adthèse per\u00admet aux vé\u00adgé\u00adtaux de pro\u00adduire de la ma\u00adtière or\u00adga\u00adnique.';
    const lines = breakLines([{ text }], { chain, width: 70, size: 9, color: black });
    const texts = lines.map(lineText);
    expect(texts.some((t) => /\p{L}-$/u.test(t))).toBe(true);
    for (const [i, l] of lines.entries()) expect(l.width, texts[i]).toBeLessThanOrEqual(70.01);
    expect(texts.join('\n')).not.toContain('\u00ad');
    expect(texts.map((t) => t.replace(/-$/, '')).join('').replace(/\s/g, '')).toBe(text.replace(/[\u00ad\s]/g, ''));
  });

  it('cuts a word longer than the line between graphemes and loses nothing', () => {
    const word = 'é'.repeat(300);
    const lines = breakLines([{ text: `mot ${word} fin` }], { chain, width: 100, size: 9, color: black });
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(100.01);
    expect(lines.map(lineText).join('').replace(/\s/g, '')).toBe(`mot${word}fin`);
  });

  it('does not open the Chinese font for French text with arrows and box drawing', () => {
    const fresh = new FontChain();
    for (const style of ['regular', 'bold'] as const) fresh.runs(applyFrenchSpacing('Phase claire → « photolyse » ├─ └─ ≤ ≥ ✓ œuvre… été'), style);
    expect(fresh.faceKeys().filter((k) => k.startsWith('cjk'))).toEqual([]);
    fresh.runs('需求', 'regular');
    expect(fresh.faceKeys()).toContain('cjk');
  });

  it('picks a face per character: Latin, arrows and box drawing, Chinese, and none for the unknown', () => {
    const runs = chain.runs('Cycle → ├─ 经济 ሀ', 'regular');
    const faceOf = (ch: string) => runs.find((r) => r.text.includes(ch))?.face?.spec.key ?? null;
    expect(faceOf('C')).toBe('sans');
    expect(faceOf('经')).toBe('cjk');
    expect(faceOf('ሀ')).toBeNull();
    for (const ch of ['→', '├', '─']) {
      const face = runs.find((r) => r.text.includes(ch))!.face!;
      expect(face.font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    }
    expect(chain.missing.has(0x1200)).toBe(true);
  });
});
