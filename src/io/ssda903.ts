/**
 * Reader for the DfE SSDA903 return (looked-after children): the `header`,
 * `episodes` and `reviews` tables as CSV with their standard headers and
 * `dd/mm/yyyy` dates (docs/data-formats.md, "DfE SSDA903").
 *
 * Output: one case record per period of care, with the `lac-review` events
 * `became-looked-after`, `carer-changed`, `ceased-looked-after` and
 * `lac-review`, plus the data problems found on the way. Every data row is
 * either used or reported: for each table `read = used + reported`.
 *
 * Readings (documented, tested):
 * - A period of care is a run of a child's episodes, sorted by `DECOM` (ties in
 *   file order), where each `DECOM` equals the previous episode's `DEC`. A
 *   later `DECOM` after a gap starts a new period.
 * - An episode that starts before the previous kept episode ends (`DECOM` <
 *   previous `DEC`), or after an episode that has no `DEC` (still open), overlaps
 *   it: it is reported (`overlapping-episode`, error) and not used; the walk
 *   goes on from the previous kept episode.
 * - `became-looked-after` is the period's first `DECOM`; `ceased-looked-after`
 *   its last `DEC`, if any. A later episode of the period (not the first) with
 *   `RNE` `P` or `T` gives `carer-changed` on its `DECOM`; other RNE codes give
 *   no event. A period whose first RNE is not `S` is kept and reported as a
 *   warning (`period-not-starting-with-rne-s`).
 * - A review belongs to the period with first `DECOM` <= `REVIEW` <= last
 *   `DEC` (or no `DEC`: open). Periods never overlap or touch, so there is at
 *   most one. A review in no period is reported (`review-outside-period`).
 * - Case id: `${CHILD}#${n}`, n = 1, 2, ... the period's number for that child
 *   in date order. Cases come in order of the child's first row in the
 *   episodes file, then by n.
 * - Date of birth: the header's `DOB`; if the child has no usable header row,
 *   the first readable `DOB` of its reviews. A different review `DOB` is a
 *   warning (`conflicting-date-of-birth`).
 * - The tables are read with the one CSV table reader (`./csv`: header names
 *   trimmed and matched ignoring case, cells as written, blank lines not rows,
 *   physical line numbers). A quote never closed refuses the table: the
 *   tables are linked, and a table cut short would misplace every later row.
 * - A date must be `dd/mm/yyyy` with a four-digit year and must exist
 *   (`1/2/2024` is accepted: leading zeros are optional); a time of day, an
 *   ISO date, a two-digit year or spaces around it is an error.
 */
import type { CaseEvent, CaseRecord } from '../engine/case';
import { conflictingDateOfBirth, dataProblem, invalidDate, missingValue, type DataProblem, type ProblemText } from '../engine/problems';
import { TimescalesInputError } from '../errors';
import { readCsvTable, type CsvFormat, type CsvHeader, type CsvRow } from './csv';
import { readInputDate } from './dates';
import type { ReadResult, RowCounts } from './result';
import { toInputSource, type DfeInput } from './source';

export interface Ssda903Files {
  header: DfeInput;
  episodes: DfeInput;
  reviews: DfeInput;
}

export interface Ssda903Stats {
  /** Children with at least one period of care. */
  children: number;
  /** Periods of care (= cases). */
  periods: number;
  /** Review rows placed in a period of care. */
  reviewsMatched: number;
  /** Review rows with a readable date that fall outside every period of the child. */
  reviewsUnmatched: number;
  /** The rows of each table; `counts` of the result is their sum. */
  rows: { header: RowCounts; episodes: RowCounts; reviews: RowCounts };
}

/** `counts` adds up the rows of the three tables. */
export interface Ssda903Result extends ReadResult {
  stats: Ssda903Stats;
}

type TableName = keyof Ssda903Files;

/** The columns each table must have (others are allowed and ignored). */
export const SSDA903_REQUIRED_COLUMNS = {
  header: ['CHILD', 'DOB'],
  episodes: ['CHILD', 'DECOM', 'RNE', 'DEC'],
  reviews: ['CHILD', 'REVIEW'],
} as const;

/** The events the SSDA903 mapping gives (`records` of the result): what the return can answer. */
export const SSDA903_EVENTS: readonly string[] = ['became-looked-after', 'carer-changed', 'placement-order', 'placed-for-adoption', 'lac-review', 'ceased-looked-after'];

/** Legal status of a placement order (`LS`): gives `placement-order` on the episode's `DECOM`. */
export const PLACEMENT_ORDER_LS: readonly string[] = ['E1'];
/** Placement types (`PLACE`) of a child placed for adoption: give `placed-for-adoption` on the episode's `DECOM`. */
export const PLACED_FOR_ADOPTION_PLACE: readonly string[] = ['A3', 'A4', 'A5', 'A6'];
/** Legal statuses of an agreed series of short-term placements (short breaks), set apart from the review cycle. */
export const SHORT_BREAK_LS: readonly string[] = ['V3', 'V4'];

/** Why periods of care on short breaks are set aside (the summary says so). */
export const SHORT_BREAKS_REASON =
  'looked after under an agreed series of short breaks (every episode LS V3 or V4): not judged against the ordinary review cycle, as the DfE\'s own looked-after figures leave them out';

/**
 * A period of care of short breaks only: every episode's legal status is V3 or V4.
 * @example isShortBreaks({ start: '2024-01-01', episodes: [{ line: 2, start: '2024-01-01', rne: 'S', rec: '', ls: 'V3', place: '' }] }) // true
 */
export function isShortBreaks(period: Period): boolean {
  return period.episodes.every((e) => SHORT_BREAK_LS.includes(e.ls ?? ''));
}

/** RNE codes that mean a change of carer (placement and carer change). */
export const CARER_CHANGE_RNE: readonly string[] = ['P', 'T'];

/** One table as read: its file name, header and rows. */
interface Table {
  file: string;
  header: CsvHeader;
  rows: CsvRow[];
}

/**
 * Reads the three SSDA903 tables (paths or `{ text, name }`) and maps them to
 * `lac-review` case records, one per period of care.
 * @example
 * const { cases, problems, counts, stats } = await readSsda903({
 *   header: 'header.csv', episodes: 'episodes.csv', reviews: 'reviews.csv' });
 * // cases[0] → { id: '566910#1', dateOfBirth: '2008-03-27', events: [
 * //   { type: 'became-looked-after', date: '2016-02-15', rne: 'L' }, ...] }
 * @throws TimescalesInputError (an `InputFileError` naming the file, and line and column where known)
 *   when a file cannot be read, is empty, is not well-formed CSV, or lacks a required column.
 */
export async function readSsda903(files: Ssda903Files): Promise<Ssda903Result> {
  if (typeof files !== 'object' || files === null) {
    throw new TimescalesInputError('files', files, 'an object { header, episodes, reviews }');
  }
  const [header, episodes, reviews] = await Promise.all((['header', 'episodes', 'reviews'] as const).map((t) => readTable(files[t], t)));
  return mapSsda903({ header, episodes, reviews });
}

/** Reads one table whole, with the one CSV table reader. */
async function readTable(input: DfeInput, table: TableName): Promise<Table> {
  const source = toInputSource(input, `files.${table}`, `${table}.csv`);
  const format: CsvFormat = { name: `the SSDA903 ${table} table`, required: SSDA903_REQUIRED_COLUMNS[table], caseColumn: 'CHILD', unclosedQuote: 'file' };
  let read: Table | undefined;
  for await (const { header, rows } of readCsvTable(source, format)) {
    read ??= { file: header.file, header, rows: [] };
    for (const row of rows) read.rows.push(row);
  }
  return read!; // readCsvTable gives the header in a batch, or throws
}

/** The problems found, and the rows of each table that were not used. */
class Findings {
  readonly problems: DataProblem[] = [];
  readonly notUsed: Record<TableName, Set<number>> = { header: new Set(), episodes: new Set(), reviews: new Set() };
  add(table: TableName, problem: DataProblem): void {
    this.problems.push(problem);
    if (problem.severity === 'error' && problem.line !== undefined) this.notUsed[table].add(problem.line);
  }
  /** Each table's rows: read = used + reported. */
  counts(table: TableName, read: number): RowCounts {
    const reported = this.notUsed[table].size;
    return { read, used: read - reported, reported };
  }
}

const NOT_USED = 'this row was not used';

/** The cell of a column (`undefined` when the table has no such column). */
function cell(table: Table, row: CsvRow, column: string): string | undefined {
  const i = table.header.index(column);
  return i < 0 ? undefined : row.cells[i];
}

/** A problem of a row of `table`: file, line and column, and the child when known. */
function rowProblem(
  code: DataProblem['code'],
  severity: DataProblem['severity'],
  table: Table,
  at: { line: number; column?: string; child?: string },
  text: ProblemText,
  value?: string,
): DataProblem {
  return dataProblem(code, severity, { ...(at.child !== undefined ? { caseId: at.child } : {}), file: table.file, line: at.line, ...(at.column ? { column: at.column } : {}) }, text, value);
}

/** The child of a row, or `undefined` (reported `missing-value`) when its CHILD is blank. */
function childOf(table: Table, row: CsvRow, report: (p: DataProblem) => void): string | undefined {
  const value = cell(table, row, 'CHILD') ?? '';
  if (value.trim() !== '') return value;
  report(missingValue({ file: table.file, line: row.line, column: 'CHILD' }, value, { expected: "the child's id", then: NOT_USED }));
  return undefined;
}

/**
 * A `dd/mm/yyyy` date cell as ISO. Blank: `undefined` (reported when required).
 * Unreadable: reported with `severity`, and `null` is returned (so that callers
 * can tell it from blank).
 */
function dateOf(
  table: Table,
  row: CsvRow,
  column: string,
  opts: { required: boolean; severity: DataProblem['severity']; child: string | undefined },
  report: (p: DataProblem) => void,
): string | undefined | null {
  const value = cell(table, row, column) ?? '';
  const place = { ...(opts.child !== undefined ? { caseId: opts.child } : {}), file: table.file, line: row.line, column };
  const then = opts.severity === 'error' ? NOT_USED : 'this value was not used';
  if (value.trim() === '') {
    if (!opts.required) return undefined;
    report(missingValue(place, value, { what: 'the date is blank', expected: 'a date DD/MM/YYYY', then, severity: opts.severity }));
    return null;
  }
  const read = readInputDate(value, 'dd/mm/yyyy', { time: false, fixedBy: 'SSDA903' });
  if (read.ok) return read.date;
  report(invalidDate(place, value, { expected: read.expected, why: read.why, then, severity: opts.severity }));
  return null;
}

/**
 * The mapping of the three tables to case records, phase by phase (the
 * "Readings" above): rows of the wrong width, the header's children and dates
 * of birth, episodes, periods of care, header rows with no period, reviews
 * placed in their periods, the date of birth of each child, and the cases.
 */
function mapSsda903(tables: Record<TableName, Table>): Ssda903Result {
  const findings = new Findings();
  for (const t of ['header', 'episodes', 'reviews'] as const) {
    for (const row of tables[t].rows) if (row.fault) findings.add(t, row.fault);
  }
  const headerRows = readHeaderRows(tables.header, findings);
  const episodes = readEpisodes(tables.episodes, findings);
  const periods = periodsOfCare(episodes, headerRows, tables, findings);
  reportChildrenWithoutPeriods(headerRows, periods, tables, findings);
  const reviews = placeReviews(tables, periods, findings);
  const dobOf = datesOfBirth(headerRows, reviews.dobs, periods, tables, findings);
  const shortBreaks: CaseRecord[] = [];
  const cases = casesOf(periods, reviews.byPeriod, dobOf, shortBreaks);
  const rows = {
    header: findings.counts('header', tables.header.rows.length),
    episodes: findings.counts('episodes', tables.episodes.rows.length),
    reviews: findings.counts('reviews', tables.reviews.rows.length),
  };
  return {
    cases,
    records: [...SSDA903_EVENTS],
    setAside: [{ reason: SHORT_BREAKS_REASON, cases: shortBreaks }],
    problems: inFileOrder(findings.problems, [tables.header.file, tables.episodes.file, tables.reviews.file]),
    counts: {
      read: rows.header.read + rows.episodes.read + rows.reviews.read,
      used: rows.header.used + rows.episodes.used + rows.reviews.used,
      reported: rows.header.reported + rows.episodes.reported + rows.reviews.reported,
    },
    stats: {
      children: [...periods.values()].filter((p) => p.length > 0).length,
      periods: cases.length + shortBreaks.length,
      reviewsMatched: reviews.matched,
      reviewsUnmatched: reviews.unmatched,
      rows,
    },
  };
}

/** Header: child → its row and date of birth. A second row of a child is not used. */
function readHeaderRows(table: Table, findings: Findings): Map<string, { line: number; dob: string }> {
  const out = new Map<string, { line: number; dob: string }>();
  const report = (p: DataProblem) => findings.add('header', p);
  for (const row of table.rows) {
    if (row.fault) continue;
    const child = childOf(table, row, report);
    const dob = dateOf(table, row, 'DOB', { required: true, severity: 'error', child }, report);
    if (child === undefined || typeof dob !== 'string') continue;
    const earlier = out.get(child);
    if (earlier) {
      report(rowProblem('duplicate-header-row', 'error', table, { line: row.line, column: 'CHILD', child }, { what: `child ${child} already has a header row at line ${earlier.line}`, then: NOT_USED }, child));
      continue;
    }
    out.set(child, { line: row.line, dob });
  }
  return out;
}

/** Episodes: the readable rows, grouped by child in order of first appearance. */
function readEpisodes(table: Table, findings: Findings): Map<string, Episode[]> {
  const out = new Map<string, Episode[]>();
  const report = (p: DataProblem) => findings.add('episodes', p);
  for (const row of table.rows) {
    if (row.fault) continue;
    const child = childOf(table, row, report);
    const start = dateOf(table, row, 'DECOM', { required: true, severity: 'error', child }, report);
    const end = dateOf(table, row, 'DEC', { required: false, severity: 'error', child }, report);
    if (child === undefined || typeof start !== 'string' || end === null) continue;
    if (end !== undefined && end < start) {
      report(
        rowProblem(
          'episode-ends-before-start',
          'error',
          table,
          { line: row.line, column: 'DEC', child },
          { what: `the episode of child ${child} ends (DEC ${cell(table, row, 'DEC')}) before it starts (DECOM ${cell(table, row, 'DECOM')})`, then: NOT_USED },
          cell(table, row, 'DEC'),
        ),
      );
      continue;
    }
    const list = out.get(child) ?? [];
    list.push({
      line: row.line,
      start,
      end,
      rne: (cell(table, row, 'RNE') ?? '').toUpperCase(),
      rec: cell(table, row, 'REC') ?? '',
      ls: (cell(table, row, 'LS') ?? '').trim().toUpperCase(),
      place: (cell(table, row, 'PLACE') ?? '').trim().toUpperCase(),
    });
    out.set(child, list);
  }
  return out;
}

/**
 * Each child's periods of care, reporting overlapping episodes, periods that
 * do not start with RNE S, and children with no usable header row.
 */
function periodsOfCare(
  episodes: Map<string, Episode[]>,
  headerRows: Map<string, unknown>,
  tables: Record<TableName, Table>,
  findings: Findings,
): Map<string, Period[]> {
  const out = new Map<string, Period[]>();
  const table = tables.episodes;
  for (const [child, list] of episodes) {
    const { periods, overlapping } = buildPeriods(list);
    for (const { episode, previous } of overlapping) findings.add('episodes', overlapProblem(table, child, episode, previous));
    for (const period of periods) {
      const first = period.episodes[0];
      if (first.rne === 'S') continue;
      findings.add(
        'episodes',
        rowProblem(
          'period-not-starting-with-rne-s',
          'warning',
          table,
          { line: first.line, column: 'RNE', child },
          {
            what: `the period of care of child ${child} that starts on ${first.start} starts with RNE ${JSON.stringify(first.rne)}`,
            expected: '"S" (started to be looked after)',
            then: 'it is still used as a period',
          },
          first.rne,
        ),
      );
    }
    out.set(child, periods);
    if (!headerRows.has(child)) {
      findings.add(
        'episodes',
        rowProblem(
          'child-without-header',
          'warning',
          table,
          { line: list[0].line, column: 'CHILD', child },
          { what: `child ${child} has episodes but no usable row in ${tables.header.file}`, then: 'the date of birth is taken from the reviews if they give one' },
          child,
        ),
      );
    }
  }
  return out;
}

/** Header rows whose child has no period of care are not used. */
function reportChildrenWithoutPeriods(
  headerRows: Map<string, { line: number }>,
  periods: Map<string, Period[]>,
  tables: Record<TableName, Table>,
  findings: Findings,
): void {
  for (const [child, h] of headerRows) {
    if ((periods.get(child) ?? []).length > 0) continue;
    findings.add(
      'header',
      rowProblem(
        'child-without-episodes',
        'error',
        tables.header,
        { line: h.line, column: 'CHILD', child },
        { what: `child ${child} has no usable episode in ${tables.episodes.file}, so no period of care`, then: NOT_USED },
        child,
      ),
    );
  }
}

/** A review row's date of birth, kept to choose and check each child's date of birth. */
interface ReviewDob {
  child: string;
  dob: string;
  raw: string;
  line: number;
}

/** Reviews: each placed in the period of care it falls in, or reported. */
function placeReviews(
  tables: Record<TableName, Table>,
  periods: Map<string, Period[]>,
  findings: Findings,
): { byPeriod: Map<Period, { date: string; code: string }[]>; dobs: ReviewDob[]; matched: number; unmatched: number } {
  const table = tables.reviews;
  const byPeriod = new Map<Period, { date: string; code: string }[]>();
  const dobs: ReviewDob[] = [];
  let matched = 0;
  let unmatched = 0;
  const report = (p: DataProblem) => findings.add('reviews', p);
  for (const row of table.rows) {
    if (row.fault) continue;
    const child = childOf(table, row, report);
    const date = dateOf(table, row, 'REVIEW', { required: true, severity: 'error', child }, report);
    const dob = cell(table, row, 'DOB') !== undefined ? dateOf(table, row, 'DOB', { required: false, severity: 'warning', child }, report) : undefined;
    if (child === undefined || typeof date !== 'string') continue;
    const childPeriods = periods.get(child) ?? [];
    const period = childPeriods.find((p) => p.start <= date && (p.end === undefined || date <= p.end));
    if (!period) {
      unmatched++;
      const what =
        childPeriods.length === 0
          ? `the review of ${date} is for child ${child}, who has no period of care in ${tables.episodes.file}`
          : `the review of ${date} for child ${child} is outside every period of care (${childPeriods.map(describePeriod).join('; ')})`;
      report(rowProblem('review-outside-period', 'error', table, { line: row.line, column: 'REVIEW', child }, { what, then: NOT_USED }, cell(table, row, 'REVIEW')));
      continue;
    }
    matched++;
    if (typeof dob === 'string') dobs.push({ child, dob, raw: cell(table, row, 'DOB') ?? '', line: row.line });
    const list = byPeriod.get(period) ?? [];
    list.push({ date, code: cell(table, row, 'REVIEW_CODE') ?? '' });
    byPeriod.set(period, list);
  }
  return { byPeriod, dobs, matched, unmatched };
}

/**
 * Each child's date of birth: the header's, else the first readable one of
 * its matched reviews; a review that gives another is a warning.
 */
function datesOfBirth(
  headerRows: Map<string, { line: number; dob: string }>,
  reviewDobs: readonly ReviewDob[],
  periods: Map<string, Period[]>,
  tables: Record<TableName, Table>,
  findings: Findings,
): (child: string) => string | undefined {
  const fromReviews = new Map<string, ReviewDob>();
  for (const r of reviewDobs) if (!fromReviews.has(r.child)) fromReviews.set(r.child, r);
  const dobOf = (child: string) => headerRows.get(child)?.dob ?? fromReviews.get(child)?.dob;
  for (const r of reviewDobs) {
    const chosen = dobOf(r.child);
    if (chosen === undefined || chosen === r.dob || !periods.has(r.child)) continue;
    const header = headerRows.get(r.child);
    const at = header ? `in ${tables.header.file} on line ${header.line}` : `on line ${fromReviews.get(r.child)!.line}`;
    findings.add(
      'reviews',
      conflictingDateOfBirth({ caseId: r.child, file: tables.reviews.file, line: r.line, column: 'DOB' }, r.raw, {
        of: `child ${r.child}`,
        date: r.dob,
        kept: chosen,
        at,
        then: 'that one is used',
      }),
    );
  }
  return dobOf;
}

/** The cases: one per period of care, `CHILD#n`, in order of the child's first episode row. */
function casesOf(
  periods: Map<string, Period[]>,
  reviews: Map<Period, { date: string; code: string }[]>,
  dobOf: (child: string) => string | undefined,
  shortBreaks: CaseRecord[],
): CaseRecord[] {
  const cases: CaseRecord[] = [];
  for (const [child, list] of periods) {
    const dob = dobOf(child);
    list.forEach((period, i) => {
      const record: CaseRecord = { id: `${child}#${i + 1}`, ...(dob !== undefined ? { dateOfBirth: dob } : {}), events: periodEvents(period, reviews.get(period) ?? []) };
      (isShortBreaks(period) ? shortBreaks : cases).push(record);
    });
  }
  return cases;
}

/**
 * The child of an SSDA903 case: its id without the period number.
 * @example ssda903Child({ id: '566910#2', events: [] }) // '566910'
 */
export function ssda903Child(c: CaseRecord): string {
  const i = c.id.lastIndexOf('#');
  return i < 0 ? c.id : c.id.slice(0, i);
}

/** Problems in file order (header, episodes, reviews), then line, then the order found. */
function inFileOrder(problems: DataProblem[], files: string[]): DataProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => files.indexOf(a.p.file ?? '') - files.indexOf(b.p.file ?? '') || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** One usable episode row. Dates are ISO. */
export interface Episode {
  line: number;
  start: string;
  end?: string;
  rne: string;
  rec: string;
  /** Legal status (`LS`), upper case; '' when the table has no LS column or the cell is blank. */
  ls?: string;
  /** Placement type (`PLACE`), upper case. */
  place?: string;
}

/** A period of care: its episodes in order, first `DECOM`, last `DEC` (absent: open). */
export interface Period {
  episodes: Episode[];
  start: string;
  end?: string;
}

/**
 * Splits one child's episodes into periods of care; overlapping episodes are
 * returned apart, each with the kept episode it overlaps.
 * @example
 * buildPeriods([
 *   { line: 2, start: '2024-01-01', end: '2024-02-01', rne: 'S', rec: 'X1' },
 *   { line: 3, start: '2024-02-01', rne: 'P', rec: '' },
 * ]).periods // one period: start '2024-01-01', open (no end), two episodes
 */
export function buildPeriods(episodes: readonly Episode[]): {
  periods: Period[];
  overlapping: { episode: Episode; previous: Episode }[];
} {
  const sorted = [...episodes].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.line - b.line));
  const periods: Period[] = [];
  const overlapping: { episode: Episode; previous: Episode }[] = [];
  let last: Episode | undefined;
  for (const episode of sorted) {
    if (last && (last.end === undefined || episode.start < last.end)) {
      overlapping.push({ episode, previous: last });
      continue;
    }
    const current = periods[periods.length - 1];
    if (last && current && episode.start === last.end) {
      current.episodes.push(episode);
      current.end = episode.end;
    } else {
      periods.push({ episodes: [episode], start: episode.start, end: episode.end });
    }
    last = episode;
  }
  return { periods, overlapping };
}

/**
 * The `lac-review` events of one period of care, in date order.
 * @example
 * periodEvents({ start: '2024-01-01', end: '2024-03-01', episodes: [
 *   { line: 2, start: '2024-01-01', end: '2024-02-01', rne: 'S', rec: 'X1' },
 *   { line: 3, start: '2024-02-01', end: '2024-03-01', rne: 'P', rec: 'E8' }] }, [])
 * // [{ type: 'became-looked-after', date: '2024-01-01', rne: 'S' },
 * //  { type: 'carer-changed', date: '2024-02-01', rne: 'P' },
 * //  { type: 'ceased-looked-after', date: '2024-03-01', rec: 'E8' }]
 */
export function periodEvents(period: Period, reviews: readonly { date: string; code: string }[]): CaseEvent[] {
  const events: { event: CaseEvent; rank: number }[] = [];
  const [first, ...rest] = period.episodes;
  events.push({ event: { type: 'became-looked-after', date: first.start, rne: first.rne }, rank: 0 });
  for (const episode of rest) {
    if (CARER_CHANGE_RNE.includes(episode.rne)) {
      events.push({ event: { type: 'carer-changed', date: episode.start, rne: episode.rne }, rank: 1 });
    }
  }
  // A placement order (LS E1) and a placement for adoption (PLACE A3-A6): on the DECOM of the first
  // episode of a run with it (later episodes of the same run continue the same order or placement).
  period.episodes.forEach((episode, i) => {
    const before = i > 0 ? period.episodes[i - 1] : undefined;
    if (PLACEMENT_ORDER_LS.includes(episode.ls ?? '') && !PLACEMENT_ORDER_LS.includes(before?.ls ?? '')) {
      events.push({ event: { type: 'placement-order', date: episode.start, ls: episode.ls! }, rank: 1 });
    }
    if (PLACED_FOR_ADOPTION_PLACE.includes(episode.place ?? '') && !PLACED_FOR_ADOPTION_PLACE.includes(before?.place ?? '')) {
      events.push({ event: { type: 'placed-for-adoption', date: episode.start, place: episode.place! }, rank: 1 });
    }
  });
  for (const review of reviews) {
    const event: CaseEvent = { type: 'lac-review', date: review.date };
    if (review.code) event.reviewCode = review.code;
    events.push({ event, rank: 2 });
  }
  if (period.end !== undefined) {
    const lastEpisode = period.episodes[period.episodes.length - 1];
    const event: CaseEvent = { type: 'ceased-looked-after', date: period.end };
    if (lastEpisode.rec) event.rec = lastEpisode.rec;
    events.push({ event, rank: 3 });
  }
  return events
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.rank - b.rank || a.i - b.i))
    .map((e) => e.event);
}

function describePeriod(p: Period): string {
  return `${p.start} to ${p.end ?? 'open'}`;
}

function overlapProblem(table: Table, child: string, episode: Episode, previous: Episode): DataProblem {
  const why =
    previous.end === undefined
      ? `the episode at line ${previous.line} (from ${previous.start}) has no DEC, so it is still open`
      : `the episode at line ${previous.line} runs from ${previous.start} to ${previous.end}`;
  return rowProblem(
    'overlapping-episode',
    'error',
    table,
    { line: episode.line, column: 'DECOM', child },
    { what: `the episode of child ${child} starting ${episode.start} overlaps an earlier episode`, why, then: NOT_USED },
    episode.start,
  );
}
