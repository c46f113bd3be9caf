/**
 * What the commands of `timescales` share: where they write, usage errors,
 * the calendar and format options, and the plain record writer.
 */
import type { Writable } from 'node:stream';
import { accessSync, constants, createWriteStream, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { createCalendar, REGIONS, type Calendar } from '../calendar/index';
import { readCalendarFiles } from '../io/calendar-files';
import { csvRow, neutraliseCell, UTF8_BOM } from '../io/write';
import { renderTable } from './table';

export type Format = 'table' | 'csv' | 'json' | 'ndjson' | 'html' | 'ics';

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

/** An output that cannot be written: stdout, `--out` or `--problems` (exit 3, one line naming the path and the system's reason). */
export class OutputError extends Error {}

/** The system's reason for a failed write or open, in words. */
export function systemReason(err: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such directory',
    EISDIR: 'it is a directory',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is not a directory',
  };
  return (err.code && words[err.code]) ?? err.message;
}

/**
 * Checks, before anything is read or written, that `path` can be written: not
 * a directory, in a directory that exists and may be written.
 * @throws OutputError naming the option, the path and the reason.
 */
export function checkOutputPath(path: string, option: string): void {
  try {
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw Object.assign(new Error('it is a directory'), { code: 'EISDIR' });
      accessSync(path, constants.W_OK);
    } else accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (e) {
    throw new OutputError(`${option} ${path}: cannot write there (${systemReason(e as NodeJS.ErrnoException)})`);
  }
}

/**
 * A file to write to, checked first; a write that fails later is kept and
 * thrown as an `OutputError` by `close`.
 */
export function openOutput(path: string, option: string): { stream: Writable; close(): Promise<void> } {
  checkOutputPath(path, option);
  const stream = createWriteStream(path);
  let failed: NodeJS.ErrnoException | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    failed ??= e;
    // A writer awaiting this stream rejects with the same error: main() reports it as this output's.
    (e as NodeJS.ErrnoException & { output?: string }).output = `${option} ${path}`;
  });
  return {
    stream,
    close: () =>
      new Promise<void>((res, rej) => {
        const done = () => (failed ? rej(new OutputError(`${option} ${path}: cannot write (${systemReason(failed)})`)) : res());
        if (failed || stream.destroyed || stream.writableFinished) done();
        else stream.end(() => done());
        stream.once('error', done);
      }),
  };
}

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

/** The --format option: table, csv, json, ndjson and the command's own extra formats. */
export function formatOption(extra: readonly Format[] = []): Option {
  return new Option('--format <format>', 'output format (default: table on a terminal, csv otherwise)').choices(['table', 'csv', 'json', 'ndjson', ...extra]);
}

export function chosenFormat(f: string | undefined, out: { isTTY?: boolean }): Format {
  return (f as Format | undefined) ?? (out.isTTY ? 'table' : 'csv');
}

/**
 * Progress on a terminal only (stderr a TTY), after the first second, at most
 * four times a second; `n === -1` clears the line. stdout is never touched.
 */
export function progressReporter(stderr: CliIO['stderr'], total: number, started: number, what = 'evaluated'): (n: number) => void {
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
    stderr.write(`\r  ${what} ${n.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} cases…`);
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
