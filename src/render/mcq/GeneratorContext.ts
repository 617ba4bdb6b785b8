import type { StudyDocument } from '../../model/StudyDocument.js';
import type { McqWording } from './McqWording.js';

/** What every question generator needs besides the document. */
export interface GeneratorContext {
  document: StudyDocument;
  wording: McqWording;
}
