import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { terminalText } from '../views/terminalText.js';
import { DEFAULT_FILE_TIMEOUT_MS } from '../pipeline/BuildOptions.js';
import { EXIT, processIO, run, type RunIO, type RunOptions } from '../run.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function parseList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function parseMiB(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of MiB');
  return n;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of threads, 1 or more');
  return n;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of seconds (0 for no limit)');
  return n;
}

function parseLang(value: string): string {
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/i.test(value)) throw new InvalidArgumentError('expected a language code such as fr, en or zh');
  return value.toLowerCase();
}

/**
 * Builds the commander program; each action stores the options it parsed for `main` to run.
 * `formats` lists the formats in the help text; without it the help only says "all", so that a
 * build does not have to import every renderer just to describe them.
 */
export function createProgram(onRun: (options: RunOptions) => void, io: RunIO = processIO, formats?: string[], others: string[] = []): Command {
  const formatHelp = (formats ? `default: all of ${formats.join(', ')}` : 'default: all') + (others.length ? `; on request: ${others.join(', ')}` : '');
  const program = new Command('revise')
    .description('Turn course notes (Markdown or pasted text) into study materials.')
    .version(pkg.version, '-V, --version')
    .showHelpAfterError('(run `revise --help` for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  const common = (cmd: Command) =>
    cmd
      .addOption(new Option('--lang <code>', 'language of the notes (fr, en, zh…), instead of detecting it').argParser(parseLang))
      .option('--keep-boilerplate', 'keep lines that look like site boilerplate in pasted text')
      .addOption(new Option('--max-size <MiB>', 'largest notes file to accept (default: 16)').argParser(parseMiB))
      .option('-q, --quiet', 'print errors only')
      .option('-v, --verbose', 'print every output written, and stack traces for internal errors');

  const build = common(
    program
      .command('build')
      .description('build study materials from notes files, folders, or - for standard input')
      .argument('<paths...>', 'notes files (.md, .markdown, .txt), folders, or -')
      .option('-o, --out <dir>', 'output folder (default: "out" in the config, else output)')
      .addOption(new Option('-f, --format <list>', `comma-separated formats (${formatHelp})`).argParser(parseList))
      .option('--templates <dir>', 'folder of templates that override the built-in ones')
      .option('--deck-name <name>', 'name of the course outputs of a folder build (default: the folder name)')
      .option('-c, --config <file>', 'use this configuration file instead of searching for one')
      .option('--no-config', 'use no configuration file')
      .option('--force', 'rebuild every file, even unchanged ones')
      .addOption(new Option('-j, --jobs <n>', 'worker threads (default: one per core)').argParser(parseJobs))
      .addOption(new Option('--timeout <seconds>', `time budget per notes file; a file over it fails, the others go on (default: ${DEFAULT_FILE_TIMEOUT_MS / 1000}, 0: none)`).argParser(parseSeconds))
      .option('--allow-plugins', 'load renderer plugins named by a configuration inside the folder being built (plugins run code)')
      .option('--no-plugins', 'load no renderer plugin, whatever the configuration says')
      .option('-w, --watch', 'keep running and rebuild what changes')
      .option('--json', 'print the build report as JSON on stdout'),
  ).action((paths: string[], opts: Record<string, unknown>) => {
    onRun({
      command: 'build',
      paths,
      out: opts.out as string | undefined,
      formats: opts.format as string[] | undefined,
      templates: opts.templates as string | undefined,
      deckName: opts.deckName as string | undefined,
      config: opts.config as string | false | undefined,
      force: Boolean(opts.force),
      jobs: opts.jobs as number | undefined,
      timeout: opts.timeout as number | undefined,
      allowPlugins: Boolean(opts.allowPlugins),
      plugins: opts.plugins as boolean,
      watch: Boolean(opts.watch),
      json: Boolean(opts.json),
      lang: opts.lang as string | undefined,
      keepBoilerplate: Boolean(opts.keepBoilerplate),
      maxSize: opts.maxSize as number | undefined,
      quiet: Boolean(opts.quiet),
      verbose: Boolean(opts.verbose),
    });
  });

  common(
    program
      .command('inspect')
      .description('show what revise extracts from one notes file')
      .argument('<file>', 'a notes file, or - for standard input')
      .option('--json', 'print the study model as JSON'),
  ).action((file: string, opts: Record<string, unknown>) => {
    onRun({
      command: 'inspect',
      file,
      json: Boolean(opts.json),
      lang: opts.lang as string | undefined,
      keepBoilerplate: Boolean(opts.keepBoilerplate),
      maxSize: opts.maxSize as number,
      quiet: Boolean(opts.quiet),
      verbose: Boolean(opts.verbose),
    });
  });
  common(
    program
      .command('check')
      .description('print what the quality gates refuse in questions and cards, as file:line: rule: message (exit 1 if any)')
      .argument('<files...>', 'notes files (.md, .markdown, .txt)')
      .option('--templates <dir>', 'folder of templates (and question rules) that override the built-in ones'),
  ).action((files: string[], opts: Record<string, unknown>) => {
    onRun({
      command: 'check',
      files,
      templates: opts.templates as string | undefined,
      lang: opts.lang as string | undefined,
      keepBoilerplate: Boolean(opts.keepBoilerplate),
      maxSize: opts.maxSize as number | undefined,
      quiet: Boolean(opts.quiet),
      verbose: Boolean(opts.verbose),
    });
  });
  // The top-level help lists build's options too: `revise --help` is where a newcomer looks first.
  program.addHelpText('after', () => {
    const help = build.createHelp();
    const options = help.visibleOptions(build).filter((o) => o.long !== '--help');
    const width = Math.max(...options.map((o) => help.optionTerm(o).length));
    const lines = options.map((o) => `  ${help.optionTerm(o).padEnd(width)}  ${help.optionDescription(o)}`);
    return `\nOptions of \`revise build\` (inspect takes --lang, --keep-boilerplate, --max-size, --json, -q, -v):\n${lines.join('\n')}\n${EXAMPLES}`;
  });
  return program;
}

const EXAMPLES = `
Examples:
  $ revise build notes.md                 build every format for one file into output/
  $ revise build course/ --out dist       build a whole folder, mirroring its tree
  $ revise build course/ --watch          rebuild what changes until Ctrl-C
  $ revise build course/ --json           machine-readable report on stdout
  $ revise build notes.md --format json   only the study model as JSON
  $ pbpaste | revise build - --lang fr    notes from standard input
  $ revise inspect notes.md               what revise found, with line numbers
  $ revise inspect notes.md --json        the study model (see README, "The inspect JSON")
  $ revise check notes.md                 what the quality gates refuse, as file:line: rule: message

Settings also come from the nearest revise.config.json, .reviserc* or package.json "revise" field
(see docs/config.md); flags override them. Renderer plugins named there run code: one found inside
the folder being built is loaded only with --allow-plugins. Unchanged files are skipped (cache in
<out>/.revise-cache).

Exit codes: 0 all built, 1 some files failed (the others were built), 2 usage or configuration error,
70 a bug in revise (check: 1 when a finding fails).`;

/** Entry point used by bin/revise.js; returns the exit code. */
export async function main(argv: string[], io: RunIO = processIO): Promise<number> {
  const parsed: { options?: RunOptions } = {};
  const wantsHelp = argv.slice(2).some((a) => a === '-h' || a === '--help' || a === 'help') || argv.length <= 2;
  const registry = wantsHelp ? (await import('../render/registry.js')).createDefaultRegistry() : null;
  const formats = registry ? registry.select(undefined).map((r) => r.name) : undefined;
  const others = registry ? registry.all().filter((r) => r.optional).map((r) => r.name) : [];
  const program = createProgram((o) => (parsed.options = o), io, formats, others);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw error;
  }
  const chosen = parsed.options;
  if (!chosen) return EXIT.usage;
  if (chosen.command === 'build' && chosen.watch && !chosen.signal) {
    // Ctrl-C ends watching; the last build's exit code becomes the process's.
    const controller = new AbortController();
    process.once('SIGINT', () => {
      // Said at once: the interrupt handler that removes temporary files may end the process right after.
      if (!chosen.quiet && !chosen.json) io.stderr('\nrevise: stopped watching\n');
      controller.abort();
    });
    chosen.signal = controller.signal;
  }
  try {
    return (await run(chosen, io)).code;
  } catch (error) {
    io.stderr(`revise: internal error: ${terminalText(String((error as Error)?.message ?? error))}\n`);
    if (chosen.verbose) io.stderr(`${(error as Error).stack}\n`);
    else io.stderr('(run again with --verbose for the stack trace, and please report it)\n');
    return EXIT.internal;
  }
}
