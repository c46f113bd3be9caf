/** `timescales add` and `timescales between`: the working-day calendar from the shell. */
import { Command, Option } from 'commander';
import { readInputDate, type InputDateFormat } from '../../io/dates';
import { addCalendarOptions, calendarFrom, type CommonOptions } from '../calendar-options';
import { UsageError, type CommandContext } from '../context';

/** The `--date-format` of `add` and `between`: how their dates are written in and out. */
function dateFormatOption(): Option {
  return new Option('--date-format <format>', 'how dates are written, in and out').choices(['iso', 'dd/mm/yyyy']).default('iso');
}

/**
 * A date argument as ISO, or a usage error with the same hint as the audit's
 * (`it looks like a UK date DD/MM/YYYY; use --date-format dd/mm/yyyy`).
 */
function dateArgument(name: string, text: string, format: InputDateFormat, time = true): string {
  const read = readInputDate(text, format, { time });
  if (read.ok) return read.date;
  throw new UsageError(`${name}: ${JSON.stringify(text)} is not a valid date${read.why ? ` (${read.why})` : ''}: expected ${read.expected}`);
}

/** An ISO date (or date-time) written as `--date-format` asks: `2024-04-03` → `03/04/2024`, `2024-03-31T13:00` → `31/03/2024 13:00`. */
function dateOut(iso: string, format: InputDateFormat): string {
  if (format === 'iso') return iso;
  const rest = iso.length > 10 ? ` ${iso.slice(11)}` : '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}${rest}`;
}

export function registerCalendarCommands(program: Command, { io, print }: CommandContext): void {
  addCalendarOptions(
    program
      .command('add')
      .description('add a duration to a date: 20wd (working days), -3wd, 14d, 2w, 3m, 1y, 24h (hours take a date-time)')
      .argument('<date>', 'ISO date YYYY-MM-DD (or date-time YYYY-MM-DDTHH:mm for hours; DD/MM/YYYY with --date-format dd/mm/yyyy)')
      .argument('<duration>', 'e.g. 20wd, -3wd, 14d, 2w, 3m, 1y, 24h'),
  )
    .addOption(new Option('--roll <direction>', 'move a calendar-day result off a non-working day').choices(['none', 'forward', 'backward']).default('none'))
    .option('--count-start-day', 'count the start day as day 1 (working days)')
    .option('--explain', 'print how the date was reached')
    .addOption(dateFormatOption())
    .addHelpText('after', '\nExamples:\n  timescales add 2024-03-27 20wd            # 2024-04-26\n  timescales add 2024-01-31 1m              # 2024-02-29\n  timescales add 2024-03-30T12:00 24h       # 2024-03-31T13:00 (clocks went forward)\n  timescales add 2024-12-20 5wd --calendar scotland --explain')
    .action((date: string, duration: string, o: CommonOptions & { roll: 'none' | 'forward' | 'backward'; explain?: boolean; dateFormat: InputDateFormat }) => {
      const r = calendarFrom(o).addDetailed(dateArgument('date', date, o.dateFormat), duration, { roll: o.roll });
      print(dateOut(r.date, o.dateFormat));
      if (o.explain) for (const line of r.trace) io.stderr.write(`  ${line}\n`);
    });

  addCalendarOptions(
    program
      .command('between')
      .description('working days after <start> up to and including <end> (negative when <end> is before <start>)')
      .argument('<start>', 'ISO date (or DD/MM/YYYY with --date-format dd/mm/yyyy)')
      .argument('<end>', 'ISO date (or DD/MM/YYYY with --date-format dd/mm/yyyy)'),
  )
    .addHelpText('after', '\nExamples:\n  timescales between 2024-03-27 2024-04-03   # 3 (Good Friday and Easter Monday skipped)\n  timescales between 2024-04-03 2024-03-27   # -3')
    .addOption(dateFormatOption())
    .action((start: string, end: string, o: CommonOptions & { dateFormat: InputDateFormat }) => {
      print(String(calendarFrom(o).workingDaysBetween(dateArgument('start', start, o.dateFormat, false), dateArgument('end', end, o.dateFormat, false))));
    });
}
