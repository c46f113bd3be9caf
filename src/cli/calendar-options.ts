/** The calendar options of the commands (`--calendar`, `--closures`, `--holidays`) and the calendar they make. */
import { Option, type Command } from 'commander';
import { createCalendar, REGIONS, type Calendar } from '../calendar/index';
import { readCalendarFiles } from '../io/calendar-files';

export interface CommonOptions {
  calendar?: string;
  closures?: string;
  holidays?: string;
  countStartDay?: boolean;
}

export function calendarFrom(o: CommonOptions): Calendar {
  const files = readCalendarFiles({ ...(o.closures ? { closures: o.closures } : {}), ...(o.holidays ? { holidays: o.holidays } : {}) });
  return createCalendar({
    ...(o.calendar ? { region: o.calendar as (typeof REGIONS)[number] } : {}),
    ...files,
    ...(o.countStartDay ? { countStartDay: true } : {}),
  });
}

export function addCalendarOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--calendar <region>', 'whose bank holidays').choices([...REGIONS]).default('england-and-wales'))
    .option('--closures <file>', 'local non-working days, one ISO date a line (# comments allowed)')
    .option('--holidays <file>', 'bank holidays in the gov.uk bank-holidays.json shape (replaces the bundled list for the years it covers)');
}
