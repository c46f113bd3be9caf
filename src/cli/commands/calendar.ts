/** `timescales add` and `timescales between`: the working-day calendar from the shell. */
import { Command, Option } from 'commander';
import { addCalendarOptions, calendarFrom, type CommandContext, type CommonOptions } from '../common';

export function registerCalendarCommands(program: Command, { io, print }: CommandContext): void {
  addCalendarOptions(
    program
      .command('add')
      .description('add a duration to a date: 20wd (working days), -3wd, 14d, 2w, 3m, 1y, 24h (hours take a date-time)')
      .argument('<date>', 'ISO date YYYY-MM-DD (or date-time YYYY-MM-DDTHH:mm for hours)')
      .argument('<duration>', 'e.g. 20wd, -3wd, 14d, 2w, 3m, 1y, 24h'),
  )
    .addOption(new Option('--roll <direction>', 'move a calendar-day result off a non-working day').choices(['none', 'forward', 'backward']).default('none'))
    .option('--count-start-day', 'count the start day as day 1 (working days)')
    .option('--explain', 'print how the date was reached')
    .addHelpText('after', '\nExamples:\n  timescales add 2024-03-27 20wd            # 2024-04-26\n  timescales add 2024-01-31 1m              # 2024-02-29\n  timescales add 2024-03-30T12:00 24h       # 2024-03-31T13:00 (clocks went forward)\n  timescales add 2024-12-20 5wd --calendar scotland --explain')
    .action((date: string, duration: string, o: CommonOptions & { roll: 'none' | 'forward' | 'backward'; explain?: boolean }) => {
      const r = calendarFrom(o).addDetailed(date, duration, { roll: o.roll });
      print(r.date);
      if (o.explain) for (const line of r.trace) io.stderr.write(`  ${line}\n`);
    });

  addCalendarOptions(
    program
      .command('between')
      .description('working days after <start> up to and including <end> (negative when <end> is before <start>)')
      .argument('<start>', 'ISO date')
      .argument('<end>', 'ISO date'),
  )
    .addHelpText('after', '\nExamples:\n  timescales between 2024-03-27 2024-04-03   # 3 (Good Friday and Easter Monday skipped)\n  timescales between 2024-04-03 2024-03-27   # -3')
    .action((start: string, end: string, o: CommonOptions) => {
      print(String(calendarFrom(o).workingDaysBetween(start, end)));
    });
}
