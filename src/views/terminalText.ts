import { formatDiagnostic, type Diagnostic } from '../model/Diagnostic.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROL_OR_LINE_END = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

function escape(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * Text from notes, file names or configurations made safe to print on a terminal: control characters
 * (ESC above all, which starts escape sequences that recolour, move or rewrite what the user sees)
 * are shown as `\x1b`. Line ends are kept, or escaped too with `oneLine`.
 */
export function terminalText(text: string, { oneLine = false } = {}): string {
  return text.replace(oneLine ? CONTROL_OR_LINE_END : CONTROL, escape);
}

/** A diagnostic as one terminal line: `file:line:col: severity: message [rule]`. */
export function terminalDiagnostic(d: Diagnostic): string {
  return terminalText(formatDiagnostic(d), { oneLine: true });
}
