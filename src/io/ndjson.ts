/**
 * Reader of case records as NDJSON: one case record per line, exactly as the
 * library takes it (`{ id, dateOfBirth?, events: [{ type, date, ...attributes }] }`).
 *
 * - UTF-8 with or without BOM; LF or CRLF line ends. Blank lines (or lines of
 *   spaces) are skipped and are not rows.
 * - Each line is parsed as JSON and validated with `CaseRecordSchema`; then every
 *   date is checked to exist (`2023-02-30` passes the schema's pattern but not
 *   this check). A line with any fault is not used at all (no partial case, so
 *   no result is computed from part of a child's history) and gives one error
 *   problem per fault, with the line number and the path of the fault as the
 *   column (e.g. `events[2].date`): codes `invalid-json`, `invalid-date` (a
 *   `date` or `dateOfBirth` string that is not a valid date) and `invalid-record`
 *   (any other schema fault).
 * - With `knownEvents` (the CLI gives the procedure's), an event whose type
 *   is not one of them is a fault of its line like any other
 *   (`unknown-event`, column `events[i].type`): the record is not used.
 * - A case id seen on an earlier line gives a `duplicate-case-id` warning; the
 *   line is still used, as a separate record (records are never merged).
 * - A file with no non-blank line is an error (`InputFileError`, "file is empty").
 * - Always `counts.read === counts.used + counts.reported` (rows = non-blank lines).
 */
import { StringDecoder } from 'node:string_decoder';
import type { z } from 'zod';
import { type CaseRecord, CaseRecordSchema } from '../engine/case';
import { nearest } from '../engine/events';
import { dataProblem, duplicateCaseId, invalidDate, unknownEvent, type DataProblem } from '../engine/problems';
import { readInputDate } from './dates';
import { caseStream, readAll, type CaseChunk, type CaseStream, type ReadResult } from './result';
import { fileError, fileOpenError, openSource, sourceName, stripBom, type InputSource } from './source';

/** Options of the NDJSON readers. */
export interface NdjsonOptions {
  /**
   * The event names the procedure knows. When given, a record with an event
   * of another name is not used at all (`unknown-event` on `events[i].type`,
   * with the nearest known name), as any other faulty line: a case is never
   * evaluated from part of its history.
   */
  knownEvents?: readonly string[];
}

/** The outcome of one non-blank line. */
export type NdjsonLine =
  | { ok: true; line: number; record: CaseRecord }
  | { ok: false; line: number; problems: DataProblem[] };

const NOT_USED = 'the case record was not used';

/**
 * Formats a zod issue path the way a developer writes it.
 * @example formatIssuePath(['events', 2, 'date']) // 'events[2].date'
 * @example formatIssuePath([]) // ''
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Reads a record's `date` (which may have a time) or `dateOfBirth` (which may not). */
function readRecordDate(column: string, value: string) {
  return readInputDate(value, 'iso', { time: !column.endsWith('dateOfBirth'), fixedBy: 'case record' });
}

function issueProblem(issue: z.core.$ZodIssue, root: unknown, file: string, line: number): DataProblem {
  const path = issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...issue.path, issue.keys[0]] : issue.path;
  const column = formatIssuePath(path);
  const caseId = idOf(root);
  const raw = valueAt(root, path);
  const last = path[path.length - 1];
  const place = { file, line, ...(column ? { column } : {}), ...(caseId === undefined ? {} : { caseId }) };
  if ((last === 'date' || last === 'dateOfBirth') && typeof raw === 'string') {
    const read = readRecordDate(column, raw);
    if (!read.ok) return invalidDate(place, raw, { expected: read.expected, why: read.why, then: NOT_USED });
  }
  return dataProblem('invalid-record', 'error', place, { what: issue.message, then: NOT_USED }, show(raw));
}

/** The dates of a record that passed the schema but do not exist (`2023-02-30`). */
function dateProblems(record: CaseRecord, file: string, line: number): DataProblem[] {
  const problems: DataProblem[] = [];
  const check = (column: string, value: string): void => {
    const read = readRecordDate(column, value);
    if (!read.ok) problems.push(invalidDate({ file, line, column, caseId: record.id }, value, { expected: read.expected, why: read.why, then: NOT_USED }));
  };
  if (record.dateOfBirth !== undefined) check('dateOfBirth', record.dateOfBirth);
  record.events.forEach((event, i) => check(`events[${i}].date`, event.date));
  return problems;
}

/** The events of a record whose type the procedure does not know. */
function eventProblems(record: CaseRecord, file: string, line: number, known: ReadonlySet<string>): DataProblem[] {
  const problems: DataProblem[] = [];
  record.events.forEach((event, i) => {
    if (known.has(event.type)) return;
    problems.push(unknownEvent({ file, line, column: `events[${i}].type`, caseId: record.id }, event.type, { of: 'this procedure', nearest: nearest(event.type, [...known]), then: NOT_USED }));
  });
  return problems;
}

/** Paths of own `__proto__` keys in a parsed record and its events. */
function protoKeyPaths(value: unknown): string[] {
  const paths: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (!isObject(value)) return paths;
  if (Object.hasOwn(value, '__proto__')) paths.push('__proto__');
  const events = value.events;
  if (Array.isArray(events)) {
    events.forEach((e, i) => {
      if (isObject(e) && Object.hasOwn(e, '__proto__')) paths.push(`events[${i}].__proto__`);
    });
  }
  return paths;
}

/**
 * Parses and validates one line of NDJSON (not blank).
 * @example interpretNdjsonLine('{"id":"C1","events":[]}', 1, 'cases.ndjson')
 * // { ok: true, line: 1, record: { id: 'C1', events: [] } }
 */
export function interpretNdjsonLine(text: string, line: number, file: string, knownEvents?: ReadonlySet<string>): NdjsonLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const what = 'the line is not valid JSON';
    return { ok: false, line, problems: [dataProblem('invalid-json', 'error', { file, line }, { what, why: (err as Error).message, expected: 'one case record per line', then: NOT_USED }, text)] };
  }
  // zod drops a "__proto__" key without a word; report it instead.
  if (text.includes('__proto__')) {
    const protoPaths = protoKeyPaths(value);
    if (protoPaths.length > 0) {
      const caseId = idOf(value);
      return {
        ok: false,
        line,
        problems: protoPaths.map((column) =>
          dataProblem('invalid-record', 'error', { file, line, column, ...(caseId === undefined ? {} : { caseId }) }, {
            what: '"__proto__" cannot be a key of a case record or event',
            then: NOT_USED,
          }),
        ),
      };
    }
  }
  const parsed = CaseRecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false, line, problems: parsed.error.issues.map((i) => issueProblem(i, value, file, line)) };
  const problems = dateProblems(parsed.data, file, line);
  if (knownEvents !== undefined) for (const p of eventProblems(parsed.data, file, line, knownEvents)) problems.push(p);
  return problems.length > 0 ? { ok: false, line, problems } : { ok: true, line, record: parsed.data };
}

/**
 * Splits `input` into lines (LF or CRLF; BOM removed), yielding batches of
 * non-blank lines with their 1-based line numbers, one batch per chunk read.
 */
async function* lineBatches(input: InputSource, file: string): AsyncGenerator<{ text: string; line: number }[]> {
  const source = openSource(input);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  let first = true;
  const take = (text: string, out: { text: string; line: number }[]): void => {
    line++;
    if (first) {
      first = false;
      text = stripBom(text);
    }
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    if (text.trim() !== '') out.push({ text, line });
  };
  try {
    for await (const chunk of source) {
      const text = rest + decoder.write(chunk as Buffer);
      const out: { text: string; line: number }[] = [];
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl), out);
        start = nl + 1;
      }
      rest = text.slice(start);
      if (out.length > 0) yield out;
    }
  } catch (err) {
    throw fileOpenError(file, err as NodeJS.ErrnoException);
  } finally {
    source.destroy();
  }
  rest += decoder.end();
  const out: { text: string; line: number }[] = [];
  if (rest !== '') take(rest, out);
  if (out.length > 0) yield out;
}

/**
 * Reads a whole NDJSON file of case records.
 * Throws an `InputFileError` when the file cannot be read or is empty (no
 * non-blank line). Every faulty line is a problem.
 * @example
 * const r = await readNdjson({ text: '{"id":"C1","events":[{"type":"lac-review","date":"2024-03-27"}]}\n' });
 * // r.cases → [{ id: 'C1', events: [{ type: 'lac-review', date: '2024-03-27' }] }], r.counts.read 1
 */
export function readNdjson(input: InputSource, opts: NdjsonOptions = {}): Promise<ReadResult> {
  return readAll(streamNdjson(input, opts));
}

/**
 * Reads an NDJSON file one line at a time: yields `{ case, problems }` for every
 * non-blank line, with `case` undefined when the line could not be used (its
 * problems say why). `counts` is live, and final once the loop ends. Memory does
 * not grow with the file (only a map of case ids to their first line is kept).
 * @example
 * const stream = streamNdjson({ path: 'cases.ndjson' });
 * for await (const { case: c, problems } of stream) { if (c) evaluate(c); report(problems); }
 */
export function streamNdjson(input: InputSource, opts: NdjsonOptions = {}): CaseStream {
  return caseStream('streamNdjson', async function* (counts): AsyncGenerator<CaseChunk> {
    const file = sourceName(input);
    const known = opts.knownEvents ? new Set(opts.knownEvents) : undefined;
    const firstLine = new Map<string, number>();
    for await (const lines of lineBatches(input, file)) {
      for (const { text, line } of lines) {
        counts.read++;
        const outcome = interpretNdjsonLine(text, line, file, known);
        if (!outcome.ok) {
          counts.reported++;
          yield { case: undefined, problems: outcome.problems };
          continue;
        }
        counts.used++;
        const id = outcome.record.id;
        const earlier = firstLine.get(id);
        if (earlier === undefined) firstLine.set(id, line);
        const problems =
          earlier === undefined
            ? []
            : [duplicateCaseId({ file, line, column: 'id' }, id, { first: `on line ${earlier}`, then: 'this line is read as a separate record (records are not merged)', severity: 'warning' })];
        yield { case: outcome.record, problems };
      }
    }
    if (counts.read === 0) {
      throw fileError({ file }, 'file', file, { what: 'file is empty', expected: 'one case record (JSON) per line' });
    }
  });
}
