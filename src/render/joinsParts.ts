import type { Renderer } from './Renderer.js';

/** The renderer builds its course output incrementally, from per-file parts (`coursePart` + `joinCourse`). */
export function joinsParts(renderer: Renderer): boolean {
  return typeof renderer.coursePart === 'function' && typeof renderer.joinCourse === 'function';
}
