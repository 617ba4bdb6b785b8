import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NotesError } from '../model/NotesError.js';
import { toDiagnostic, type Diagnostic } from '../model/Diagnostic.js';
import { toModelJson } from '../model/toModelJson.js';
import { readNotesFile } from '../pipeline/readNotesFile.js';
import { readStandardInput, STDIN_DISPLAY } from '../pipeline/readStandardInput.js';
import { formatOutline } from '../views/formatOutline.js';
import { terminalDiagnostic, terminalText } from '../views/terminalText.js';
import { checkLanguage, maxBytes } from './resolveBuildOptions.js';
import { EXIT, type InspectCommand, type RunIO, type RunResult } from './RunOptions.js';

/** `revise inspect`: one notes file through the same reader as a build, shown as an outline or the model's JSON. */
export async function runInspect(command: InspectCommand, io: RunIO): Promise<RunResult> {
  const cwd = command.cwd ?? process.cwd();
  const display = command.file === '-' ? STDIN_DISPLAY : command.file;
  const warnings: Diagnostic[] = [];
  const language = checkLanguage(command.lang, '--lang', warnings);
  const print = (d: Diagnostic) => io.stderr(`${terminalDiagnostic(d)}\n`);
  try {
    let bytes: Uint8Array;
    if (command.file === '-') {
      bytes = await readStandardInput(maxBytes(command.maxSize), io.readStdin);
    } else {
      const absolute = resolve(cwd, command.file);
      const info = await stat(absolute).catch(() => null);
      if (info?.isDirectory()) {
        io.stderr(`revise: ${terminalText(display, { oneLine: true })}: is a folder; inspect reads one notes file (use \`revise build ${terminalText(display, { oneLine: true })}\` for a folder)\n`);
        return { code: EXIT.usage };
      }
      bytes = await readNotesFile(absolute, display, maxBytes(command.maxSize));
    }
    const name = command.file === '-' ? 'stdin.md' : command.file.split(/[\\/]/).pop() ?? command.file;
    const { readNotes } = await import('../parse/readNotes.js');
    const { document, messages } = await readNotes(bytes, { file: name, display, language, keepBoilerplate: command.keepBoilerplate });
    io.stdout(command.json ? toModelJson(document) : terminalText(formatOutline(document)));
    if (!command.quiet) for (const m of [...warnings, ...messages.map((m) => ({ ...m, file: display }))]) print(m);
    return { code: EXIT.ok, document };
  } catch (error) {
    if (error instanceof NotesError) {
      const d = toDiagnostic(error);
      io.stderr(`revise: ${terminalDiagnostic(d).replace(/: error: /, ': ').replace(/ \[[^\]]+\]$/, '')}\n`);
      return { code: EXIT.failed };
    }
    throw error;
  }
}
