/**
 * The one vocabulary of data problems, for the readers (src/io) and the
 * engine alike: the codes, the problem object, the builders of the faults
 * several places report, and the one shape of a message.
 *
 * A message never repeats where the problem is (file, line, column: those
 * are fields of the problem) and reads, in this order:
 *
 *     what is wrong[ (why)][: expected what was expected][; what happens then]
 *
 * e.g. `"2023-02-30" is not a valid date (that day does not exist): expected
 * an ISO date YYYY-MM-DD that exists; the row was not used`. `formatProblem`
 * puts the location in front, once: `events.csv:3:date: "2023-02-30" is …`.
 */
import { z } from 'zod';

/** Every code the library emits, readers and engine alike (docs/data-formats.md, "Problem codes"). */
export const PROBLEM_CODES = [
  // rows and values of any input
  'wrong-column-count',
  'unclosed-quote',
  'missing-value',
  'invalid-date',
  'invalid-boolean',
  'invalid-json',
  'invalid-record',
  'unknown-event',
  'duplicate-case-id',
  'conflicting-date-of-birth',
  'case-not-contiguous',
  // SSDA903
  'duplicate-header-row',
  'episode-ends-before-start',
  'overlapping-episode',
  'period-not-starting-with-rne-s',
  'child-without-header',
  'child-without-episodes',
  'review-outside-period',
  // CIN census
  'missing-child-id',
  'icpc-not-required-without-date',
  'referral-nfa-without-date',
  // action plan
  'action-contradiction',
  // evaluation
  'date-out-of-range',
  'invalid-attribute',
  'duplicate-event',
  'out-of-order',
  'completion-before-anchor',
  'no-period',
  'missing-date-of-birth',
  'missing-attribute',
  'rule-not-evaluated',
] as const;

export const ProblemCodeSchema = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof ProblemCodeSchema>;

/**
 * A data problem: something in the input that could not be used as it stands.
 * Problems are returned beside the results, never thrown and never dropped, so
 * that every input row is either used or reported.
 */
export const DataProblemSchema = z.object({
  /** Machine-readable kind: one of `PROBLEM_CODES`, e.g. `invalid-date`, `unknown-event`, `duplicate-event`. */
  code: ProblemCodeSchema,
  /** What is wrong, what was expected and what happened, without the location (see `formatProblem`). */
  message: z.string(),
  caseId: z.string().optional(),
  procedure: z.string().optional(),
  rule: z.string().optional(),
  event: z.object({ type: z.string(), date: z.string() }).optional(),
  /** Where in the input: file, 1-based line, column name or number, and the offending value. */
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.union([z.string(), z.number()]).optional(),
  value: z.string().optional(),
  /** `error`: the row or event was not used. `warning`: it was used, but looks wrong. */
  severity: z.enum(['error', 'warning']),
});

export type DataProblem = z.infer<typeof DataProblemSchema>;

/** Where a problem is and whose it is: the problem's fields other than code, message, severity and value. */
export type ProblemPlace = Pick<DataProblem, 'file' | 'line' | 'column' | 'caseId' | 'procedure' | 'rule' | 'event'>;

/** The parts of a message, written in this order by {@link problemText}. */
export interface ProblemText {
  /** What is wrong: `"2023-02-30" is not a valid date`. */
  what: string;
  /** Why, or a hint, in parentheses after it: `that day does not exist`. */
  why?: string;
  /** What was expected: `an ISO date YYYY-MM-DD that exists`. */
  expected?: string;
  /** What happens then, or what else to know: `the row was not used`. */
  then?: string;
}

/**
 * The one shape of a message: `what (why): expected …; then`.
 * @example problemText({ what: 'the cell is blank', expected: 'a date', then: 'the row was not used' })
 * // 'the cell is blank: expected a date; the row was not used'
 */
export function problemText(t: ProblemText): string {
  let s = t.what;
  if (t.why) s += ` (${t.why})`;
  if (t.expected) s += `: expected ${t.expected}`;
  if (t.then) s += `; ${t.then}`;
  return s;
}

/**
 * Shortens a value for a problem or a message: a long value is cut at `max`
 * characters (default 200), with an ellipsis and its full length, so that a
 * hostile 100 KB cell never makes a 100 KB line.
 * @example clip('x'.repeat(300)) // 'xxx…x… (300 characters)': 200 x, an ellipsis and the length
 */
export function clip(value: string, max = 200): string {
  return value.length > max ? `${value.slice(0, max)}… (${value.length.toLocaleString('en-GB')} characters)` : value;
}

/** A value as a message quotes it: JSON string syntax, cut at 60 characters (then an ellipsis and the full length). */
export function quote(value: string): string {
  return value.length > 60 ? `${JSON.stringify(`${value.slice(0, 60)}…`)} (${value.length.toLocaleString('en-GB')} characters)` : JSON.stringify(value);
}

/**
 * A problem: the place's fields that are set, the code, severity and value, and the message in the one shape.
 * @example dataProblem('review-outside-period', 'error', { file: 'reviews.csv', line: 5, column: 'REVIEW' },
 *   { what: 'the review of 2023-07-20 is outside every period of care', then: 'the row was not used' }, '20/07/2023')
 */
export function dataProblem(
  code: ProblemCode,
  severity: DataProblem['severity'],
  place: ProblemPlace,
  text: ProblemText,
  value?: string,
): DataProblem {
  const p: DataProblem = { code, severity, message: problemText(text) };
  if (place.caseId !== undefined) p.caseId = place.caseId;
  if (place.procedure !== undefined) p.procedure = place.procedure;
  if (place.rule !== undefined) p.rule = place.rule;
  if (place.event !== undefined) p.event = place.event;
  if (place.file !== undefined) p.file = place.file;
  if (place.line !== undefined) p.line = place.line;
  if (place.column !== undefined) p.column = place.column;
  if (value !== undefined) p.value = clip(value);
  return p;
}

/** What a builder of a common fault is told besides the place. */
export interface FaultText {
  /** What happens then: `the row was not used`. */
  then: string;
  /** Default `error`. */
  severity?: DataProblem['severity'];
}

/**
 * `invalid-date`: a date that cannot be read.
 * @example invalidDate({ file: 'e.csv', line: 3, column: 'date' }, '2023-02-30',
 *   { expected: 'an ISO date YYYY-MM-DD that exists', why: 'that day does not exist', then: 'the row was not used' }).message
 * // '"2023-02-30" is not a valid date (that day does not exist): expected an ISO date YYYY-MM-DD that exists; the row was not used'
 */
export function invalidDate(
  place: ProblemPlace,
  value: string,
  t: FaultText & { expected: string; why?: string; subject?: string },
): DataProblem {
  const what = `${t.subject ? `${t.subject} ` : ''}${quote(value)} is not a valid date`;
  return dataProblem('invalid-date', t.severity ?? 'error', place, { what, why: t.why, expected: t.expected, then: t.then }, value);
}

/**
 * `missing-value`: a cell or element that must be given is blank or empty.
 * @example missingValue({ file: 'e.csv', line: 7, column: 'event' }, '', { expected: 'an event name', then: 'the row was not used' }).message
 * // 'the cell is blank: expected an event name; the row was not used'
 */
export function missingValue(place: ProblemPlace, value: string, t: FaultText & { expected: string; what?: string }): DataProblem {
  return dataProblem('missing-value', t.severity ?? 'error', place, { what: t.what ?? 'the cell is blank', expected: t.expected, then: t.then }, value);
}

/**
 * `unknown-event`: an event name the procedure does not have, with the nearest one it has.
 * @example unknownEvent({ line: 5, column: 'event' }, 'lac-reveiw', { of: 'this procedure', nearest: 'lac-review', then: 'the row was not used' }).message
 * // '"lac-reveiw" is not an event of this procedure (did you mean "lac-review"?); the row was not used'
 */
export function unknownEvent(
  place: ProblemPlace,
  value: string,
  t: FaultText & { of: string; nearest: string | undefined; subject?: string },
): DataProblem {
  const what = `${t.subject ? `${t.subject} ` : ''}${quote(value)} is not an event of ${t.of}`;
  return dataProblem('unknown-event', t.severity ?? 'error', place, { what, why: t.nearest ? `did you mean "${t.nearest}"?` : undefined, then: t.then }, value);
}

/**
 * `duplicate-case-id`: a case (child, action) id given a second time; `first` says where it was given first.
 * @example duplicateCaseId({ line: 8, column: 'id' }, 'C1', { first: 'on line 1', then: 'this line is read as a separate record', severity: 'warning' }).message
 * // 'case C1 was already given on line 1; this line is read as a separate record'
 */
export function duplicateCaseId(place: ProblemPlace, id: string, t: FaultText & { first: string; what?: string }): DataProblem {
  return dataProblem('duplicate-case-id', t.severity ?? 'error', { caseId: id, ...place }, { what: `${t.what ?? `case ${id}`} was already given ${t.first}`, then: t.then }, id);
}

/**
 * `conflicting-date-of-birth` (a warning): a date of birth that differs from the one given before.
 * `date` is the value as an ISO date when it is written otherwise.
 * @example conflictingDateOfBirth({ line: 4, column: 'dob' }, '2015-05-03', { of: 'case C1', kept: '2015-05-02', at: 'on line 2', then: 'the case is evaluated without a date of birth' }).message
 * // 'the date of birth 2015-05-03 of case C1 differs from 2015-05-02 given on line 2; the case is evaluated without a date of birth'
 */
export function conflictingDateOfBirth(
  place: ProblemPlace,
  value: string,
  t: { of: string; date?: string; kept: string; at: string; then: string },
): DataProblem {
  return dataProblem(
    'conflicting-date-of-birth',
    'warning',
    place,
    { what: `the date of birth ${t.date ?? value} of ${t.of} differs from ${t.kept} given ${t.at}`, then: t.then },
    value,
  );
}

/**
 * The location of a problem or a file error, once: `file:line:column`, leaving out what is not known.
 * @example formatLocation({ file: 'episodes.csv', line: 9, column: 'DECOM' }) // 'episodes.csv:9:DECOM'
 * @example formatLocation({ file: 'census.xml', column: 'Child[2]/ChildIdentifiers/LAchildID' }) // 'census.xml:Child[2]/ChildIdentifiers/LAchildID'
 */
export function formatLocation(at: { file?: string; line?: number; column?: string | number }): string {
  let s = at.file ?? '';
  if (at.line !== undefined) s += `${s ? ':' : ''}${at.line}`;
  if (at.column !== undefined && at.column !== '') s += `${s ? ':' : ''}${at.column}`;
  return s;
}

/**
 * A problem on one line: its location (the file, line and column; or, for a
 * problem of the evaluation, the case), then its message.
 * @example formatProblem({ code: 'invalid-date', severity: 'error', file: 'e.csv', line: 3, column: 'date', message: '"2023-02-30" is not a valid date …' })
 * // 'e.csv:3:date: "2023-02-30" is not a valid date …'
 * @example formatProblem({ code: 'missing-date-of-birth', severity: 'warning', caseId: 'C1', message: 'rule x needs …' }) // 'case C1: rule x needs …'
 */
export function formatProblem(p: DataProblem): string {
  const where = p.file !== undefined ? formatLocation(p) : p.caseId !== undefined ? `case ${p.caseId}` : '';
  return where ? `${where}: ${p.message}` : p.message;
}

/** The problems of one code: how many (by severity) and the first few. */
export interface ProblemGroup {
  code: ProblemCode;
  count: number;
  errors: number;
  warnings: number;
  /** The first `examples` problems of the code, in input order. */
  examples: DataProblem[];
}

/**
 * Problems grouped by code, the most frequent first (ties in order of first
 * appearance), each with its first few examples: what to print instead of
 * thousands of lines.
 * @example groupProblems(problems, 3)[0] // { code: 'review-outside-period', count: 5860, errors: 5860, warnings: 0, examples: [p1, p2, p3] }
 */
export function groupProblems(problems: Iterable<DataProblem>, examples = 3): ProblemGroup[] {
  const groups = new Map<ProblemCode, ProblemGroup>();
  for (const p of problems) {
    let g = groups.get(p.code);
    if (!g) groups.set(p.code, (g = { code: p.code, count: 0, errors: 0, warnings: 0, examples: [] }));
    g.count++;
    if (p.severity === 'error') g.errors++;
    else g.warnings++;
    if (g.examples.length < examples) g.examples.push(p);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
