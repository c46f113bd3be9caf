/**
 * The `timescales` command: argument parsing and wiring only. Each command
 * lives in its own module under `commands/`; reading and writing files is
 * io's job; evaluating is the library's.
 *
 * Exit codes: 0 success (breaches found is still success); 1 the input had
 * rows it could not use (listed on stderr, the usable rows still evaluated
 * and written); 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { TimescalesInputError } from '../index';
import { registerAuditCommand } from './commands/audit';
import { registerCalendarCommands } from './commands/calendar';
import { registerExplainCommand } from './commands/explain';
import { registerProcedureCommands } from './commands/procedures';
import { registerTestCommand } from './commands/test';
import { forTerminal } from './table';
import { UsageError, type CliIO, type CommandContext } from './common';

export type { CliIO } from './common';

const VERSION = '0.1.0';

export function buildProgram(io: CliIO): { program: Command; exitCode: () => number } {
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
        '',
        'Run `timescales <command> --help` for the options and examples of a command.',
      ].join('\n'),
    );

  registerCalendarCommands(program, context);
  registerProcedureCommands(program, context);
  registerAuditCommand(program, context);
  registerTestCommand(program, context);
  registerExplainCommand(program, context);
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
  const { program, exitCode } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    if (err instanceof TimescalesInputError || err instanceof UsageError) {
      io.stderr.write(`timescales: ${forTerminal(err.message)}\n`);
      return 2;
    }
    io.stderr.write(`timescales: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

