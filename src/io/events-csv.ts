/**
 * Reader of the generic events CSV (docs/cli.md, "Generic events CSV"):
 *
 * ```
 * case_id,event,date,dob,stage,reviewDate
 * C1,became-looked-after,2024-03-01,2015-05-02,,
 * C1,lac-review,2024-03-27,,,
 * ```
 *
 * - A header row is required; `case_id`, `event` and `date` are required columns.
 *   Header names are trimmed of surrounding spaces and are case-sensitive. A blank,
 *   duplicated or reserved name (`type`, `__proto__`, `constructor`, `prototype`)
 *   is an error for the whole file.
 * - UTF-8 with or without BOM; LF, CRLF or CR line ends; RFC 4180 quoting (quoted
 *   fields may hold commas, quotes as `""`, and line breaks). A stray quote inside
 *   an unquoted field is kept as a literal character. A quote that is never closed
 *   swallows the rest of the file: that one record is reported (`unclosed-quote`).
 * - Blank lines (empty, or only spaces) are skipped; they are not rows.
 * - `dob` may be given on any row of a case (blank elsewhere). Rows of one case
 *   that give different dobs: each later differing row gets a `conflicting-dob`
 *   warning (the row is still used) and the case is returned without a date of
 *   birth, so that no age is computed from a doubtful value.
 * - Every other column is an event attribute: an empty cell is absent; the cells
 *   `true` and `false` (any letter case, e.g. Excel's `TRUE`) become booleans;
 *   every other cell stays a string exactly as written (numbers too: `2` is `"2"`).
 * - `date` is checked with `parseInputDate` (ISO by default, or `dd/mm/yyyy`), and may
 *   be a date-time for hour-based events; `dob` must be a date without a time.
 *   Data cells are not trimmed: a date with spaces around it is reported.
 * - A row with any error (blank required cell, impossible or wrongly formatted date,
 *   wrong number of cells) is not used, and is reported with file, line (of the
 *   physical line where the record starts), column, value and a code:
 *   `blank-cell`, `invalid-date`, `bad-row`, `unclosed-quote`.
 *   Always `rowsRead === rowsUsed + rowsReported`.
 */
import { parse } from 'csv-parse';
import type { CaseEvent, CaseRecord } from '../engine/case';
import type { DataProblem } from '../engine/problems';
import { nearest } from '../engine/events';
import { dateFailureHint, parseInputDate, type InputDateFormat } from './dates';
import {
  type CaseChunk,
  type CaseStream,
  clip,
  fileOpenError,
  InputFileError,
  type InputSource,
  openSource,
  type ReadCounts,
  type ReadResult,
  sourceName,
} from './source';

/** Options of the events CSV readers. */
export interface EventsCsvOptions {
  /** Format of the `date` and `dob` cells. Default `iso`. */
  dateFormat?: InputDateFormat;
  /**
   * The event names the procedure knows. When given, a row with another event
   * name is reported (with the nearest known name) and not used, so that the
   * row counts stay true: every row is used or reported.
   */
  knownEvents?: readonly string[];
}

/** The columns every events CSV must have. */
export const REQUIRED_EVENT_COLUMNS = ['case_id', 'event', 'date'] as const;

const RESERVED_COLUMNS = new Set(['type', '__proto__', 'constructor', 'prototype']);

/** Where each column of an events CSV is, worked out from its header row. */
export interface EventsCsvLayout {
  file: string;
  names: string[];
  caseId: number;
  event: number;
  date: number;
  /** Index of `dob`, or -1. */
  dob: number;
  /** Attribute columns: index and name. */
  attributes: { index: number; name: string }[];
}

/** The outcome of one data row: usable, or not used with its problems. */
export type EventsRow =
  | { ok: true; line: number; caseId: string; event: CaseEvent; dob: string | undefined }
  | { ok: false; line: number; caseId: string | undefined; problems: DataProblem[] };

/**
 * Works out the layout of an events CSV from its header cells, or throws an
 * `InputFileError` naming the file and what is wrong.
 * @example parseEventsHeader(['case_id', 'event', 'date', 'stage'], 'e.csv', 1).attributes
 * // [{ index: 3, name: 'stage' }]
 */
export function parseEventsHeader(cells: string[], file: string, line: number): EventsCsvLayout {
  const names = cells.map((c) => c.trim());
  const found = names.join(',');
  const at = `${file} line ${line}`;
  if (names.some((n) => n.includes('\u0000')) || cells[0]?.startsWith('\ufffd')) {
    throw new InputFileError(file, 'header', found, 'UTF-8 text', `${at}: the file is not UTF-8 text (it looks like UTF-16); save it as "CSV UTF-8"`, line);
  }
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') {
      throw new InputFileError(file, 'header', found, 'a name for every column', `${at}: column ${index + 1} of the header has no name (header: ${clip(found)})`, line, index + 1);
    }
    if (seen.has(name)) {
      throw new InputFileError(file, 'header', found, 'distinct column names', `${at}: column "${name}" appears twice in the header (columns ${(seen.get(name) ?? 0) + 1} and ${index + 1})`, line, name);
    }
    if (RESERVED_COLUMNS.has(name)) {
      throw new InputFileError(file, 'header', found, 'a column name that is not reserved', `${at}: "${name}" cannot be a column name (it is reserved); rename the column`, line, name);
    }
    seen.set(name, index);
  });
  for (const required of REQUIRED_EVENT_COLUMNS) {
    if (!seen.has(required)) {
      const separator = names.length === 1 ? ([';', '\t', '|'].find((s) => names[0].includes(s)) ?? '') : '';
      const hint = separator ? `; the file seems to use ${JSON.stringify(separator)} between columns, but commas are expected` : '';
      throw new InputFileError(
        file,
        'header',
        found,
        'a header row with case_id,event,date',
        `${at}: missing column "${required}" (expected a header row with case_id,event,date; found ${clip(found)})${hint}`,
        line,
        required,
      );
    }
  }
  const fixed = new Set(['case_id', 'event', 'date', 'dob']);
  return {
    file,
    names,
    caseId: seen.get('case_id')!,
    event: seen.get('event')!,
    date: seen.get('date')!,
    dob: seen.get('dob') ?? -1,
    attributes: names.flatMap((name, index) => (fixed.has(name) ? [] : [{ index, name }])),
  };
}

/**
 * Turns an attribute cell into a value: empty → `undefined`, `true`/`false` (any
 * case) → boolean, anything else → the string as written.
 * @example attributeValue('TRUE') // true
 * @example attributeValue('2') // '2'
 * @example attributeValue('') // undefined
 */
export function attributeValue(cell: string): string | boolean | undefined {
  if (cell.length === 0) return undefined;
  if (cell.length === 4 || cell.length === 5) {
    const lower = cell.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return cell;
}

/**
 * Checks one data row against the layout and builds its event.
 * @example interpretEventsRow(['C1', 'lac-review', '2024-03-27'], 2, layout, 'iso')
 * // { ok: true, line: 2, caseId: 'C1', event: { type: 'lac-review', date: '2024-03-27' }, dob: undefined }
 */
export function interpretEventsRow(
  cells: string[],
  line: number,
  layout: EventsCsvLayout,
  dateFormat: InputDateFormat,
  knownEvents?: ReadonlySet<string>,
): EventsRow {
  const file = layout.file;
  if (cells.length !== layout.names.length) {
    const caseId = cells.length > layout.caseId && cells[layout.caseId].trim() !== '' ? cells[layout.caseId] : undefined;
    return {
      ok: false,
      line,
      caseId,
      problems: [
        {
          code: 'bad-row',
          severity: 'error',
          message: `row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${layout.names.length} columns (${clip(layout.names.join(','))}); the row was not used`,
          file,
          line,
          value: clip(cells.join(',')),
          ...(caseId === undefined ? {} : { caseId }),
        },
      ],
    };
  }
  let problems: DataProblem[] | undefined;
  const caseCell = cells[layout.caseId];
  const typeCell = cells[layout.event];
  const dateCell = cells[layout.date];
  const caseId = caseCell.trim() === '' ? undefined : caseCell;
  if (caseId === undefined) (problems ??= []).push(blankCell(file, line, 'case_id', caseCell, undefined));
  if (typeCell.trim() === '') (problems ??= []).push(blankCell(file, line, 'event', typeCell, caseId));
  else if (knownEvents && !knownEvents.has(typeCell)) (problems ??= []).push(unknownEvent(file, line, typeCell, knownEvents, caseId));
  let date = '';
  if (dateCell.trim() === '') {
    (problems ??= []).push(blankCell(file, line, 'date', dateCell, caseId));
  } else {
    const parsed = parseInputDate(dateCell, dateFormat);
    if (parsed.ok) date = parsed.date;
    else (problems ??= []).push(invalidDate(file, line, 'date', dateCell, parsed.expected, dateFormat, caseId));
  }
  let dob: string | undefined;
  if (layout.dob >= 0) {
    const dobCell = cells[layout.dob];
    if (dobCell.length > 0) {
      const parsed = parseInputDate(dobCell, dateFormat);
      if (parsed.ok && parsed.date.length === 10) dob = parsed.date;
      else {
        const expected = dateFormat === 'iso' ? 'an ISO date YYYY-MM-DD that exists, without a time' : 'a date DD/MM/YYYY that exists (four-digit year), without a time';
        (problems ??= []).push(invalidDate(file, line, 'dob', dobCell, expected, dateFormat, caseId));
      }
    }
  }
  if (problems !== undefined) return { ok: false, line, caseId, problems };
  const event: CaseEvent = { type: typeCell, date };
  const attributes = layout.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const value = attributeValue(cells[attributes[i].index]);
    if (value !== undefined) event[attributes[i].name] = value;
  }
  return { ok: true, line, caseId: caseId!, event, dob };
}

function unknownEvent(file: string, line: number, value: string, known: ReadonlySet<string>, caseId: string | undefined): DataProblem {
  const near = nearest(value, [...known]);
  return {
    code: 'unknown-event',
    severity: 'error',
    message: `event ${JSON.stringify(clip(value, 60))} is not an event of this procedure${near ? `; did you mean "${near}"?` : ''}; the row was not used`,
    file,
    line,
    column: 'event',
    value: clip(value),
    ...(caseId === undefined ? {} : { caseId }),
  };
}

function blankCell(file: string, line: number, column: string, value: string, caseId: string | undefined): DataProblem {
  return {
    code: 'blank-cell',
    severity: 'error',
    message: `${column} is blank; every row needs case_id, event and date, so the row was not used`,
    file,
    line,
    column,
    value,
    ...(caseId === undefined ? {} : { caseId }),
  };
}

function invalidDate(
  file: string,
  line: number,
  column: string,
  value: string,
  expected: string,
  format: InputDateFormat,
  caseId: string | undefined,
): DataProblem {
  const hint = value.trim() !== value ? 'it has spaces around it' : dateFailureHint(value, format);
  return {
    code: 'invalid-date',
    severity: 'error',
    message: `${column} ${JSON.stringify(clip(value, 60))} is not valid (expected ${expected})${hint ? `: ${hint}` : ''}; the row was not used`,
    file,
    line,
    column,
    value: clip(value),
    ...(caseId === undefined ? {} : { caseId }),
  };
}

/** Number of line breaks (CRLF, LF or CR) in `s`. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  for (let i = s.indexOf('\r'); i !== -1; i = s.indexOf('\r', i + 1)) if (s.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** Lines spanned by a record: 1 plus the line breaks inside its quoted fields. */
function recordLines(cells: string[]): number {
  let n = 1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.length > 0 && (c.indexOf('\n') !== -1 || c.indexOf('\r') !== -1)) n += lineBreaks(c);
  }
  return n;
}

interface CsvError extends Error {
  code?: string;
  column?: number;
}

/**
 * Parses the CSV records of `input` with csv-parse, yielding them in batches (one
 * batch per chunk read), so that the per-row work is a plain loop. The parser is
 * fed by hand rather than iterated, because an iterated stream drops the records
 * it still holds when a later error (an unclosed quote) ends it. Memory stays
 * bounded by one chunk: the next chunk is read only after the batch was consumed.
 */
async function* csvRecordBatches(input: InputSource, file: string): AsyncGenerator<string[][]> {
  const source = openSource(input);
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true });
  let queue: string[][] = [];
  let failure: unknown;
  parser.on('data', (record: string[]) => queue.push(record));
  const finished = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
    parser.on('error', (err) => {
      failure = err;
      resolve();
    });
  });
  try {
    try {
      for await (const chunk of source) {
        parser.write(chunk);
        if (queue.length > 0) {
          const batch = queue;
          queue = [];
          yield batch;
        }
        if (failure !== undefined) break;
      }
    } catch (err) {
      throw fileOpenError(file, err as NodeJS.ErrnoException);
    }
    parser.end();
    await finished;
    if (queue.length > 0) yield queue;
    if (failure !== undefined) throw failure;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/**
 * Reads the rows of an events CSV in batches: throws for a file that cannot be
 * read at all, and gives one outcome per data row (blank lines are skipped).
 */
async function* eventsRowBatches(input: InputSource, dateFormat: InputDateFormat, knownEvents?: readonly string[]): AsyncGenerator<EventsRow[]> {
  const known = knownEvents ? new Set(knownEvents) : undefined;
  const file = sourceName(input);
  let layout: EventsCsvLayout | undefined;
  let line = 1;
  try {
    for await (const records of csvRecordBatches(input, file)) {
      const rows: EventsRow[] = [];
      for (let i = 0; i < records.length; i++) {
        const cells = records[i];
        const start = line;
        line += recordLines(cells);
        if (cells.length === 1 && cells[0].trim() === '') continue;
        if (layout === undefined) layout = parseEventsHeader(cells, file, start);
        else rows.push(interpretEventsRow(cells, start, layout, dateFormat, known));
      }
      if (rows.length > 0) yield rows;
    }
  } catch (err) {
    const e = err as CsvError;
    if (e instanceof InputFileError) throw e;
    if (e.code !== 'CSV_QUOTE_NOT_CLOSED') {
      throw new InputFileError(file, 'file', file, 'a CSV file', `${file} line ${line}: cannot read the CSV (${e.message})`, line);
    }
    // The unclosed record starts where the last complete one ended.
    if (layout === undefined) {
      throw new InputFileError(file, 'header', file, 'a header row with case_id,event,date', `${file} line ${line}: a quote in the header row is never closed`, line);
    }
    const column = typeof e.column === 'number' ? layout.names[e.column] : undefined;
    yield [
      {
        ok: false,
        line,
        caseId: undefined,
        problems: [
          {
            code: 'unclosed-quote',
            severity: 'error',
            message: `a quoted field${column ? ` (column ${column})` : ''} in the row starting on line ${line} is never closed, so everything from line ${line} to the end of the file was read as one row and not used; close or remove the quote`,
            file,
            line,
            ...(column ? { column } : {}),
          },
        ],
      },
    ];
  }
  if (layout === undefined) {
    throw new InputFileError(file, 'file', file, 'a header row with case_id,event,date', `${file}: file is empty: expected a header row with case_id,event,date`);
  }
}

interface CaseBuilder {
  record: CaseRecord;
  dob: string | undefined;
  dobLine: number;
  dobConflict: boolean;
}

function newBuilder(id: string): CaseBuilder {
  return { record: { id, events: [] }, dob: undefined, dobLine: 0, dobConflict: false };
}

/** Adds a usable row to its case; returns a `conflicting-dob` warning if it has one. */
function addRow(b: CaseBuilder, row: Extract<EventsRow, { ok: true }>, file: string): DataProblem | undefined {
  b.record.events.push(row.event);
  if (row.dob === undefined) return undefined;
  if (b.dob === undefined) {
    b.dob = row.dob;
    b.dobLine = row.line;
    return undefined;
  }
  if (row.dob === b.dob) return undefined;
  b.dobConflict = true;
  return {
    code: 'conflicting-dob',
    severity: 'warning',
    message: `dob ${row.dob} differs from ${b.dob} given for case ${row.caseId} on line ${b.dobLine}; the case is evaluated without a date of birth (the row's event is used)`,
    caseId: row.caseId,
    file,
    line: row.line,
    column: 'dob',
    value: row.dob,
  };
}

function notContiguous(caseId: string, line: number, file: string): DataProblem {
  return {
    code: 'case-not-contiguous',
    severity: 'warning',
    message: `rows of case ${caseId} start again on line ${line} after rows of other cases; they are read as a separate record (sort the file by case_id to keep a case together)`,
    caseId,
    file,
    line,
    column: 'case_id',
    value: caseId,
  };
}

function finish(b: CaseBuilder): CaseRecord {
  if (b.dob !== undefined && !b.dobConflict) b.record.dateOfBirth = b.dob;
  return b.record;
}

/**
 * Reads a whole events CSV into case records (in order of first appearance; the
 * rows of a case need not be next to each other) and a list of problems.
 * Throws an `InputFileError` when the file cannot be read, is empty or lacks a
 * required column; every other fault is a problem on its row.
 * @example
 * const r = await readEventsCsv({ text: 'case_id,event,date\nC1,lac-review,2024-03-27\n' });
 * // r.cases → [{ id: 'C1', events: [{ type: 'lac-review', date: '2024-03-27' }] }]
 * // r.rowsRead 1, r.rowsUsed 1, r.rowsReported 0, r.problems []
 */
export async function readEventsCsv(input: InputSource, opts: EventsCsvOptions = {}): Promise<ReadResult> {
  const file = sourceName(input);
  const builders = new Map<string, CaseBuilder>();
  const problems: DataProblem[] = [];
  let rowsRead = 0;
  let rowsUsed = 0;
  for await (const rows of eventsRowBatches(input, opts.dateFormat ?? 'iso', opts.knownEvents)) {
    for (const row of rows) {
      rowsRead++;
      if (!row.ok) {
        problems.push(...row.problems);
        continue;
      }
      rowsUsed++;
      let b = builders.get(row.caseId);
      if (b === undefined) builders.set(row.caseId, (b = newBuilder(row.caseId)));
      const warning = addRow(b, row, file);
      if (warning) problems.push(warning);
    }
  }
  return { cases: [...builders.values()].map(finish), problems, rowsRead, rowsUsed, rowsReported: rowsRead - rowsUsed };
}

/**
 * Reads an events CSV one case at a time, for files too big to hold: rows of a
 * case are expected next to each other, and a case is yielded when a row of
 * another case (or the end of the file) is reached, so memory does not grow with
 * the number of rows (only a set of the case ids seen is kept).
 *
 * Each item is one run of rows with the same case id, `{ case, problems }`: the
 * case built from the run's usable rows, and the problems of all its rows (rows
 * with a blank case id belong to the run they are read in; those before the
 * first case id start a run of their own). `case` is `undefined` when no row of
 * the run could be used. A case id that comes back after another case starts a
 * new run, yielded as its own record with a `case-not-contiguous` warning; it is
 * never merged or dropped.
 *
 * `counts` (rowsRead, rowsUsed, rowsReported) is live, and final once the loop ends.
 * Errors that stop the whole read (file missing, empty, bad header) are thrown
 * by the iteration, as `InputFileError`.
 * @example
 * const stream = streamEventsCsv({ path: 'events.csv' });
 * for await (const { case: c, problems } of stream) { if (c) evaluate(c); report(problems); }
 * console.log(stream.counts.rowsRead);
 */
export function streamEventsCsv(input: InputSource, opts: EventsCsvOptions = {}): CaseStream {
  const counts: ReadCounts = { rowsRead: 0, rowsUsed: 0, rowsReported: 0 };
  let started = false;
  async function* chunks(): AsyncGenerator<CaseChunk> {
    const file = sourceName(input);
    const seen = new Set<string>();
    let current: CaseBuilder | undefined;
    let problems: DataProblem[] = [];
    let currentId: string | undefined;
    for await (const rows of eventsRowBatches(input, opts.dateFormat ?? 'iso', opts.knownEvents)) {
      for (const row of rows) {
        counts.rowsRead++;
        if (row.caseId !== undefined && row.caseId !== currentId) {
          if (current !== undefined || problems.length > 0) {
            yield { case: current && finish(current), problems };
            problems = [];
            current = undefined;
          }
          currentId = row.caseId;
          if (seen.has(row.caseId)) problems.push(notContiguous(row.caseId, row.line, file));
          else seen.add(row.caseId);
        }
        if (!row.ok) {
          counts.rowsReported++;
          problems.push(...row.problems);
          continue;
        }
        counts.rowsUsed++;
        current ??= newBuilder(row.caseId);
        const warning = addRow(current, row, file);
        if (warning) problems.push(warning);
      }
    }
    if (current !== undefined || problems.length > 0) yield { case: current && finish(current), problems };
  }
  return {
    counts,
    [Symbol.asyncIterator]() {
      if (started) throw new Error('streamEventsCsv: a stream can be iterated only once');
      started = true;
      return chunks();
    },
  };
}
