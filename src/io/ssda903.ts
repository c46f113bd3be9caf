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
 * - Column names are matched trimmed and case-insensitively; cell values are
 *   trimmed. Blank lines are not rows. A date must be `dd/mm/yyyy` with a
 *   four-digit year and must exist (`1/2/2024` is accepted: leading zeros are
 *   optional); a time of day, an ISO date or a two-digit year is an error.
 * - Line numbers are 1-based physical lines of the file (the header is line 1);
 *   a row with a quoted multi-line cell is named by its first line.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import type { CaseEvent, CaseRecord } from '../engine/case';
import type { DataProblem } from '../engine/problems';
import { TimescalesInputError } from '../errors';
import { dateFailureHint, parseInputDate } from './dates';
import { clip, fileOpenError, InputFileError, sourceName, type InputSource } from './source';

/** An input file: a path, `{ path }`, or text already in memory `{ text, name? }` (see `./source`). */
export type DfeInput = string | InputSource;

export interface Ssda903Files {
  header: DfeInput;
  episodes: DfeInput;
  reviews: DfeInput;
}

/** Rows of one table: `read = used + reported`. */
export interface RowCounts {
  read: number;
  used: number;
  reported: number;
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
  rows: { header: RowCounts; episodes: RowCounts; reviews: RowCounts };
}

export interface Ssda903Result {
  cases: CaseRecord[];
  problems: DataProblem[];
  stats: Ssda903Stats;
}

/** The columns each table must have (others are allowed and ignored). */
export const SSDA903_REQUIRED_COLUMNS = {
  header: ['CHILD', 'DOB'],
  episodes: ['CHILD', 'DECOM', 'RNE', 'DEC'],
  reviews: ['CHILD', 'REVIEW'],
} as const;

/** RNE codes that mean a change of carer (placement and carer change). */
export const CARER_CHANGE_RNE: readonly string[] = ['P', 'T'];

/**
 * Reads an input into text, with the name to report it by: the path as given,
 * or the text's `name` (default `defaultName`).
 * @example await readSourceText({ text: 'a,b\n' }, 'files.header', 'header.csv') // { text: 'a,b\n', name: 'header.csv' }
 * @throws TimescalesInputError (an `InputFileError` for a file) when the input cannot be read.
 */
export async function readSourceText(
  input: DfeInput,
  field: string,
  defaultName: string,
): Promise<{ text: string; name: string }> {
  if (typeof input === 'object' && input !== null && 'text' in input && typeof input.text === 'string') {
    return { text: input.text, name: typeof input.name === 'string' && input.name ? input.name : defaultName };
  }
  const path = typeof input === 'string' ? input : typeof input === 'object' && input !== null && 'path' in input ? input.path : undefined;
  if (typeof path !== 'string' || path === '') {
    throw new TimescalesInputError(field, input, 'a file path, { path } or { text, name }');
  }
  try {
    return { text: await readFile(path, 'utf8'), name: sourceName({ path }) };
  } catch (e) {
    throw fileOpenError(path, e as NodeJS.ErrnoException);
  }
}

/**
 * Reads the three SSDA903 tables (paths or `{ text, name }`) and maps them to
 * `lac-review` case records, one per period of care.
 * @example
 * const { cases, problems, stats } = await readSsda903({
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
  const [header, episodes, reviews] = await Promise.all([
    readSourceText(files.header, 'files.header', 'header.csv'),
    readSourceText(files.episodes, 'files.episodes', 'episodes.csv'),
    readSourceText(files.reviews, 'files.reviews', 'reviews.csv'),
  ]);
  return parseSsda903({ header, episodes, reviews });
}

/**
 * The pure part of {@link readSsda903}: maps the tables' text to case records.
 * @example
 * parseSsda903({
 *   header: { name: 'header.csv', text: 'CHILD,DOB\nA,01/02/2010\n' },
 *   episodes: { name: 'episodes.csv', text: 'CHILD,DECOM,RNE,DEC\nA,01/03/2024,S,\n' },
 *   reviews: { name: 'reviews.csv', text: 'CHILD,REVIEW\nA,27/03/2024\n' },
 * }).cases
 * // [{ id: 'A#1', dateOfBirth: '2010-02-01', events: [
 * //   { type: 'became-looked-after', date: '2024-03-01', rne: 'S' },
 * //   { type: 'lac-review', date: '2024-03-27' }] }]
 */
export function parseSsda903(tables: {
  header: { text: string; name: string };
  episodes: { text: string; name: string };
  reviews: { text: string; name: string };
}): Ssda903Result {
  const headerTable = readCsvTable(tables.header.text, tables.header.name, 'header', SSDA903_REQUIRED_COLUMNS.header);
  const episodeTable = readCsvTable(
    tables.episodes.text,
    tables.episodes.name,
    'episodes',
    SSDA903_REQUIRED_COLUMNS.episodes,
  );
  const reviewTable = readCsvTable(tables.reviews.text, tables.reviews.name, 'reviews', SSDA903_REQUIRED_COLUMNS.reviews);

  const problems: DataProblem[] = [...headerTable.problems, ...episodeTable.problems, ...reviewTable.problems];
  const reported = {
    header: new Set<number>(headerTable.problems.map((p) => p.line!)),
    episodes: new Set<number>(episodeTable.problems.map((p) => p.line!)),
    reviews: new Set<number>(reviewTable.problems.map((p) => p.line!)),
  };
  const report = (table: keyof typeof reported, problem: DataProblem): void => {
    problems.push(problem);
    if (problem.severity === 'error' && problem.line !== undefined) reported[table].add(problem.line);
  };

  // Header: child → date of birth.
  const headerRows = new Map<string, { line: number; dob?: string }>();
  for (const row of headerTable.rows) {
    const child = requireCell(row, 'CHILD', tables.header.name, (p) => report('header', p));
    const dob = readDateCell(row, 'DOB', tables.header.name, true, 'error', child, (p) => report('header', p));
    if (child === undefined || typeof dob !== 'string') continue;
    const earlier = headerRows.get(child);
    if (earlier) {
      report('header', {
        code: 'duplicate-header-row',
        message: `${tables.header.name} line ${row.line}: child ${child} already has a header row at line ${earlier.line}; this row was not used.`,
        caseId: child,
        file: tables.header.name,
        line: row.line,
        column: 'CHILD',
        value: child,
        severity: 'error',
      });
      continue;
    }
    headerRows.set(child, { line: row.line, dob });
  }

  // Episodes: readable rows, grouped by child in order of first appearance.
  const episodesByChild = new Map<string, Episode[]>();
  for (const row of episodeTable.rows) {
    const onProblem = (p: DataProblem) => report('episodes', p);
    const child = requireCell(row, 'CHILD', tables.episodes.name, onProblem);
    const start = readDateCell(row, 'DECOM', tables.episodes.name, true, 'error', child, onProblem);
    const end = readDateCell(row, 'DEC', tables.episodes.name, false, 'error', child, onProblem);
    if (child === undefined || typeof start !== 'string' || end === null) continue;
    if (end !== undefined && end < start) {
      onProblem({
        code: 'episode-ends-before-start',
        message: `${tables.episodes.name} line ${row.line}: episode of child ${child} ends (DEC ${row.cells.DEC}) before it starts (DECOM ${row.cells.DECOM}); this row was not used.`,
        caseId: child,
        file: tables.episodes.name,
        line: row.line,
        column: 'DEC',
        value: row.cells.DEC,
        severity: 'error',
      });
      continue;
    }
    const list = episodesByChild.get(child) ?? [];
    list.push({ line: row.line, start, end, rne: (row.cells.RNE ?? '').toUpperCase(), rec: row.cells.REC ?? '' });
    episodesByChild.set(child, list);
  }

  // Periods of care.
  const periodsByChild = new Map<string, Period[]>();
  for (const [child, episodes] of episodesByChild) {
    const { periods, overlapping } = buildPeriods(episodes);
    for (const { episode, previous } of overlapping) {
      report('episodes', overlapProblem(tables.episodes.name, child, episode, previous));
    }
    for (const period of periods) {
      const first = period.episodes[0];
      if (first.rne !== 'S') {
        report('episodes', {
          code: 'period-not-starting-with-rne-s',
          message: `${tables.episodes.name} line ${first.line}: the period of care of child ${child} that starts on ${first.start} starts with RNE ${JSON.stringify(first.rne)}, not "S" (started to be looked after); it is still used as a period.`,
          caseId: child,
          file: tables.episodes.name,
          line: first.line,
          column: 'RNE',
          value: first.rne,
          severity: 'warning',
        });
      }
    }
    periodsByChild.set(child, periods);
    if (!headerRows.has(child)) {
      report('episodes', {
        code: 'child-without-header',
        message: `${tables.episodes.name} line ${episodes[0].line}: child ${child} has episodes but no usable row in ${tables.header.name}; the date of birth is taken from the reviews if they give one.`,
        caseId: child,
        file: tables.episodes.name,
        line: episodes[0].line,
        column: 'CHILD',
        value: child,
        severity: 'warning',
      });
    }
  }

  // Header rows whose child has no period of care are not used.
  for (const [child, h] of headerRows) {
    if ((periodsByChild.get(child) ?? []).length > 0) continue;
    report('header', {
      code: 'child-without-episodes',
      message: `${tables.header.name} line ${h.line}: child ${child} has no usable episode in ${tables.episodes.name}, so no period of care; this row was not used.`,
      caseId: child,
      file: tables.header.name,
      line: h.line,
      column: 'CHILD',
      value: child,
      severity: 'error',
    });
  }

  // Reviews.
  const reviewsByPeriod = new Map<Period, { date: string; code: string }[]>();
  const reviewDob = new Map<string, { dob: string; line: number }>();
  const reviewDobRows: { child: string; dob: string; raw: string; line: number }[] = [];
  let reviewsMatched = 0;
  let reviewsUnmatched = 0;
  for (const row of reviewTable.rows) {
    const onProblem = (p: DataProblem) => report('reviews', p);
    const child = requireCell(row, 'CHILD', tables.reviews.name, onProblem);
    const date = readDateCell(row, 'REVIEW', tables.reviews.name, true, 'error', child, onProblem);
    const dob =
      row.cells.DOB !== undefined
        ? readDateCell(row, 'DOB', tables.reviews.name, false, 'warning', child, onProblem)
        : undefined;
    if (child === undefined || typeof date !== 'string') continue;
    const periods = periodsByChild.get(child) ?? [];
    const period = periods.find((p) => p.start <= date && (p.end === undefined || date <= p.end));
    if (!period) {
      reviewsUnmatched++;
      onProblem({
        code: 'review-outside-period',
        message:
          periods.length === 0
            ? `${tables.reviews.name} line ${row.line}: review of ${date} for child ${child}, who has no period of care in ${tables.episodes.name}; this row was not used.`
            : `${tables.reviews.name} line ${row.line}: review of ${date} for child ${child} is outside every period of care (${periods.map(describePeriod).join('; ')}); this row was not used.`,
        caseId: child,
        file: tables.reviews.name,
        line: row.line,
        column: 'REVIEW',
        value: row.cells.REVIEW,
        severity: 'error',
      });
      continue;
    }
    reviewsMatched++;
    if (typeof dob === 'string') {
      reviewDobRows.push({ child, dob, raw: row.cells.DOB ?? '', line: row.line });
      if (!reviewDob.has(child)) reviewDob.set(child, { dob, line: row.line });
    }
    const list = reviewsByPeriod.get(period) ?? [];
    list.push({ date, code: row.cells.REVIEW_CODE ?? '' });
    reviewsByPeriod.set(period, list);
  }

  // Date of birth per child, and conflicts.
  const dobOf = (child: string): string | undefined => headerRows.get(child)?.dob ?? reviewDob.get(child)?.dob;
  for (const r of reviewDobRows) {
    const chosen = dobOf(r.child);
    if (chosen === undefined || chosen === r.dob || !periodsByChild.has(r.child)) continue;
    const from = headerRows.has(r.child)
      ? `${tables.header.name} line ${headerRows.get(r.child)!.line}`
      : `${tables.reviews.name} line ${reviewDob.get(r.child)!.line}`;
    report('reviews', {
      code: 'conflicting-date-of-birth',
      message: `${tables.reviews.name} line ${r.line}: date of birth ${r.dob} of child ${r.child} differs from ${chosen} given at ${from}, which is the one used.`,
      caseId: r.child,
      file: tables.reviews.name,
      line: r.line,
      column: 'DOB',
      value: r.raw,
      severity: 'warning',
    });
  }

  // Cases.
  const cases: CaseRecord[] = [];
  for (const [child, periods] of periodsByChild) {
    periods.forEach((period, i) => {
      const dob = dobOf(child);
      cases.push({
        id: `${child}#${i + 1}`,
        ...(dob !== undefined ? { dateOfBirth: dob } : {}),
        events: periodEvents(period, reviewsByPeriod.get(period) ?? []),
      });
    });
  }

  const fileOrder = [tables.header.name, tables.episodes.name, tables.reviews.name];
  const sortedProblems = problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        fileOrder.indexOf(a.p.file ?? '') - fileOrder.indexOf(b.p.file ?? '') ||
        (a.p.line ?? 0) - (b.p.line ?? 0) ||
        a.i - b.i,
    )
    .map(({ p }) => p);

  const counts = (rows: number, rep: Set<number>): RowCounts => ({ read: rows, used: rows - rep.size, reported: rep.size });
  return {
    cases,
    problems: sortedProblems,
    stats: {
      children: [...periodsByChild.values()].filter((p) => p.length > 0).length,
      periods: cases.length,
      reviewsMatched,
      reviewsUnmatched,
      rows: {
        header: counts(headerTable.read, reported.header),
        episodes: counts(episodeTable.read, reported.episodes),
        reviews: counts(reviewTable.read, reported.reviews),
      },
    },
  };
}

/** One usable episode row. Dates are ISO. */
export interface Episode {
  line: number;
  start: string;
  end?: string;
  rne: string;
  rec: string;
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

function overlapProblem(file: string, child: string, episode: Episode, previous: Episode): DataProblem {
  const why =
    previous.end === undefined
      ? `the episode at line ${previous.line} (from ${previous.start}) has no DEC, so it is still open`
      : `the episode at line ${previous.line} runs from ${previous.start} to ${previous.end}`;
  return {
    code: 'overlapping-episode',
    message: `${file} line ${episode.line}: episode of child ${child} starting ${episode.start} overlaps an earlier episode (${why}); this row was not used.`,
    caseId: child,
    file,
    line: episode.line,
    column: 'DECOM',
    value: episode.start,
    severity: 'error',
  };
}

// ---------------------------------------------------------------------------
// CSV tables

/** A data row: its first physical line and its cells by (upper-case) column name. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/**
 * Parses a CSV table with a header row; checks the required columns; rows with
 * the wrong number of cells are reported, not returned.
 * @example
 * readCsvTable('CHILD,DOB\nA,01/02/2010\n', 'header.csv', 'header', ['CHILD', 'DOB'])
 * // { read: 1, rows: [{ line: 2, cells: { CHILD: 'A', DOB: '01/02/2010' } }], problems: [] }
 * @throws TimescalesInputError when the file is empty, is not well-formed CSV, or lacks a required column.
 */
export function readCsvTable(
  text: string,
  name: string,
  table: string,
  required: readonly string[],
): { read: number; rows: CsvRow[]; problems: DataProblem[] } {
  const normalised = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(normalised, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    const line = err.lines;
    throw new InputFileError(
      name,
      'file',
      name,
      'well-formed CSV',
      `${name}${line !== undefined ? ` line ${line}` : ''}: cannot read the CSV (${err.message ?? String(e)})`,
      line,
    );
  }
  const expectedHeader = `a header row with the SSDA903 ${table} columns (at least ${required.join(', ')})`;
  if (records.length === 0) {
    throw new InputFileError(name, 'file', name, expectedHeader, `${name}: file is empty: expected ${expectedHeader}`);
  }
  const headerText = records[0].record.join(',');
  const columns = records[0].record.map((c) => c.trim().toUpperCase());
  for (const col of required) {
    if (!columns.includes(col)) {
      throw new InputFileError(
        name,
        'header',
        headerText,
        expectedHeader,
        `${name} line 1: column ${col} is missing: expected ${expectedHeader}, found ${clip(headerText)}`,
        1,
        col,
      );
    }
  }
  const seen = new Set<string>();
  for (const col of columns) {
    if (col !== '' && seen.has(col)) {
      throw new InputFileError(
        name,
        'header',
        headerText,
        'distinct column names',
        `${name} line 1: column ${col} appears twice in the header`,
        1,
        col,
      );
    }
    seen.add(col);
  }
  const rows: CsvRow[] = [];
  const problems: DataProblem[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines - record.reduce((n, cell) => n + countNewlines(cell), 0);
    if (record.length !== columns.length) {
      problems.push({
        code: 'wrong-column-count',
        message: `${name} line ${line}: the row has ${record.length} cells but the header has ${columns.length} columns; this row was not used.`,
        file: name,
        line,
        value: clip(record.join(',')),
        severity: 'error',
      });
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((col, i) => {
      if (col !== '') cells[col] = record[i].trim();
    });
    rows.push({ line, cells });
  }
  return { read: records.length - 1, rows, problems };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** A required non-blank cell; reports `missing-value` and returns undefined when blank. */
function requireCell(
  row: CsvRow,
  column: string,
  file: string,
  report: (p: DataProblem) => void,
): string | undefined {
  const value = row.cells[column] ?? '';
  if (value !== '') return value;
  report({
    code: 'missing-value',
    message: `${file} line ${row.line}: column ${column} is blank; this row was not used.`,
    file,
    line: row.line,
    column,
    value,
    severity: 'error',
  });
  return undefined;
}

/**
 * A `dd/mm/yyyy` date cell as ISO. Blank: `undefined` (reported when required).
 * Unreadable: reported with `severity`, and `null` is returned (so that callers
 * can tell it from blank).
 */
function readDateCell(
  row: CsvRow,
  column: string,
  file: string,
  required: boolean,
  severity: 'error' | 'warning',
  caseId: string | undefined,
  report: (p: DataProblem) => void,
): string | undefined | null {
  const value = row.cells[column] ?? '';
  const where = `${file} line ${row.line}, column ${column}`;
  const consequence = severity === 'error' ? 'this row was not used' : 'this value was not used';
  if (value === '') {
    if (required) {
      report({
        code: 'missing-value',
        message: `${where}: the date is blank (expected a date DD/MM/YYYY); ${consequence}.`,
        ...(caseId !== undefined ? { caseId } : {}),
        file,
        line: row.line,
        column,
        value,
        severity,
      });
      return null;
    }
    return undefined;
  }
  const parsed = parseInputDate(value, 'dd/mm/yyyy');
  if (parsed.ok && !parsed.date.includes('T')) return parsed.date;
  const generic = dateFailureHint(value, 'dd/mm/yyyy');
  // The generic hint suggests a --date-format option, which SSDA903 input does not have.
  const hint = generic?.includes('--date-format') ? 'SSDA903 dates are written DD/MM/YYYY' : generic;
  const expected = parsed.ok ? 'a date DD/MM/YYYY without a time' : parsed.expected;
  report({
    code: 'invalid-date',
    message: `${where}: ${JSON.stringify(value)} is not a valid date (expected ${expected}${hint ? `; ${hint}` : ''}); ${consequence}.`,
    ...(caseId !== undefined ? { caseId } : {}),
    file,
    line: row.line,
    column,
    value,
    severity,
  });
  return null;
}
