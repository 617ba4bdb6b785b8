import type { OutlineNode, StudyDocument } from '../../model/StudyDocument.js';
import { contentWords, foldForMatch } from '../quality/keyVariantMatcher.js';

const HAN = /\p{Script=Han}/u;

/**
 * How widespread a word is in one document's items, counted once: "客户" in a course on customer
 * relations, "cell" in a biology chapter. A key sharing such a word with its stem is not given
 * away by it, since every option could share it. CJK runs are judged by their rarest bigram.
 */
export class VocabularyStats {
  private readonly counts = new Map<string, number>();
  private readonly threshold: number;

  constructor(document: StudyDocument, particles: readonly string[]) {
    const skip = new Set(particles.map(foldForMatch));
    const texts: string[] = [];
    for (const d of document.definitions) texts.push(`${d.term} ${d.definition}`);
    for (const q of document.qa) texts.push(`${q.question} ${q.answers.join(' ')}`);
    for (const k of document.keyPoints) texts.push(k.text);
    for (const t of document.tables) for (const row of t.rows) texts.push(row.join(' '));
    for (const o of document.outlines) {
      const stack: OutlineNode[] = [o];
      while (stack.length) {
        const n = stack.pop()!;
        texts.push(n.label);
        for (const c of n.children) stack.push(c);
      }
    }
    for (const text of texts) {
      const seen = new Set<string>();
      for (const w of contentWords(text, skip, 3)) {
        if (HAN.test(w)) continue;
        seen.add(w);
      }
      const han = [...foldForMatch(text)].filter((ch) => HAN.test(ch));
      for (let i = 0; i + 1 < han.length; i++) seen.add(han[i] + han[i + 1]);
      for (const key of seen) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    this.threshold = Math.max(4, Math.ceil(texts.length * 0.25));
  }

  /** Whether a word (spaced scripts) or a CJK run is topic vocabulary of the whole document. */
  isCommon(part: string): boolean {
    const f = foldForMatch(part);
    if (!HAN.test(f)) return (this.counts.get(f) ?? 0) >= this.threshold;
    const chars = [...f];
    let least = Infinity;
    for (let i = 0; i + 1 < chars.length; i++) least = Math.min(least, this.counts.get(chars[i] + chars[i + 1]) ?? 0);
    return least !== Infinity && least >= this.threshold;
  }
}
