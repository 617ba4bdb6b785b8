import type { NotesError } from './NotesError.js';

/** A message about one file, vfile-message style: where, how bad, what, and which rule said so. */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  ruleId: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file;
  if (d.line !== undefined) where += `:${d.line}`;
  if (d.line !== undefined && d.column !== undefined) where += `:${d.column}`;
  return `${where}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}

export function toDiagnostic(error: NotesError): Diagnostic {
  const d: Diagnostic = { file: error.file, severity: 'error', message: error.message, ruleId: error.code };
  if (error.line !== undefined) d.line = error.line;
  if (error.column !== undefined) d.column = error.column;
  return d;
}
