import type { StudyDocument } from '../../model/StudyDocument.js';
import { containsFolded } from './containsFolded.js';
import type { QualityLog } from '../quality/QualityLog.js';
import type { VariantMatcher } from '../quality/keyVariantMatcher.js';
import type { McqWording } from './McqWording.js';

/** What every question generator needs besides the document. */
export interface GeneratorContext {
  document: StudyDocument;
  wording: McqWording;
  /** Candidates turned away before they became drafts, with the gate rule that refused them. */
  log: QualityLog;
  /** Finds a key and its variants (particles, plural, case) in a text; cached per key. */
  matcher(key: string): VariantMatcher;
  /** Whether a word or CJK run is topic vocabulary of the whole document (no cue when shared). */
  isCommon(part: string): boolean;
  /**
   * Wrong options to look at first when `text` repeats part of `name`: those carrying that part
   * too, so the repetition cues nothing. Undefined when nothing is repeated.
   */
  echoPreference(name: string, text: string): ((candidate: string) => boolean) | undefined;
}

/** Why no question came out of a stem and key: the key written in the stem, or too few wrong options. */
export function whyNoChoice(ctx: GeneratorContext, key: string, stem: string): 'key-in-stem' | 'too-few-distractors' {
  return containsFolded(stem, key) || ctx.matcher(key.trim()).find(stem).length > 0 ? 'key-in-stem' : 'too-few-distractors';
}
