/**
 * What the commands of `timescales` share: where they write, usage errors,
 * the calendar and format options, and the plain record writer.
 */
import type { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { createCalendar, REGIONS, type Calendar } from '../index';
import { readCalendarFiles } from '../io/calendar-files';
import { csvRow, neutraliseCell, UTF8_BOM } from '../io/write';
import { renderTable } from './table';

export type Format = 'table' | 'csv' | 'json' | 'ndjson';

/** Where the command writes: process.stdout/stderr, or any writable stream (tests). */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

/** What a command module gets: where to write, and how to set the exit code. */
export interface CommandContext {
  io: CliIO;
  /** Writes a line to stdout. */
  print(text: string): void;
  setExitCode(code: number): void;
}

/** Usage problems the CLI finds itself (exit 2). */
export class UsageError extends Error {}

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

export function formatOption(): Option {
  return new Option('--format <format>', 'output format (default: table on a terminal, csv otherwise)').choices(['table', 'csv', 'json', 'ndjson']);
}

export function chosenFormat(f: string | undefined, out: { isTTY?: boolean }): Format {
  return (f as Format | undefined) ?? (out.isTTY ? 'table' : 'csv');
}

export function progressReporter(stderr: CliIO['stderr'], total: number, started: number): (n: number) => void {
  if (!stderr.isTTY) return () => {};
  let last = 0;
  let shown = false;
  return (n) => {
    const now = Date.now();
    if (n === -1) {
      if (shown) stderr.write('\r\x1b[K');
      return;
    }
    if (now - started < 1000 || now - last < 250) return;
    last = now;
    shown = true;
    stderr.write(`\r  evaluated ${n.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} cases…`);
  };
}

/** `--no-bom`: CSV output without the UTF-8 byte order mark (for pipelines). */
export function bomOption(): Option {
  return new Option('--no-bom', 'CSV output without the UTF-8 byte order mark Excel needs (for pipelines)');
}

export function writeRecords(out: Writable, format: Format, columns: string[], rows: Array<Record<string, string | number>>, bom = true): void {
  const text = (v: string | number | undefined) => (v === undefined ? '' : String(v));
  if (format === 'json') out.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (format === 'ndjson') for (const r of rows) out.write(`${JSON.stringify(r)}\n`);
  else if (format === 'csv') {
    out.write((bom ? UTF8_BOM : '') + csvRow(columns));
    for (const r of rows) out.write(csvRow(columns.map((c) => (typeof r[c] === 'number' ? text(r[c]) : neutraliseCell(text(r[c]))))));
  } else out.write(renderTable(columns, rows.map((r) => columns.map((c) => text(r[c])))));
}
