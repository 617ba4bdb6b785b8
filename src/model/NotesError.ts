/** A problem with one notes file that stops it from being processed; carries where it happened. */
export class NotesError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly code: string;

  constructor(code: string, file: string, message: string, line?: number, column?: number) {
    super(message);
    this.name = 'NotesError';
    this.code = code;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** `file:line:col: message`, the shape editors and CI annotate. */
  format(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}${this.column ? `:${this.column}` : ''}`;
    return `${where}: ${this.message}`;
  }
}
