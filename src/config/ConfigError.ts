/** A configuration file that cannot be used; lists every problem found, each naming the key. */
export class ConfigError extends Error {
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(problems.length === 1 ? `${file}: ${problems[0]}` : `${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}
