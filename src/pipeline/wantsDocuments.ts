import { joinsParts } from '../render/joinsParts.js';
import type { Renderer } from '../render/Renderer.js';

/** A renderer that builds its course output from whole documents rather than from cached parts. */
export function wantsDocuments(renderer: Renderer): boolean {
  return typeof renderer.renderCourse === 'function' && !joinsParts(renderer);
}
