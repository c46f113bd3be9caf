/**
 * What the commands of `timescales` share: where they write, usage errors,
 * the calendar and format options, and the plain record writer.
 */
import type { Writable } from 'node:stream';
import { accessSync, constants, createWriteStream, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { csvRow, neutraliseCell, UTF8_BOM } from '../io/write';
import { renderTable } from './table';
import { OutputError, systemReason, type CliIO } from './context';

export { OutputError, systemReason, UsageError, type CliIO, type CommandContext } from './context';
export { addCalendarOptions, calendarFrom, type CommonOptions } from './calendar-options';

export type Format = 'table' | 'csv' | 'json' | 'ndjson' | 'html' | 'ics';


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
