import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NotesError } from '../model/NotesError.js';
import { toDiagnostic, type Diagnostic } from '../model/Diagnostic.js';
import { readNotesFile } from '../pipeline/readNotesFile.js';
import { count } from '../views/count.js';
import { terminalDiagnostic, terminalText } from '../views/terminalText.js';
import { checkLanguage, maxBytes } from './resolveBuildOptions.js';
import { EXIT, type CheckCommand, type RunIO, type RunResult } from './RunOptions.js';

/**
 * `revise check`: reads each notes file, runs the question and card gates over it and prints every
 * finding as `file:line: rule: message`. Exit 1 when a finding fails (or a file cannot be read),
 * else 0; --verbose also prints what the generators left out on their own (one question per group…).
 */
export async function runCheck(command: CheckCommand, io: RunIO): Promise<RunResult> {
  const cwd = command.cwd ?? process.cwd();
  if (command.files.length === 0) {
    io.stderr('revise: check needs at least one notes file\n');
    return { code: EXIT.usage };
  }
  const templates = command.templates ? resolve(cwd, command.templates) : null;
  if (templates && !(await stat(templates).then((s) => s.isDirectory(), () => false))) {
    io.stderr(`revise: templates folder ${terminalText(templates, { oneLine: true })} does not exist\n`);
    return { code: EXIT.usage };
  }
  const warnings: Diagnostic[] = [];
  const language = checkLanguage(command.lang, '--lang', warnings);
  if (!command.quiet) for (const w of warnings) io.stderr(`${terminalDiagnostic(w)}\n`);
  const { readNotes } = await import('../parse/readNotes.js');
  const { checkDocument } = await import('../render/checkDocument.js');
  let failing = 0;
  let unreadable = 0;
  for (const file of command.files) {
    try {
      const info = await stat(resolve(cwd, file)).catch(() => null);
      if (info?.isDirectory()) throw new NotesError('EISDIR', file, 'is a folder; check reads notes files');
      const bytes = await readNotesFile(resolve(cwd, file), file, maxBytes(command.maxSize));
      const { document } = await readNotes(bytes, { file: file.split(/[\\/]/).pop() ?? file, display: file, language, keepBoilerplate: command.keepBoilerplate });
      for (const f of checkDocument(document, templates)) {
        if (!f.fails && !command.verbose) continue;
        if (f.fails) failing++;
        const line = `${file}${f.line === undefined ? '' : `:${f.line}`}: ${f.rule}: ${f.message}${f.fails ? '' : ' (not a failure)'}`;
        io.stdout(`${terminalText(line, { oneLine: true })}\n`);
      }
    } catch (error) {
      if (!(error instanceof NotesError)) throw error;
      unreadable++;
      io.stderr(`revise: ${terminalDiagnostic(toDiagnostic(error)).replace(/: error: /, ': ').replace(/ \[[^\]]+\]$/, '')}\n`);
    }
  }
  if (!command.quiet) io.stderr(`revise: checked ${count(command.files.length, 'file')}: ${count(failing, 'finding')}${unreadable ? `, ${unreadable} unreadable` : ''}\n`);
  return { code: failing > 0 || unreadable > 0 ? EXIT.failed : EXIT.ok };
}
