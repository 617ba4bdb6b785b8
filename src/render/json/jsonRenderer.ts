import { toModelJson } from '../../model/toModelJson.js';
import type { Renderer } from '../Renderer.js';

/** The study model itself, exactly as `revise inspect --json` prints it. */
export const jsonRenderer: Renderer = {
  name: 'json',
  extension: '.json',
  binary: false,
  description: 'the study model as JSON (same as `revise inspect --json`)',
  render: (document) => toModelJson(document),
};
