/**
 * The `timescales` command: argument parsing and wiring only. Each command
 * lives in its own module under `commands/`; reading and writing files is
 * io's job; evaluating is the library's.
 *
 * Exit codes: 0 success (breaches found is still success); 1 the input had
 * rows it could not use (listed on stderr, the usable rows still evaluated
 * and written); 2 usage error; 3 an output could not be written (stdout,
 * `--out`, `--problems`: one line naming it and the system's reason).
 */
import { Command, CommanderError } from 'commander';
import { TimescalesInputError } from '../errors';
import { forTerminal } from './table';
import { OutputError, systemReason, UsageError, type CliIO, type CommandContext } from './context';

export type { CliIO } from './context';

const VERSION = '0.1.0';

type Register = (program: Command, context: CommandContext) => void;

/**
 * The command modules, in the order `timescales --help` lists them, loaded on
 * demand: `timescales add …` loads only the calendar commands, not the library's
 * procedures, readers and writers (start-up time, issue 14).
 */
const COMMAND_MODULES: Array<{ names: string[]; load: () => Promise<Register> }> = [
  { names: ['add', 'between'], load: async () => (await import('./commands/calendar')).registerCalendarCommands },
  { names: ['procedures', 'rules'], load: async () => (await import('./commands/procedures')).registerProcedureCommands },
  { names: ['audit'], load: async () => (await import('./commands/audit')).registerAuditCommand },
  { names: ['due'], load: async () => (await import('./commands/due')).registerDueCommand },
  { names: ['test'], load: async () => (await import('./commands/test')).registerTestCommand },
  { names: ['explain'], load: async () => (await import('./commands/explain')).registerExplainCommand },
];

/**
 * The program for `argv`: when its first word names a command, only that
 * command's module is registered (its parsing, help and errors are its own);
 * anything else (`--help`, `help add`, `--version`, a mistyped command, nothing)
 * registers every command, so the listing and suggestions are complete.
 */
export async function buildProgram(io: CliIO, argv: string[] = []): Promise<{ program: Command; exitCode: () => number }> {
  const named = COMMAND_MODULES.find((m) => argv[0] !== undefined && m.names.includes(argv[0]));
  const registers = await Promise.all((named ? [named] : COMMAND_MODULES).map((m) => m.load()));
  let exitCode = 0;
  const context: CommandContext = {
    io,
    print: (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = new Command('timescales')
    .description("Statutory and local timescales of English children's social care: due dates, breaches and timeliness audits.")
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  timescales add 2024-03-27 20wd',
        '  timescales between 2024-03-27 2024-04-03',
        '  timescales rules lac-review',
        '  timescales audit --procedure lac-review --as-of 2024-06-30 events.csv',
        '  timescales due --procedure lac-review --as-of 2024-06-30 events.csv',
        '',
        'Run `timescales <command> --help` for the options and examples of a command.',
      ].join('\n'),
    );

  for (const register of registers) register(program, context);
  return { program, exitCode: () => exitCode };
}

/**
 * `timescales add 2024-04-03 -3wd`: a negative duration looks like an option to
 * the parser, so it is moved behind `--`, where arguments are taken as they are.
 */
export function protectNegativeDurations(argv: string[]): string[] {
  if (argv[0] !== 'add' || argv.includes('--')) return argv;
  const i = argv.findIndex((a, k) => k > 0 && /^-\d+(wd|d|w|m|y|h)$/.test(a));
  return i === -1 ? argv : [...argv.slice(0, i), ...argv.slice(i + 1), '--', argv[i]!];
}

/** Runs the command; resolves to the exit code. Never throws: errors become messages (no stack traces). */
export async function main(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  argv = protectNegativeDurations(argv);
  try {
    const { program, exitCode } = await buildProgram(io, argv);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    const output = (err as { output?: unknown } | null)?.output;
    if (typeof output === 'string') {
      io.stderr.write(`timescales: ${forTerminal(output)}: cannot write (${systemReason(err as NodeJS.ErrnoException)})\n`);
      return 3;
    }
    if (err instanceof OutputError) {
      io.stderr.write(`timescales: ${forTerminal(err.message)}\n`);
      return 3;
    }
    if (err instanceof TimescalesInputError || err instanceof UsageError) {
      io.stderr.write(`timescales: ${forTerminal(err.message)}\n`);
      return 2;
    }
    io.stderr.write(`timescales: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

