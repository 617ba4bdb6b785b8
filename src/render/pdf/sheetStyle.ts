import type { Rgb } from './breakLines.js';

/** Sizes in points and colours of the sheet; one place to tune the look. */
export const sheetStyle = {
  page: { width: 595.28, height: 841.89, margin: { top: 40, right: 34, bottom: 38, left: 34 }, gap: 18 },
  /** Paper sizes for the template's `@paper` directive, in points. */
  paper: { a4: [595.28, 841.89], letter: [612, 792], a5: [419.53, 595.28] } as Record<string, readonly [number, number]>,
  body: { size: 8.6, leading: 1.32 },
  small: 7,
  title: 17,
  headings: [
    { size: 11.5, spaceBefore: 9, rule: true },
    { size: 9.6, spaceBefore: 7, rule: false },
    { size: 8.8, spaceBefore: 5, rule: false },
  ],
  label: { size: 6.6, spaceBefore: 4 },
  itemGap: 2.6,
  blockGap: 5,
  table: { size: 7.8, smallSize: 6.6, padX: 3, padY: 1.8, rowLines: 30 },
  tree: { maxStep: 11, size: 8.2 },
  flow: { size: 7.8, padX: 4, padY: 2.6, gap: 15, rowGap: 5 },
  /** Code blocks: size shrinks to `minSize` before lines wrap. */
  code: { size: 7, minSize: 5.2, padX: 6, padY: 2.5 },
  image: { maxHeight: 300 },
  color: {
    text: [0.11, 0.12, 0.14] as Rgb,
    muted: [0.42, 0.45, 0.5] as Rgb,
    accent: [0.04, 0.36, 0.48] as Rgb,
    accentDark: [0.02, 0.24, 0.33] as Rgb,
    rule: [0.72, 0.78, 0.82] as Rgb,
    tableHead: [0.87, 0.93, 0.95] as Rgb,
    zebra: [0.965, 0.975, 0.98] as Rgb,
    formulaFill: [0.985, 0.965, 0.9] as Rgb,
    formulaBar: [0.85, 0.6, 0.15] as Rgb,
    boxFill: [0.93, 0.96, 0.97] as Rgb,
    placeholder: [0.8, 0.1, 0.1] as Rgb,
    code: [0.55, 0.12, 0.2] as Rgb,
    codeFill: [0.965, 0.968, 0.972] as Rgb,
    codeBar: [0.72, 0.75, 0.8] as Rgb,
  },
} as const;
