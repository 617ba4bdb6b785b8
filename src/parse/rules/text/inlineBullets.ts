import { INLINE_BULLETS } from '../../splitRunOn.js';
import { looksLikeTerm } from '../../matchDefinition.js';
import { stripInline } from '../../stripInline.js';
import type { TextRule } from '../Rule.js';

/** `Notion de meilleur client : - achète souvent - Régulier - Progression du ticket moyen`: an outline a paste ran into one line. */
export const inlineBullets: TextRule = {
  name: 'inline-bullets',
  stage: 'text',
  apply(run, i) {
    const m = INLINE_BULLETS.exec(run.text(i));
    if (!m || !looksLikeTerm(stripInline(m[1]))) return 0;
    const items = m[2].split(/\s+[-–•]\s+/).map((t) => t.trim()).filter((t) => stripInline(t));
    if (items.length < 2) return 0;
    const source = run.lines[i].source;
    run.builder.addOutline({ label: m[1].trim(), children: items.map((label) => ({ label, children: [], source })), source });
    run.found = true;
    return 1;
  },
};
