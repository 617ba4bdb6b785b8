import type { Renderer } from '../Renderer.js';

/**
 * The revision sheet: `notes.md` → `notes.pdf`, laid out from the handlebars template
 * templates/pdf/sheet.hbs. pdf-lib, fontkit and the layout engine load on first use only, so other
 * formats and `revise inspect` do not pay for them.
 */
export const pdfRenderer: Renderer = {
  name: 'pdf',
  extension: '.pdf',
  binary: true,
  description: 'a printable revision sheet (PDF) laid out from templates/pdf/sheet.hbs',
  render: async (document, context) => (await import('./renderSheet.js')).renderSheet(document, context),
};
