/**
 * Reader of the generic events CSV (docs/cli.md, "Generic events CSV"), read
 * with the one CSV table reader (`./csv`, its header, trim and line policy):
 *
 * ```
 * case_id,event,date,dob,stage,reviewDate
 * C1,became-looked-after,2024-03-01,2015-05-02,,
 * C1,lac-review,2024-03-27,,,
 * ```
 *
 * - `case_id`, `event` and `date` are required columns, `dob` is optional;
 *   `type`, `__proto__`, `constructor` and `prototype` cannot be column names.
 * - `dob` may be given on any row of a case (blank elsewhere). Rows of one case
 *   that give different dobs: each later differing row gets a
 *   `conflicting-date-of-birth` warning (the row is still used) and the case is
 *   returned without a date of birth, so that no age is computed from a doubtful value.
 * - Every other column is an event attribute, named as its header is written:
 *   an empty cell is absent; the cells `true` and `false` (any letter case,
 *   e.g. Excel's `TRUE`) become booleans; every other cell stays a string
 *   exactly as written (numbers too: `2` is `"2"`).
 * - `date` is checked with `readInputDate` (ISO by default, or `dd/mm/yyyy`),
 *   and may be a date-time for hour-based events; `dob` must be a date without a time.
 * - A row with any error (blank required cell, impossible or wrongly formatted
 *   date, wrong number of cells, unclosed quote) is not used, and is reported
 *   with file, line, column, value and a code: `missing-value`, `invalid-date`,
 *   `unknown-event`, `wrong-column-count`, `unclosed-quote`.
 *   Always `counts.read === counts.used + counts.reported`.
 */
import type { CaseEvent, CaseRecord } from '../engine/case';
import { nearest } from '../engine/events';
import { conflictingDateOfBirth, dataProblem, invalidDate, missingValue, unknownEvent, type DataProblem, type ProblemPlace } from '../engine/problems';
import { isBlank, lineRow, readCsvTable, scanCsvTable, type CsvFormat, type CsvHeader, type CsvLines, type CsvRow } from './csv';
import { readInputDate, type InputDateFormat } from './dates';
import { caseStream, noRows, type CaseChunk, type CaseStream, type ReadResult, type RowCounts } from './result';
import { fileError, sourceName, type InputFileError, type InputSource } from './source';
import { IdFilter } from './id-filter';

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

/** The events CSV as the table reader sees it. */
export const EVENTS_CSV: CsvFormat = {
  name: 'the events CSV',
  required: REQUIRED_EVENT_COLUMNS,
  reserved: ['type', '__proto__', 'constructor', 'prototype'],
  caseColumn: 'case_id',
  unclosedQuote: 'row',
};

/** Where each column of an events CSV is, worked out from its header row. */
export interface EventsCsvLayout {
  file: string;
  caseId: number;
  event: number;
  date: number;
  /** Index of `dob`, or -1. */
  dob: number;
  /** Attribute columns: index and name as written. */
  attributes: { index: number; name: string }[];
}

/** The outcome of one data row: usable, or not used with its problems. */
export type EventsRow =
  | { ok: true; line: number; caseId: string; event: CaseEvent; dob: string | undefined }
  | { ok: false; line: number; caseId: string | undefined; problems: DataProblem[] };

/**
 * Where the columns are: the fixed ones, and every other column an attribute.
 * @example eventsLayout(header).attributes // for the header row case_id,event,date,stage: [{ index: 3, name: 'stage' }]
 */
export function eventsLayout(header: CsvHeader): EventsCsvLayout {
  const fixed = new Set([...REQUIRED_EVENT_COLUMNS, 'dob'].map((name) => header.index(name)));
  return {
    file: header.file,
    caseId: header.index('case_id'),
    event: header.index('event'),
    date: header.index('date'),
    dob: header.index('dob'),
    attributes: header.names.flatMap((name, index) => (fixed.has(index) ? [] : [{ index, name }])),
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

const NOT_USED = 'the row was not used';
const DATE = { time: true };
const DOB = { time: false };

/** Where a fault of a row is. */
function at(file: string, line: number, column: string, caseId: string | undefined): ProblemPlace {
  return caseId === undefined ? { file, line, column } : { file, line, column, caseId };
}

function blank(place: ProblemPlace, value: string): DataProblem {
  return missingValue(place, value, { expected: 'a case_id, an event and a date on every row', then: NOT_USED });
}

function badDate(place: ProblemPlace, value: string, read: { expected: string; why: string | undefined }): DataProblem {
  return invalidDate(place, value, { expected: read.expected, why: read.why, then: NOT_USED });
}

/**
 * One data row: its event, or why it cannot be used.
 * @example readEventRow({ line: 2, cells: ['C1', 'lac-review', '2024-03-27'], fault: undefined }, layout, 'iso')
 * // { ok: true, line: 2, caseId: 'C1', event: { type: 'lac-review', date: '2024-03-27' }, dob: undefined }
 */
export function readEventRow(row: CsvRow, layout: EventsCsvLayout, dateFormat: InputDateFormat, knownEvents?: ReadonlySet<string>): EventsRow {
  const { line, cells } = row;
  if (row.fault) return { ok: false, line, caseId: row.fault.caseId, problems: [row.fault] };
  const file = layout.file;
  let problems: DataProblem[] | undefined;
  const caseCell = cells[layout.caseId];
  const typeCell = cells[layout.event];
  const dateCell = cells[layout.date];
  const caseId = caseCell.trim() === '' ? undefined : caseCell;
  if (caseId === undefined) (problems ??= []).push(blank(at(file, line, 'case_id', caseId), caseCell));
  if (typeCell.trim() === '') (problems ??= []).push(blank(at(file, line, 'event', caseId), typeCell));
  else if (knownEvents && !knownEvents.has(typeCell)) {
    const near = nearest(typeCell, [...knownEvents]);
    (problems ??= []).push(unknownEvent(at(file, line, 'event', caseId), typeCell, { of: 'this procedure', nearest: near, then: NOT_USED }));
  }
  let date = '';
  if (dateCell.trim() === '') (problems ??= []).push(blank(at(file, line, 'date', caseId), dateCell));
  else {
    const read = readInputDate(dateCell, dateFormat, DATE);
    if (read.ok) date = read.date;
    else (problems ??= []).push(badDate(at(file, line, 'date', caseId), dateCell, read));
  }
  let dob: string | undefined;
  if (layout.dob >= 0 && cells[layout.dob].length > 0) {
    const read = readInputDate(cells[layout.dob], dateFormat, DOB);
    if (read.ok) dob = read.date;
    else (problems ??= []).push(badDate(at(file, line, 'dob', caseId), cells[layout.dob], read));
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

/**
 * The written form of a file's `date` column: how many cells are not blank,
 * and how many of them are written in the other format (UK dates in an ISO
 * file, or ISO dates where `dd/mm/yyyy` was asked for).
 */
export interface DateColumnTally {
  file: string;
  nonBlank: number;
  otherFormat: number;
  /** The first cell in the other format, and its line. */
  first?: { line: number; value: string };
}

/** A cell written in the format other than `format`: `27/03/2024` for `iso`, `2024-03-27` for `dd/mm/yyyy`. */
function inOtherFormat(cell: string, format: InputDateFormat): boolean {
  const other: InputDateFormat = format === 'iso' ? 'dd/mm/yyyy' : 'iso';
  return !readInputDate(cell, format, DATE).ok && readInputDate(cell, other, DATE).ok;
}

/**
 * The whole `date` column written in the other format is one usage error, not
 * one problem a row: `InputFileError` (exit 2 in the CLI) naming the option to use.
 * @example wrongDateFormat({ file: 'e.csv', nonBlank: 3, otherFormat: 3, first: { line: 2, value: '27/03/2024' } }, 'iso')?.message
 * // 'e.csv:2:date: every date in column "date" is written DD/MM/YYYY (3 of 3, e.g. "27/03/2024"): use --date-format dd/mm/yyyy'
 */
export function wrongDateFormat(t: DateColumnTally, format: InputDateFormat): InputFileError | undefined {
  if (t.nonBlank === 0 || t.otherFormat !== t.nonBlank || !t.first) return undefined;
  const written = format === 'iso' ? 'DD/MM/YYYY' : 'YYYY-MM-DD (ISO)';
  const option = format === 'iso' ? 'dd/mm/yyyy' : 'iso';
  return fileError(
    { file: t.file, line: t.first.line, column: 'date' },
    'date',
    t.first.value,
    { what: `every date in column "date" is written ${written} (${t.nonBlank} of ${t.nonBlank}, e.g. ${JSON.stringify(t.first.value)})`, then: `use --date-format ${option}` },
    { column: 'date', expected: `dates written as --date-format ${format} says` },
  );
}

/** The rows of an events CSV in batches, one outcome per data row; `tally` counts the written form of the date column. */
export async function* eventRowBatches(input: InputSource, opts: EventsCsvOptions, tally?: DateColumnTally): AsyncGenerator<EventsRow[]> {
  const known = opts.knownEvents ? new Set(opts.knownEvents) : undefined;
  const dateFormat = opts.dateFormat ?? 'iso';
  let layout: EventsCsvLayout | undefined;
  for await (const { header, rows } of readCsvTable(input, EVENTS_CSV)) {
    layout ??= eventsLayout(header);
    const out: EventsRow[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      out[i] = readEventRow(rows[i], layout, dateFormat, known);
      if (tally) tallyDateCell(tally, rows[i], out[i], layout, dateFormat);
    }
    yield out;
  }
}

/**
 * Counts the `date` cell of a data row read by `readEventRow` (its outcome
 * `read`) in `tally`: a row that could be read as a row of the table, with a
 * date cell that is not blank, counts; it counts as written in the other
 * format when the row is not used and the cell reads in that format.
 */
export function tallyDateCell(tally: DateColumnTally, row: CsvRow, read: EventsRow, layout: EventsCsvLayout, dateFormat: InputDateFormat): void {
  if (row.fault) return;
  const cell = row.cells[layout.date];
  if (cell.trim() === '') return;
  tally.nonBlank++;
  if (!read.ok && inOtherFormat(cell, dateFormat)) {
    tally.otherFormat++;
    tally.first ??= { line: row.line, value: cell };
  }
}

/** A case being built from its rows, with the date of birth they give. */
export interface CaseBuilder {
  record: CaseRecord;
  dob: string | undefined;
  dobLine: number;
  dobConflict: boolean;
}

export function startCase(id: string): CaseBuilder {
  const record: CaseRecord = { id, events: [] };
  // Where each event was read (`CaseRecord.sources`): not enumerable, so a record still prints and compares
  // as its id, date of birth and events; the evaluation reads it to name a rejected event's file and line.
  Object.defineProperty(record, 'sources', { value: [], enumerable: false, writable: true });
  return { record, dob: undefined, dobLine: 0, dobConflict: false };
}

/** Adds a usable row to its case; returns a `conflicting-date-of-birth` warning if it has one. */
export function addRow(b: CaseBuilder, row: Extract<EventsRow, { ok: true }>, file: string): DataProblem | undefined {
  return addEvent(b, row.event, row.line, row.dob, row.caseId, file);
}

/** Adds an event read on `line` (with the row's dob, if any) to its case; returns a `conflicting-date-of-birth` warning if it has one. */
export function addEvent(b: CaseBuilder, event: CaseEvent, line: number, dob: string | undefined, caseId: string, file: string): DataProblem | undefined {
  b.record.events.push(event);
  b.record.sources!.push({ file, line });
  return dob === undefined ? undefined : noteDob(b, dob, line, caseId, file);
}

/** The dates of birth a case's rows give, as `CaseBuilder` keeps them. */
export type CaseDob = Pick<CaseBuilder, 'dob' | 'dobLine' | 'dobConflict'>;

/** Notes the dob a row of the case gives on `line`; returns a `conflicting-date-of-birth` warning when it differs from the first one given. */
export function noteDob(b: CaseDob, dob: string, line: number, caseId: string, file: string): DataProblem | undefined {
  if (b.dob === undefined) {
    b.dob = dob;
    b.dobLine = line;
    return undefined;
  }
  if (dob === b.dob) return undefined;
  b.dobConflict = true;
  return conflictingDateOfBirth({ caseId, file, line, column: 'dob' }, dob, {
    of: `case ${caseId}`,
    kept: b.dob,
    at: `on line ${b.dobLine}`,
    then: "the case is evaluated without a date of birth (the row's event is used)",
  });
}

export function finishCase(b: CaseBuilder): CaseRecord {
  if (b.dob !== undefined && !b.dobConflict) b.record.dateOfBirth = b.dob;
  return b.record;
}

function notContiguous(caseId: string, line: number, file: string): DataProblem {
  return dataProblem(
    'case-not-contiguous',
    'warning',
    { caseId, file, line, column: 'case_id' },
    {
      what: `rows of case ${caseId} start again here after rows of other cases`,
      then: 'they are read as a separate record (sort the file by case_id to keep a case together)',
    },
    caseId,
  );
}

/**
 * Reads a whole events CSV into case records (in order of first appearance; the
 * rows of a case need not be next to each other) and a list of problems.
 * Throws an `InputFileError` when the file cannot be read, is empty or lacks a
 * required column, or when every date of the `date` column is written in the
 * other format (UK dates without `dateFormat: 'dd/mm/yyyy'`: one error naming
 * the option, not one problem a row); every other fault is a problem on its row.
 * @example
 * const r = await readEventsCsv({ text: 'case_id,event,date\nC1,lac-review,2024-03-27\n' });
 * // r.cases → [{ id: 'C1', events: [{ type: 'lac-review', date: '2024-03-27' }] }]
 * // r.counts → { read: 1, used: 1, reported: 0 }, r.problems []
 */
export async function readEventsCsv(input: InputSource, opts: EventsCsvOptions = {}): Promise<ReadResult> {
  const file = sourceName(input);
  const cases = new Map<string, CaseBuilder>();
  const problems: DataProblem[] = [];
  const counts = noRows();
  const tally: DateColumnTally = { file, nonBlank: 0, otherFormat: 0 };
  for await (const rows of eventRowBatches(input, opts, tally)) {
    for (const row of rows) {
      counts.read++;
      if (!row.ok) {
        counts.reported++;
        problems.push(...row.problems);
        continue;
      }
      counts.used++;
      let b = cases.get(row.caseId);
      if (b === undefined) cases.set(row.caseId, (b = startCase(row.caseId)));
      const warning = addRow(b, row, file);
      if (warning) problems.push(warning);
    }
  }
  const wrong = wrongDateFormat(tally, opts.dateFormat ?? 'iso');
  if (wrong) throw wrong;
  return { cases: [...cases.values()].map(finishCase), problems, counts };
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
 * `counts` is live, and final once the loop ends. Errors that stop the whole
 * read (file missing, empty, bad header) are thrown by the iteration, as `InputFileError`.
 * @example
 * const stream = streamEventsCsv({ path: 'events.csv' });
 * for await (const { case: c, problems } of stream) { if (c) evaluate(c); report(problems); }
 * console.log(stream.counts.read);
 */
export function streamEventsCsv(input: InputSource, opts: EventsCsvOptions = {}): CaseStream {
  return caseStream('streamEventsCsv', (counts) => eventCases(input, opts, counts, new Set<string>()));
}

/**
 * `streamEventsCsv` for a file that an index pass (`indexEventsCsv`) found
 * grouped by case: the same chunks, without the set of case ids that notices a
 * case coming back (none does), so that memory does not grow with the number
 * of cases.
 */
export function streamGroupedEventsCsv(input: InputSource, opts: EventsCsvOptions = {}): CaseStream {
  return caseStream('streamEventsCsv', (counts) => eventCases(input, opts, counts, undefined));
}

/**
 * The chunks of `streamEventsCsv`. Rows that pass the fast checks of
 * `FastRows` are built straight from their bytes; every other row is read by
 * `readEventRow`, so its problems are what they always were. `seen`: the case
 * ids met so far, to give `case-not-contiguous`; undefined when no case comes back.
 */
async function* eventCases(input: InputSource, opts: EventsCsvOptions, counts: RowCounts, seen: Set<string> | undefined): AsyncGenerator<CaseChunk> {
  const file = sourceName(input);
  const dateFormat = opts.dateFormat ?? 'iso';
  const known = opts.knownEvents ? new Set(opts.knownEvents) : undefined;
  let fast: FastRows | undefined;
  let current: CaseBuilder | undefined;
  let problems: DataProblem[] = [];
  let currentId: string | undefined;
  const id = new CaseIdBytes();
  for await (const batch of scanCsvTable(input, EVENTS_CSV)) {
    fast ??= new FastRows(eventsLayout(batch.header), dateFormat, known);
    const layout = fast.layout;
    const lines = batch.lines;
    const rows = batch.rows;
    for (let r = 0; lines ? lines.next() : r < rows!.length; r++) {
      counts.read++;
      // A row that passes the fast checks is read from its bytes; any other by readEventRow.
      const quick = lines !== undefined && fast.check(lines);
      const row = quick ? undefined : readEventRow(lines ? lineRow(lines, batch.header, EVENTS_CSV) : rows![r]!, layout, dateFormat, known);
      const line = row === undefined ? lines!.line : row.line;
      // The case id of a run this row starts, if it starts one.
      let runId: string | undefined;
      if (row === undefined) {
        const c = layout.caseId;
        if (!id.is(lines!.buf, lines!.at[c]!, lines!.at[c + 1]! - 1)) runId = id.set(lines!.buf, lines!.at[c]!, lines!.at[c + 1]! - 1);
      } else if (row.caseId !== undefined && row.caseId !== currentId) runId = id.setText(row.caseId);
      if (runId !== undefined) {
        if (current !== undefined || problems.length > 0) {
          yield { case: current && finishCase(current), problems };
          problems = [];
          current = undefined;
        }
        currentId = runId;
        if (seen !== undefined) {
          if (seen.has(runId)) problems.push(notContiguous(runId, line, file));
          else seen.add(runId);
        }
      }
      if (row !== undefined && !row.ok) {
        counts.reported++;
        problems.push(...row.problems);
        continue;
      }
      counts.used++;
      current ??= startCase(currentId!);
      const warning = row === undefined ? addEvent(current, fast.event(lines!), line, fast.dob, currentId!, file) : addRow(current, row, file);
      if (warning) problems.push(warning);
    }
  }
  if (current !== undefined || problems.length > 0) yield { case: current && finishCase(current), problems };
}

/** What the index pass over events CSV files finds (`indexEventsCsv`). */
export interface EventsIndex {
  /**
   * No case comes back after another, and every date of the `date` column can be read (when false, the other fields
   * cover only the rows read until it was found). True is certain; false may rarely be said of a grouped file (`IdFilter`).
   */
  grouped: boolean;
  /** The number of runs of rows of one case with a usable row (the chunks with a case). */
  cases: number;
  /** The event types of the usable rows, in order of first appearance. */
  types: Set<string>;
  counts: RowCounts;
}

/**
 * The index pass over an events CSV: the chunks `streamEventsCsv` would give,
 * counted without being built. It tells whether the rows are grouped by case
 * (no `case-not-contiguous`; no `invalid-date` in the `date` column, since a
 * column written wholly in the other format is one usage error that only the
 * whole read makes), the number of cases, the event types of the usable rows,
 * the row counts, and adds to `attributes` the attribute names of the usable
 * rows (`order`, in order of first appearance as `Object.entries` of the
 * events lists them) and those whose text differs within one case (`varies`):
 * the carried columns are `order` without `varies`. Rows that pass the fast
 * checks (`FastRows`) are counted from their bytes (no event built); the
 * others are read by `readEventRow`, as the stream reads them. The case ids
 * met are kept in a Bloom filter of fixed size (`IdFilter`), to notice one that
 * comes back: memory does not grow with the number of cases, and a rare false
 * "met before" only makes a grouped file count as not grouped, which is read
 * another way with the same output. The pass stops at the
 * end of the chunk where it finds the rows not grouped: such a file is read
 * another way (the CLI sorts it through temporary files, `./case-spill`), so
 * `cases`, `types`, `counts` and `attributes` then cover only the rows read so far.
 * @example
 * const attributes = { order: [], varies: new Set<string>() };
 * const index = await indexEventsCsv({ text: 'case_id,event,date,team\nC1,lac-review,2024-03-27,A\n' }, {}, attributes);
 * // index: { grouped: true, cases: 1, types: Set { 'lac-review' }, counts: { read: 1, used: 1, reported: 0 } }; attributes.order ['team']
 */
export async function indexEventsCsv(input: InputSource, options: EventsCsvOptions, attributes: { order: string[]; varies: Set<string> }): Promise<EventsIndex> {
  const file = sourceName(input);
  const dateFormat = options.dateFormat ?? 'iso';
  const known = options.knownEvents ? new Set(options.knownEvents) : undefined;
  const types = new Set<string>();
  const counts = noRows();
  // The ids met, in fixed memory: "maybe met" (rarely wrong) reads the file as not grouped, which gives the same output.
  const seen = new IdFilter();
  const id = new CaseIdBytes();
  let cases = 0;
  let grouped = true;
  let fast: FastRows | undefined;
  let carried: CarriedColumns | undefined;
  // Whether the current run of rows has a usable row (it is then a case).
  let isCase = false;
  /** A run of rows of the case id now in `id` starts. */
  const newRun = (): void => {
    isCase = false;
    if (id.addTo(seen)) grouped = false;
  };
  for await (const batch of scanCsvTable(input, EVENTS_CSV)) {
    if (fast === undefined) {
      fast = new FastRows(eventsLayout(batch.header), dateFormat, known);
      carried = new CarriedColumns(fast, attributes);
    }
    const layout = fast.layout;
    const lines = batch.lines;
    const rows = batch.rows;
    for (let r = 0; lines ? lines.next() : r < rows!.length; r++) {
      counts.read++;
      if (lines !== undefined && fast.check(lines)) {
        const c = layout.caseId;
        if (!id.is(lines.buf, lines.at[c]!, lines.at[c + 1]! - 1)) {
          id.setBytes(lines.buf, lines.at[c]!, lines.at[c + 1]! - 1);
          newRun();
        }
        counts.used++;
        if (!isCase) {
          isCase = true;
          cases++;
          carried!.startCase();
        }
        types.add(fast.type);
        carried!.fromLine(lines);
        continue;
      }
      const row = readEventRow(lines ? lineRow(lines, batch.header, EVENTS_CSV) : rows![r]!, layout, dateFormat, known);
      if (row.caseId !== undefined && !id.isText(row.caseId)) {
        id.setText(row.caseId);
        newRun();
      }
      if (!row.ok) {
        counts.reported++;
        for (const p of row.problems) if (p.code === 'invalid-date' && p.column === 'date') grouped = false;
        continue;
      }
      counts.used++;
      if (!isCase) {
        isCase = true;
        cases++;
        carried!.startCase();
      }
      types.add(row.event.type);
      carried!.fromEvent(row.event);
    }
    if (!grouped) break;
  }
  return { grouped, cases, types, counts };
}

/** The case id of the current run, as text and as bytes, to tell a row of another case without decoding its cell. */
class CaseIdBytes {
  private bytes = Buffer.alloc(64);
  private length = -1;
  /** The current id as text, once asked for (`isText`, `setText`). */
  private text: string | undefined;

  /** True when `buf[from, to)` is the current case id. */
  is(buf: Buffer, from: number, to: number): boolean {
    const n = to - from;
    if (n !== this.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < n; i++) if (bytes[i] !== buf[from + i]) return false;
    return true;
  }

  /** True when `text` is the current case id. */
  isText(text: string): boolean {
    if (this.length < 0) return false;
    this.text ??= this.bytes.toString('utf8', 0, this.length);
    return text === this.text;
  }

  /** Makes `buf[from, to)` the current case id; returns it as text. */
  set(buf: Buffer, from: number, to: number): string {
    this.setBytes(buf, from, to);
    return (this.text = buf.toString('utf8', from, to));
  }

  /** Makes `buf[from, to)` the current case id, without making its text. */
  setBytes(buf: Buffer, from: number, to: number): void {
    const n = to - from;
    this.room(n);
    // A loop, not `buf.copy`: ids are short, and copy's fixed cost is many times a short loop's.
    const bytes = this.bytes;
    for (let i = 0; i < n; i++) bytes[i] = buf[from + i]!;
    this.length = n;
    this.text = undefined;
  }

  /** Makes `text` the current case id; returns it. */
  setText(text: string): string {
    this.room(Buffer.byteLength(text, 'utf8'));
    this.length = this.bytes.write(text, 0, 'utf8');
    return (this.text = text);
  }

  /** Adds the current id to `filter`; true when it may have been added before (`IdFilter.add`). */
  addTo(filter: IdFilter): boolean {
    return filter.add(this.bytes, 0, this.length);
  }

  private room(n: number): void {
    if (n > this.bytes.length) this.bytes = Buffer.alloc(Math.max(n, this.bytes.length * 2));
  }
}

/**
 * Strings read from bytes once and then reused, keyed by the bytes: the event
 * types, dates and attribute values of a file repeat row after row. What is
 * kept is what the reader's own functions answered for those bytes, so a
 * value from here is the value they give. At most `limit` entries are kept,
 * so that memory stays bounded whatever the file holds.
 */
class ByteMemo<V> {
  private readonly table = new Map<number, { bytes: Buffer; value: V; next: unknown }>();
  private size = 0;

  constructor(private readonly limit: number) {}

  /** The value kept for `buf[from, to)`, or undefined. */
  get(buf: Buffer, from: number, to: number): V | undefined {
    type Entry = { bytes: Buffer; value: V; next: Entry | undefined };
    for (let e = this.table.get(hashBytes(buf, from, to)) as Entry | undefined; e !== undefined; e = e.next) {
      const bytes = e.bytes;
      const n = bytes.length;
      if (n !== to - from) continue;
      let i = 0;
      while (i < n && bytes[i] === buf[from + i]) i++;
      if (i === n) return e.value;
    }
    return undefined;
  }

  /** Keeps `value` for `buf[from, to)` (unless the memo is full). */
  set(buf: Buffer, from: number, to: number, value: V): void {
    if (this.size >= this.limit) return;
    this.size++;
    const h = hashBytes(buf, from, to);
    this.table.set(h, { bytes: Buffer.from(buf.subarray(from, to)), value, next: this.table.get(h) });
  }
}

/** FNV-1a over `buf[from, to)`, cut to 30 bits (a small integer, the fastest Map key). */
function hashBytes(buf: Buffer, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h & 0x3fffffff;
}

/** `isoDayKey` of a cell of the shape YYYY-MM-DD whose day does not exist. */
export const NO_SUCH_DAY = -2;

/**
 * The ten bytes at `buf[from]` read as an ISO date YYYY-MM-DD: its key
 * `year * 10000 + month * 100 + day` when the day exists in the Gregorian
 * calendar (then `readInputDate` of that text in `iso` reads the same text,
 * with or without times allowed), `NO_SUCH_DAY` when it has that shape but
 * the day does not exist (then `readInputDate` reads no date), or -1 when the
 * bytes do not have that shape.
 * @example isoDayKey(Buffer.from('2024-02-29'), 0) // 20240229
 * @example isoDayKey(Buffer.from('2023-02-29'), 0) // NO_SUCH_DAY
 */
export function isoDayKey(buf: Buffer, from: number): number {
  if (buf[from + 4] !== 45 || buf[from + 7] !== 45) return -1;
  const y0 = buf[from]! - 48;
  const y1 = buf[from + 1]! - 48;
  const y2 = buf[from + 2]! - 48;
  const y3 = buf[from + 3]! - 48;
  const m0 = buf[from + 5]! - 48;
  const m1 = buf[from + 6]! - 48;
  const d0 = buf[from + 8]! - 48;
  const d1 = buf[from + 9]! - 48;
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return NO_SUCH_DAY;
  if (day > 28) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const last = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    if (day > last) return NO_SUCH_DAY;
  }
  return year * 10000 + month * 100 + day;
}

/**
 * The fast checks of a row read from bytes: a row passes when it certainly
 * is usable, as `readEventRow` would find it: one cell per column, a case id
 * that is not blank, an event that is not blank (and known, when the events
 * are known), a `date` cell that `readInputDate` reads, a `dob` cell empty or
 * read. An ISO date of the shape YYYY-MM-DD is checked from its bytes
 * (`isoDayKey`, the answer `readInputDate` gives for that shape), and the
 * event against the known names by length and bytes; every other value comes
 * from what `readEventRow`'s own functions answered for the same bytes
 * (`ByteMemo`). A row that does not pass is read by `readEventRow` itself.
 * The spill (`./case-spill`) also reads its temporary files with it.
 */
export class FastRows {
  /** The event type, date and dob of the row that passed last. */
  type = '';
  date = '';
  dob: string | undefined;
  private readonly types = new ByteMemo<string>(4096);
  private readonly dates = new ByteMemo<string>(100_000);
  private readonly dobs = new ByteMemo<string>(100_000);
  private readonly values = new ByteMemo<string | boolean | undefined>(100_000);
  private readonly columns: number;
  /** The ISO dates met, by `isoDayKey` (ISO files only). */
  private readonly days = new Map<number, string>();
  private readonly iso: boolean;
  /** The known event names that are not blank, and their UTF-8 bytes; undefined when any event is accepted. */
  private readonly knownNames: string[] = [];
  private readonly knownBytes: Buffer[] | undefined;

  constructor(
    readonly layout: EventsCsvLayout,
    private readonly dateFormat: InputDateFormat,
    known: ReadonlySet<string> | undefined,
  ) {
    this.columns = Math.max(layout.caseId, layout.event, layout.date, layout.dob, ...layout.attributes.map((a) => a.index)) + 1;
    this.iso = dateFormat === 'iso';
    if (known !== undefined) {
      // A blank name is never usable (`readEventRow` reports the cell as missing), so it never passes here.
      this.knownNames = [...known].filter((name) => name.trim() !== '');
      this.knownBytes = this.knownNames.map((name) => Buffer.from(name, 'utf8'));
    }
  }

  /** True when the current line is a usable row; then `type`, `date` and `dob` are its values. */
  check(lines: CsvLines): boolean {
    if (lines.count !== this.columns) return false;
    const buf = lines.buf;
    const at = lines.at;
    const layout = this.layout;
    if (isBlank(buf, at[layout.caseId]!, at[layout.caseId + 1]! - 1)) return false;
    const e0 = at[layout.event]!;
    const e1 = at[layout.event + 1]! - 1;
    let type: string | undefined;
    const names = this.knownBytes;
    if (names !== undefined) {
      // The known names by length and bytes (a cell's bytes are UTF-8, so equal bytes are equal text).
      const n = e1 - e0;
      for (let k = 0; k < names.length; k++) {
        const name = names[k]!;
        if (name.length !== n) continue;
        let i = 0;
        while (i < n && name[i] === buf[e0 + i]) i++;
        if (i === n) {
          type = this.knownNames[k]!;
          break;
        }
      }
      if (type === undefined) return false;
    } else {
      type = this.types.get(buf, e0, e1);
      if (type === undefined) {
        if (isBlank(buf, e0, e1)) return false;
        type = buf.toString('utf8', e0, e1);
        this.types.set(buf, e0, e1, type);
      }
    }
    const date = this.read(this.dates, buf, at[layout.date]!, at[layout.date + 1]! - 1, DATE);
    if (date === undefined) return false;
    let dob: string | undefined;
    if (layout.dob >= 0) {
      const d0 = at[layout.dob]!;
      const d1 = at[layout.dob + 1]! - 1;
      if (d1 > d0) {
        dob = this.read(this.dobs, buf, d0, d1, DOB);
        if (dob === undefined) return false;
      }
    }
    this.type = type;
    this.date = date;
    this.dob = dob;
    return true;
  }

  /** The event of the row that passed `check`, as `readEventRow` builds it. */
  event(lines: CsvLines): CaseEvent {
    const event: CaseEvent = { type: this.type, date: this.date };
    const attributes = this.layout.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const value = this.value(lines, attributes[i]!.index);
      if (value !== undefined) event[attributes[i]!.name] = value;
    }
    return event;
  }

  /** `attributeValue` of cell `k` of the current line. */
  value(lines: CsvLines, k: number): string | boolean | undefined {
    const from = lines.at[k]!;
    const to = lines.at[k + 1]! - 1;
    if (to === from) return undefined;
    const buf = lines.buf;
    const kept = this.values.get(buf, from, to);
    if (kept !== undefined) return kept;
    const value = attributeValue(buf.toString('utf8', from, to));
    this.values.set(buf, from, to, value);
    return value;
  }

  /** The date `readInputDate` reads from `buf[from, to)`, or undefined when it reads none. */
  private read(memo: ByteMemo<string>, buf: Buffer, from: number, to: number, opts: { time: boolean }): string | undefined {
    if (this.iso && to - from === 10) {
      // A cell of the shape YYYY-MM-DD: `readInputDate` reads it when the day exists, as the same text (`isoDayKey`).
      const key = isoDayKey(buf, from);
      if (key >= 0) {
        const kept = this.days.get(key);
        if (kept !== undefined) return kept;
        const text = buf.toString('latin1', from, to);
        if (this.days.size < 100_000) this.days.set(key, text);
        return text;
      }
      if (key === NO_SUCH_DAY) return undefined;
    }
    const kept = memo.get(buf, from, to);
    if (kept !== undefined) return kept;
    const read = readInputDate(buf.toString('utf8', from, to), this.dateFormat, opts);
    if (!read.ok) return undefined;
    memo.set(buf, from, to, read.date);
    return read.date;
  }
}

/**
 * The carried columns as `carriedAttributes` works them out, counted while
 * indexing: each attribute's text on the first event of a case that has it,
 * and whether a later event of the case has another text.
 */
class CarriedColumns {
  /** Attribute columns (positions in the layout's `attributes`) in the order `Object.entries` gives an event's keys. */
  private readonly order: number[];
  private readonly names: string[];
  private readonly byName = new Map<string, number>();
  private readonly listed: boolean[];
  private readonly varying: boolean[];
  private readonly first: (string | undefined)[];

  constructor(
    private readonly fast: FastRows,
    private readonly attributes: { order: string[]; varies: Set<string> },
  ) {
    const layout = fast.layout.attributes;
    this.names = layout.map((a) => a.name);
    this.names.forEach((name, j) => this.byName.set(name, j));
    const probe: Record<string, number> = {};
    for (const name of this.names) probe[name] = 0;
    this.order = Object.keys(probe).map((name) => this.byName.get(name)!);
    this.listed = this.names.map((name) => attributes.order.includes(name));
    this.varying = this.names.map((name) => attributes.varies.has(name));
    this.first = this.names.map(() => undefined);
  }

  startCase(): void {
    this.first.fill(undefined);
  }

  /** Adds the attributes of the current line (a usable row of the current case). */
  fromLine(lines: CsvLines): void {
    const columns = this.fast.layout.attributes;
    for (const j of this.order) {
      if (this.varying[j]) continue;
      const value = this.fast.value(lines, columns[j]!.index);
      if (value !== undefined) this.add(j, String(value));
    }
  }

  /** Adds the attributes of an event read by `readEventRow`. */
  fromEvent(event: CaseEvent): void {
    for (const [k, v] of Object.entries(event)) {
      if (k === 'type' || k === 'date' || v === undefined || v === null) continue;
      const j = this.byName.get(k)!;
      if (!this.varying[j]) this.add(j, String(v));
    }
  }

  private add(j: number, text: string): void {
    if (!this.listed[j]) {
      this.listed[j] = true;
      if (!this.attributes.order.includes(this.names[j]!)) this.attributes.order.push(this.names[j]!);
    }
    const first = this.first[j];
    if (first === undefined) this.first[j] = text;
    else if (first !== text) {
      this.attributes.varies.add(this.names[j]!);
      this.varying[j] = true;
    }
  }
}
