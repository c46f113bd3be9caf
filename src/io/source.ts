/**
 * Shared pieces of the input readers: where input comes from, what a reader
 * returns, and the error thrown when a whole file cannot be read.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { CaseRecord } from '../engine/case';
import type { DataProblem } from '../engine/problems';
import { TimescalesInputError } from '../errors';

/** Where a reader takes its input from: a file path, or text already in memory. */
export type InputSource = { path: string } | { text: string; name?: string };

/** The row counts of a read. Always `rowsRead === rowsUsed + rowsReported`. */
export interface ReadCounts {
  /** Data rows (CSV records after the header, or non-blank NDJSON lines). Blank lines are not rows. */
  rowsRead: number;
  /** Rows that became (part of) a case record. A row with only warnings is used. */
  rowsUsed: number;
  /** Rows that were not used; each has at least one `error` problem. */
  rowsReported: number;
}

/** What a non-streaming reader returns. */
export interface ReadResult extends ReadCounts {
  /** Cases in order of first appearance. */
  cases: CaseRecord[];
  /** Every problem found, in input order. */
  problems: DataProblem[];
}

/**
 * One item of a streaming read: a case with the problems found while reading
 * it. `case` is `undefined` only for a last item that carries problems of rows
 * that belonged to no case (e.g. a file where no row could be used).
 */
export interface CaseChunk {
  case: CaseRecord | undefined;
  problems: DataProblem[];
}

/**
 * A streaming read: iterate it once with `for await`; `counts` is live while
 * iterating and final when the iteration has finished.
 */
export interface CaseStream extends AsyncIterable<CaseChunk> {
  readonly counts: Readonly<ReadCounts>;
}

/**
 * The error thrown when a whole input file cannot be read (missing, empty,
 * bad header). It is a `TimescalesInputError`, with the file (and line and
 * column where known) and a message that starts with the file name.
 */
export class InputFileError extends TimescalesInputError {
  constructor(
    readonly file: string,
    field: string,
    value: unknown,
    expected: string,
    message: string,
    readonly line?: number,
    readonly column?: string | number,
  ) {
    super(field, value, expected);
    this.message = message;
  }
}

/**
 * The name used for `input` in problems and errors: the path as given, or the
 * text's `name` (default `input`).
 * @example sourceName({ path: 'events.csv' }) // 'events.csv'
 * @example sourceName({ text: 'a,b' }) // 'input'
 */
export function sourceName(input: InputSource): string {
  return 'path' in input ? input.path : (input.name ?? 'input');
}

/**
 * Opens `input` as a byte stream. Errors of a file stream are Node errors
 * (e.g. ENOENT); turn them into an `InputFileError` with `fileOpenError`.
 * @example openSource({ text: 'case_id,event,date\n' }).pipe(parser)
 */
export function openSource(input: InputSource): Readable {
  if ('path' in input) return createReadStream(input.path, { highWaterMark: 256 * 1024 });
  return Readable.from([Buffer.from(input.text, 'utf8')], { objectMode: false });
}

/**
 * The `InputFileError` for a file that could not be opened or read.
 * @example fileOpenError('x.csv', enoent).message // 'x.csv: cannot read the file (no such file or directory)'
 */
export function fileOpenError(path: string, err: NodeJS.ErrnoException): InputFileError {
  if (err instanceof InputFileError) return err;
  const why =
    err.code === 'ENOENT'
      ? 'no such file or directory'
      : err.code === 'EISDIR'
        ? 'it is a directory'
        : err.code === 'EACCES'
          ? 'permission denied'
          : err.message;
  return new InputFileError(path, 'file', path, 'a readable file', `${path}: cannot read the file (${why})`);
}

/**
 * Shortens a value for a problem report (long cells are cut at 200 characters).
 * @example clip('x'.repeat(300)).length // 201 (200 characters and an ellipsis)
 */
export function clip(value: string, max = 200): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
