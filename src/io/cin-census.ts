/**
 * Reader for the DfE Children in Need census (XML):
 * `Message/Children/Child/{ChildIdentifiers, CINdetails...}` (docs/data-formats.md,
 * "Input: DfE CIN census").
 *
 * Output: one case record per `Child` (id = `LAchildID`, dateOfBirth =
 * `PersonBirthDate`) with the events of `CIN_CENSUS_MAPPING`, plus the data
 * problems found on the way. Values are read as strings (an `LAchildID` of
 * `007` stays `007`).
 *
 * Readings (documented, tested):
 * - Each `CINdetails` may hold several `Assessments`, `CINPlanDates`,
 *   `Section47` and `ChildProtectionPlans` groups (the DfE schema allows
 *   0..n); each is read. The nested forms `Assessments/Assessment/...` and
 *   `ChildProtectionPlans/ChildProtectionPlan/...` are read as well.
 * - `DateOfInitialCPC` may appear directly in `CINdetails` and in its
 *   `Section47`: within one `CINdetails`, the same date gives one `icpc`.
 * - `ICPCnotRequired` `true` or `1` gives `icpc-not-required` dated the
 *   `S47ActualStartDate` of the same `Section47`; `false` or `0` gives nothing.
 * - `InitialCPCtarget` is the authority's own target date and is not read: the
 *   library works out due dates itself.
 * - Dates must be ISO `YYYY-MM-DD` and exist; anything else is an error
 *   problem naming the file, the element path (in `column`, e.g.
 *   `Child[3]/CINdetails[1]/Section47[1]/S47ActualStartDate`), its line and
 *   the value. Paths number the elements that may repeat (Child, CINdetails,
 *   Assessments, Assessment, CINPlanDates, Section47, ChildProtectionPlans,
 *   ChildProtectionPlan, CPPreviewDate), counting from 1.
 * - Two `Child` elements with the same `LAchildID` are one child: their events
 *   are merged into the first, with a warning.
 * - Events of a case are in date order; on a tie, CINdetails in document
 *   order, then the order of `CIN_CENSUS_MAPPING.elements` (referral,
 *   assessment, plan, S47, ICPC, CP plan, closure).
 * - Every child with an `LAchildID` is a case, even one with no event for the
 *   chosen procedure.
 * - Problems come in line order.
 * - The "rows" of `counts` are the mapped elements of the children used: an
 *   element is used when it could be read, whether or not the chosen
 *   procedure takes its events (`stats.elements` tells those apart).
 */
import { StringDecoder } from 'node:string_decoder';
import { createRequire } from 'node:module';
import type { SaxesParser } from 'saxes';
import type { CaseEvent, CaseRecord } from '../engine/case';
import { dataProblem, duplicateCaseId, invalidDate, missingValue, type DataProblem, type ProblemPlace } from '../engine/problems';
import { TimescalesInputError } from '../errors';
import { readInputDate } from './dates';
import { caseStream, type CaseChunk, type CaseStream, type ReadResult, type RowCounts } from './result';
import { fileError, fileOpenError, openSource, sourceName, stripBom, toInputSource, type DfeInput, type InputSource } from './source';

/** The procedures the CIN census feeds. */
export type CinCensusProcedure = 'national-assessment-cp' | 'strategy-discussion' | 'cp-conference' | 'ics-records';

/** One event made from a census element. */
export interface CinCensusEventMapping {
  type: string;
  /** Attributes the event carries, e.g. `{ s47: true }`. */
  attributes?: Readonly<Record<string, boolean>>;
}

/** One census element (or flag) and the events it gives. */
export interface CinCensusElementMapping {
  /** Paths inside `CINdetails`; the first is the DfE form, others are accepted variants. */
  paths: readonly string[];
  /** `date`: the element's value is the event date. `flag`: a boolean; when true, the event is dated by `dateFrom`. */
  kind: 'date' | 'flag';
  /** For a flag: the sibling element whose date the event takes. */
  dateFrom?: string;
  /** For a flag: the problem code when that sibling has no readable date, and the group that should hold it. */
  withoutDate?: { code: 'icpc-not-required-without-date' | 'referral-nfa-without-date'; parent: string };
  events: readonly CinCensusEventMapping[];
  /** One event per distinct date within a `CINdetails` (the ICPC date may be given twice). */
  oncePerDate?: boolean;
}

/**
 * The census elements the reader maps, and per procedure the event names it
 * feeds. With `opts.procedure`, only that procedure's events are kept.
 * `strategy-discussion` also takes `core-assessment-completed` because its rule
 * `core-assessment-from-s47` completes with it. The audit's default is
 * `national-assessment-cp`: `Assessments` give `assessment-started` /
 * `assessment-completed` (the single assessment) for it, and
 * `core-assessment-started` / `-completed` for the local procedures.
 */
export const CIN_CENSUS_MAPPING: {
  readonly elements: readonly CinCensusElementMapping[];
  readonly procedures: Readonly<Record<CinCensusProcedure, readonly string[]>>;
} = {
  elements: [
    { paths: ['CINreferralDate'], kind: 'date', events: [{ type: 'referral' }] },
    {
      paths: ['ReferralNFA'],
      kind: 'flag',
      dateFrom: 'CINreferralDate',
      withoutDate: { code: 'referral-nfa-without-date', parent: 'CINdetails' },
      events: [{ type: 'referral-nfa' }],
    },
    {
      paths: ['Assessments/AssessmentActualStartDate', 'Assessments/Assessment/AssessmentActualStartDate'],
      kind: 'date',
      events: [{ type: 'assessment-started' }, { type: 'core-assessment-started' }],
    },
    {
      paths: ['Assessments/AssessmentAuthorisationDate', 'Assessments/Assessment/AssessmentAuthorisationDate'],
      kind: 'date',
      events: [{ type: 'assessment-completed' }, { type: 'core-assessment-completed' }],
    },
    { paths: ['CINPlanDates/CINPlanStartDate'], kind: 'date', events: [{ type: 'cin-plan-started' }] },
    { paths: ['CINPlanDates/CINPlanEndDate'], kind: 'date', events: [{ type: 'cin-plan-ended' }] },
    {
      paths: ['Section47/S47ActualStartDate'],
      kind: 'date',
      events: [{ type: 'strategy-discussion', attributes: { s47: true } }, { type: 's47-started' }],
    },
    { paths: ['DateOfInitialCPC', 'Section47/DateOfInitialCPC'], kind: 'date', events: [{ type: 'icpc' }], oncePerDate: true },
    {
      paths: ['Section47/ICPCnotRequired'],
      kind: 'flag',
      dateFrom: 'S47ActualStartDate',
      withoutDate: { code: 'icpc-not-required-without-date', parent: 'Section47' },
      events: [{ type: 'icpc-not-required' }],
    },
    {
      paths: ['ChildProtectionPlans/CPPstartDate', 'ChildProtectionPlans/ChildProtectionPlan/CPPstartDate'],
      kind: 'date',
      events: [{ type: 'cp-plan-started' }],
    },
    {
      paths: ['ChildProtectionPlans/Reviews/CPPreviewDate', 'ChildProtectionPlans/ChildProtectionPlan/Reviews/CPPreviewDate'],
      kind: 'date',
      events: [{ type: 'rcpc' }],
    },
    {
      paths: ['ChildProtectionPlans/CPPendDate', 'ChildProtectionPlans/ChildProtectionPlan/CPPendDate'],
      kind: 'date',
      events: [{ type: 'cp-plan-ended' }],
    },
    { paths: ['CINclosureDate'], kind: 'date', events: [{ type: 'closure' }] },
  ],
  procedures: {
    // The default: the national rules (Working Together). `Assessments` are single assessments (45 working days from
    // the referral, or from the assessment's start with the profile `from-assessment-start`); the ICPC is counted from
    // the actual S47 start (the DfE's measure); CP plan reviews are review conferences.
    'national-assessment-cp': [
      'referral',
      'referral-nfa',
      'assessment-started',
      'assessment-completed',
      's47-started',
      'strategy-discussion',
      'icpc',
      'icpc-not-required',
      'cp-plan-started',
      'rcpc',
      'cp-plan-ended',
    ],
    'strategy-discussion': ['strategy-discussion', 's47-started', 'core-assessment-completed'],
    'cp-conference': ['strategy-discussion', 'icpc', 'icpc-not-required', 'cp-plan-started', 'rcpc', 'cp-plan-ended'],
    'ics-records': [
      'referral',
      's47-started',
      'core-assessment-started',
      'core-assessment-completed',
      'cin-plan-started',
      'cin-plan-ended',
      'closure',
    ],
  },
};

/** Elements that may repeat: numbered in element paths. */
const REPEATING = new Set([
  'Child',
  'CINdetails',
  'Assessments',
  'Assessment',
  'CINPlanDates',
  'Section47',
  'ChildProtectionPlans',
  'ChildProtectionPlan',
  'CPPreviewDate',
]);

export interface CinCensusOptions {
  /** Keep only the events this procedure uses (default: all mapped events). */
  procedure?: CinCensusProcedure;
}

export interface CinCensusStats {
  /** `Child` elements: used (made or joined a case) or reported (no `LAchildID`). */
  children: RowCounts;
  /** Cases made (children with distinct `LAchildID`). */
  cases: number;
  /** Events in the cases. */
  events: number;
  /**
   * Mapped elements (dates and `ICPCnotRequired`) of the children used:
   * `read = used + reported + notForProcedure`.
   */
  elements: RowCounts & { notForProcedure: number };
}

/** `counts` are the mapped elements: `read`, `used` (read without a fault, for the procedure or not) and `reported`. */
export interface CinCensusResult extends ReadResult {
  stats: CinCensusStats;
}

/**
 * Reads a CIN census XML file (a path or `{ text, name }`) into case records.
 * The file is streamed: one `Child` at a time is held in memory, so time and
 * memory beyond the cases returned do not grow with the file.
 * @example
 * const { cases } = await readCinCensus('CIN_Census_2024.xml', { procedure: 'cp-conference' });
 * // cases[0] → { id: 'DfEX0000001', dateOfBirth: '2015-03-27', events: [
 * //   { type: 'cp-plan-started', date: '2022-02-17' },
 * //   { type: 'strategy-discussion', date: '2022-06-02', s47: true }, ...] }
 * @throws TimescalesInputError when the file cannot be read, is empty, is not well-formed XML, has a DOCTYPE, or is not a census `Message`.
 */
export async function readCinCensus(input: DfeInput, opts: CinCensusOptions = {}): Promise<CinCensusResult> {
  const source = toInputSource(input, 'input', 'input');
  const census = newCensus(sourceName(source), opts);
  const collect = collector(census);
  const sax = censusParser(census, collect.add);
  await feed(source, sax);
  return collect.result();
}

/**
 * Reads a CIN census one `Child` at a time, for files too big to hold (a
 * national file of every authority): yields `{ case, problems }` per `Child`
 * in document order (`case` undefined for a child without an LAchildID). A
 * `Child` whose LAchildID was given before is yielded as a separate record with a
 * `duplicate-case-id` warning (`readCinCensus` merges it into the first);
 * only the set of ids seen is kept. `counts` and `stats` are live, and final
 * when the loop ends.
 * @example
 * const stream = streamCinCensus({ path: 'census.xml' }, { procedure: 'cp-conference' });
 * for await (const { case: c, problems } of stream) { if (c) evaluate(c); report(problems); }
 */
export function streamCinCensus(input: DfeInput, opts: CinCensusOptions = {}): CaseStream & { readonly stats: CinCensusStats } {
  const source = toInputSource(input, 'input', 'input');
  const census = newCensus(sourceName(source), opts);
  const stream = caseStream('streamCinCensus', async function* (counts): AsyncGenerator<CaseChunk> {
    const seen = new Map<string, ChildRead>();
    let queue: CaseChunk[] = [];
    const sax = censusParser(census, (child, problems) => {
      if (child !== undefined) {
        const earlier = seen.get(child.record.id);
        if (earlier !== undefined) problems.unshift(duplicateChild(child, earlier, census.name, 'it is read as a separate record (readCinCensus merges it into that child)'));
        else seen.set(child.record.id, { record: { id: child.record.id, events: [] }, path: child.path, ...(child.line !== undefined ? { line: child.line } : {}) });
      }
      queue.push({ case: child?.record, problems });
    });
    const sync = (): void => {
      const e = census.stats.elements;
      counts.read = e.read;
      counts.used = e.used + e.notForProcedure;
      counts.reported = e.reported;
    };
    for await (const _ of chunksInto(source, sax)) {
      sync();
      const out = queue;
      queue = [];
      yield* out;
    }
    sync();
    yield* queue;
  });
  return Object.assign(stream, { stats: census.stats });
}

/**
 * The pure part of {@link readCinCensus}: maps census XML text to case records.
 * @example
 * parseCinCensus('<Message><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID>' +
 *   '</ChildIdentifiers><CINdetails><CINreferralDate>2024-03-27</CINreferralDate>' +
 *   '</CINdetails></Child></Children></Message>', 'census.xml').cases
 * // [{ id: 'C1', events: [{ type: 'referral', date: '2024-03-27' }] }]
 */
export function parseCinCensus(text: string, name: string, opts: CinCensusOptions = {}): CinCensusResult {
  const census = newCensus(name, opts);
  const collect = collector(census);
  const sax = censusParser(census, collect.add);
  sax.write(stripBom(text));
  sax.close();
  return collect.result();
}

/** The event types a census records: the chosen procedure's, or every event of the mapping. */
function censusRecords(census: Census): string[] {
  return census.wanted ? [...census.wanted] : [...new Set(CIN_CENSUS_MAPPING.elements.flatMap((m) => m.events.map((x) => x.type)))];
}

function newCensus(name: string, opts: CinCensusOptions): Census {
  const procedure = opts.procedure;
  if (procedure !== undefined && !Object.hasOwn(CIN_CENSUS_MAPPING.procedures, procedure)) {
    throw new TimescalesInputError(
      'opts.procedure',
      procedure,
      `one of ${Object.keys(CIN_CENSUS_MAPPING.procedures).join(', ')}`,
    );
  }
  return {
    name,
    lines: new Map(),
    wanted: procedure ? new Set(CIN_CENSUS_MAPPING.procedures[procedure]) : undefined,
    problems: [],
    stats: {
      children: { read: 0, used: 0, reported: 0 },
      cases: 0,
      events: 0,
      elements: { read: 0, used: 0, reported: 0, notForProcedure: 0 },
    },
  };
}

/** Gathers the children of a whole read: a repeated LAchildID joins the first child of that id. */
function collector(census: Census): { add: ChildSink; result: () => CinCensusResult } {
  const cases: CaseRecord[] = [];
  const problems: DataProblem[] = [];
  const byId = new Map<string, ChildRead>();
  return {
    add(child, childProblems) {
      if (child !== undefined) {
        const earlier = byId.get(child.record.id);
        if (earlier) {
          childProblems.unshift(duplicateChild(child, earlier, census.name));
          mergeInto(earlier.record, child.record);
        } else {
          byId.set(child.record.id, child);
          cases.push(child.record);
        }
      }
      for (const p of childProblems) problems.push(p);
    },
    result() {
      const { stats } = census;
      stats.cases = cases.length;
      let events = 0;
      for (const c of cases) events += c.events.length;
      stats.events = events;
      const e = stats.elements;
      return { cases, records: censusRecords(census), problems, counts: { read: e.read, used: e.used + e.notForProcedure, reported: e.reported }, stats };
    },
  };
}

/** What the mapping of one census keeps while it goes. */
interface Census {
  name: string;
  /** The line of each element of the child being read, keyed by its full path (`Child[3]/CINdetails[1]/...`, every element numbered). */
  lines: Map<string, number>;
  /** The events the chosen procedure takes (all when undefined). */
  wanted: Set<string> | undefined;
  problems: DataProblem[];
  stats: CinCensusStats;
}

/** A `Child` read: its case record, its element path and line. */
interface ChildRead {
  record: CaseRecord;
  path: string;
  line?: number;
}

/**
 * One `Child` (the `n`th): its LAchildID, date of birth and the events of its
 * `CINdetails`; `undefined` (reported `missing-child-id`) when it has no LAchildID.
 */
function readChild(node: Record<string, unknown> | undefined, n: number, census: Census): ChildRead | undefined {
  const path = `Child[${n}]`;
  const key = `Child[${n}]`;
  const ids = asObject(first(node?.ChildIdentifiers));
  const id = text1(ids?.LAchildID);
  const line = census.lines.get(key);
  const place = { file: census.name, ...(line !== undefined ? { line } : {}) };
  if (!id) {
    census.stats.children.reported++;
    census.problems.push(
      dataProblem(
        'missing-child-id',
        'error',
        { ...place, column: `${path}/ChildIdentifiers/LAchildID` },
        { what: 'the child has no LAchildID (ChildIdentifiers/LAchildID), so it cannot be a case', then: 'this child was not used' },
        '',
      ),
    );
    return undefined;
  }
  census.stats.children.used++;
  const dob = birthDate(text1(ids?.PersonBirthDate), `${path}/ChildIdentifiers/PersonBirthDate`, `${key}/ChildIdentifiers[1]/PersonBirthDate[1]`, id, census);
  const events = asArray(node?.CINdetails).flatMap((details, d) =>
    mapCinDetails(asObject(details), `${path}/CINdetails[${d + 1}]`, `${key}/CINdetails[${d + 1}]`, id, census),
  );
  return { record: { id, ...(dob !== undefined ? { dateOfBirth: dob } : {}), events: sortEvents(events) }, path, ...(line !== undefined ? { line } : {}) };
}

/** `PersonBirthDate`, when given and readable (else reported: the case has no date of birth). */
function birthDate(value: string | undefined, path: string, key: string, caseId: string, census: Census): string | undefined {
  if (!value) return undefined;
  const read = readCensusDate(value);
  if (read.ok) return read.date;
  census.problems.push(dateProblem(census, path, census.lines.get(key), value, caseId, read, 'the case has no date of birth'));
  return undefined;
}

/** The `duplicate-case-id` warning of a `Child` that repeats an LAchildID. */
function duplicateChild(child: ChildRead, earlier: ChildRead, file: string, separate?: string): DataProblem {
  const { record } = child;
  const kept = earlier.record.dateOfBirth;
  const differentDob = record.dateOfBirth !== undefined && kept !== undefined && record.dateOfBirth !== kept;
  return duplicateCaseId({ file, ...(child.line !== undefined ? { line: child.line } : {}), column: `${child.path}/ChildIdentifiers/LAchildID` }, record.id, {
    what: `LAchildID ${record.id}`,
    first: `by ${earlier.path}${earlier.line !== undefined ? ` (line ${earlier.line})` : ''}`,
    then: separate ?? `its events are added to that child${differentDob ? `, but its PersonBirthDate ${record.dateOfBirth} differs from ${kept}, which is kept` : ''}`,
    severity: 'warning',
  });
}

/** Two `Child` elements with one LAchildID are one child: the later's events join the earlier's. */
function mergeInto(earlier: CaseRecord, later: CaseRecord): void {
  if (earlier.dateOfBirth === undefined && later.dateOfBirth !== undefined) earlier.dateOfBirth = later.dateOfBirth;
  earlier.events = sortEvents([...earlier.events, ...later.events]);
}

/** Problems in line order (those without a line last), the order found on a tie. */
function inLineOrder(problems: DataProblem[]): DataProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? Number.MAX_SAFE_INTEGER) - (b.p.line ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ p }) => p);
}

const VALUE_NOT_USED = 'this value was not used';

/**
 * The events of one `CINdetails` object (as parsed with every element an
 * array), element by element in the order of `CIN_CENSUS_MAPPING.elements`.
 * @example
 * mapCinDetails({ CINreferralDate: ['2024-03-27'] }, 'Child[1]/CINdetails[1]', 'k', 'C1', census)
 * // [{ type: 'referral', date: '2024-03-27' }]
 */
function mapCinDetails(
  details: Record<string, unknown> | undefined,
  detailsPath: string,
  detailsKey: string,
  caseId: string,
  census: Census,
): CaseEvent[] {
  if (!details) return [];
  const events: CaseEvent[] = [];
  const counts = census.stats.elements;
  for (const mapping of CIN_CENSUS_MAPPING.elements) {
    const types = mapping.events.filter((e) => !census.wanted || census.wanted.has(e.type));
    const seenDates = new Set<string>();
    for (const p of mapping.paths) {
      for (const found of resolve(details, p.split('/'), detailsPath, detailsKey)) {
        counts.read++;
        if (types.length === 0) {
          counts.notForProcedure++;
          continue;
        }
        const read = mapping.kind === 'flag' ? readFlag(found, mapping, caseId, census) : readDateElement(found, caseId, census);
        if (read === 'reported') {
          counts.reported++;
          continue;
        }
        counts.used++;
        if (read === 'no-event') continue;
        if (mapping.oncePerDate) {
          if (seenDates.has(read)) continue;
          seenDates.add(read);
        }
        for (const t of types) events.push({ type: t.type, date: read, ...(t.attributes ?? {}) });
      }
    }
  }
  return events;
}

/** Where an element is: the file, its line, its path. */
function elementPlace(found: Found, caseId: string, census: Census): ProblemPlace {
  const line = census.lines.get(found.key);
  return { caseId, file: census.name, ...(line !== undefined ? { line } : {}), column: found.path };
}

/** A date element: its date, or `reported` when it is empty or not a date. */
function readDateElement(found: Found, caseId: string, census: Census): string | 'reported' {
  if (found.value === '') {
    census.problems.push(missingValue(elementPlace(found, caseId, census), '', { what: 'the element is empty', expected: 'an ISO date YYYY-MM-DD', then: 'it gives no event' }));
    return 'reported';
  }
  const read = readCensusDate(found.value);
  if (read.ok) return read.date;
  census.problems.push(dateProblem(census, found.path, census.lines.get(found.key), found.value, caseId, read, VALUE_NOT_USED));
  return 'reported';
}

/**
 * A flag (`ICPCnotRequired`): `true`/`1` gives an event dated by its sibling
 * `dateFrom`; `false`/`0` gives none (`no-event`); anything else is reported.
 */
function readFlag(found: Found, mapping: CinCensusElementMapping, caseId: string, census: Census): string | 'no-event' | 'reported' {
  const dateFrom = mapping.dateFrom!;
  const flagName = mapping.paths[0]!.split('/').pop()!;
  const flag = found.value.toLowerCase();
  if (flag === 'false' || flag === '0') return 'no-event';
  if (flag !== 'true' && flag !== '1') {
    census.problems.push(
      dataProblem('invalid-boolean', 'error', elementPlace(found, caseId, census), { what: `${JSON.stringify(found.value)} is not a boolean`, expected: 'true, false, 1 or 0', then: VALUE_NOT_USED }, found.value),
    );
    return 'reported';
  }
  const from = text1(found.parent[dateFrom]);
  if (from && readCensusDate(from).ok) return from;
  census.problems.push(
    dataProblem(
      mapping.withoutDate!.code,
      'error',
      elementPlace(found, caseId, census),
      {
        what:
          flagName === 'ICPCnotRequired'
            ? `ICPC not required, but its Section47 has no readable ${dateFrom} to date it by`
            : `${flagName} is true, but its ${mapping.withoutDate!.parent} has no readable ${dateFrom} to date it by`,
        then: VALUE_NOT_USED,
      },
      found.value,
    ),
  );
  return 'reported';
}

/** A census date: ISO `YYYY-MM-DD` that exists, no time. */
function readCensusDate(value: string) {
  return readInputDate(value, 'iso', { time: false, fixedBy: 'CIN census' });
}

function dateProblem(
  census: Census,
  path: string,
  line: number | undefined,
  value: string,
  caseId: string,
  read: { expected: string; why: string | undefined },
  then: string,
): DataProblem {
  return invalidDate({ caseId, file: census.name, ...(line !== undefined ? { line } : {}), column: path }, value, { expected: read.expected, why: read.why, then });
}

// ---------------------------------------------------------------------------
// XML

/** Element names whose line is recorded (for problems). */
const LINE_NAMES = new Set<string>([
  'Child',
  'PersonBirthDate',
  ...CIN_CENSUS_MAPPING.elements.flatMap((m) => m.paths.map((p) => p.split('/').pop()!)),
]);

/**
 * The deepest element nesting accepted. A census `Child` is 7 levels deep at
 * most; a file nested deeper is refused (docs/security.md), so that a hostile
 * file cannot make a `Child` of a million nested elements.
 */
export const MAX_XML_DEPTH = 64;

/** Takes each `Child` read (undefined: no LAchildID) with its problems, in line order. */
type ChildSink = (child: ChildRead | undefined, problems: DataProblem[]) => void;

/** An element of the `Child` being built: its name, children by name, text and numbering. */
interface Frame {
  name: string;
  key: string;
  obj: Record<string, unknown[]>;
  text: string;
  hasChildren: boolean;
  counts: Map<string, number>;
}

const EXPECTED = 'a CIN census XML file';

let saxesModule: typeof import('saxes') | undefined;

/**
 * saxes, loaded the first time a census is read (synchronously, from its
 * CommonJS build): an audit of other files does not pay for loading it
 * (start-up, issue 14).
 */
function saxes(): typeof import('saxes') {
  return (saxesModule ??= createRequire(import.meta.url)('saxes') as typeof import('saxes'));
}

/**
 * A SAX parser (saxes) that reads `Message/Children/Child` elements one at a
 * time: each `Child` is built as a small object (every element an array, as
 * the mapping expects), mapped, handed to `sink` and dropped. Any number of
 * `Children` blocks are read, their children numbered on through the file.
 * Refused with an `InputFileError` naming file, line and column: a DOCTYPE
 * (so no entity is ever declared or expanded), an undefined entity, XML that
 * is not well-formed, nesting deeper than `MAX_XML_DEPTH`, a root that is not
 * `<Message>`, a `<Message>` without `<Children>`.
 */
function censusParser(census: Census, sink: ChildSink): { write(text: string): void; close(): void } {
  const name = census.name;
  const sax: SaxesParser = new (saxes().SaxesParser)({ position: true });
  /** Local names of the open elements. */
  const open: string[] = [];
  let frames: Frame[] = [];
  let childNo = 0;
  let sawRoot = false;
  let sawChildren = false;
  let sawText = false;
  let rootLine = 1;
  const fail = (what: string, why?: string, expected = 'well-formed XML'): never => {
    throw fileError({ file: name, line: sax.line, column: sax.column + 1 }, 'file', name, { what, ...(why ? { why } : {}) }, { expected });
  };
  sax.on('error', (err) => fail('the XML is not well-formed', err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')));
  sax.on('doctype', () =>
    fail('the file has a DOCTYPE declaration', 'a CIN census has none, and DOCTYPE is refused so that no entity is ever declared or expanded', 'a CIN census XML file without <!DOCTYPE>'),
  );
  sax.on('text', (t) => {
    if (frames.length > 0) frames[frames.length - 1]!.text += t;
    else if (!sawText && t.trim() !== '') sawText = true;
  });
  sax.on('cdata', (t) => {
    if (frames.length > 0) frames[frames.length - 1]!.text += t;
  });
  sax.on('opentagstart', (tag) => {
    const local = localName(tag.name);
    if (open.length >= MAX_XML_DEPTH) fail(`elements are nested deeper than ${MAX_XML_DEPTH} levels`, undefined, `at most ${MAX_XML_DEPTH} levels of nesting`);
    if (open.length === 0) {
      sawRoot = true;
      rootLine = sax.line;
      if (local !== 'Message') {
        throw fileError({ file: name, line: sax.line }, 'file', local, { what: `the root element is <${local}>, not <Message>`, expected: EXPECTED });
      }
    }
    if (frames.length > 0) {
      const parent = frames[frames.length - 1]!;
      parent.hasChildren = true;
      const n = (parent.counts.get(local) ?? 0) + 1;
      parent.counts.set(local, n);
      const key = `${parent.key}/${local}[${n}]`;
      if (LINE_NAMES.has(local)) census.lines.set(key, sax.line);
      frames.push({ name: local, key, obj: {}, text: '', hasChildren: false, counts: new Map() });
    } else if (local === 'Child' && open.length === 2 && open[1] === 'Children') {
      childNo++;
      census.stats.children.read++;
      const key = `Child[${childNo}]`;
      census.lines.set(key, sax.line);
      frames = [{ name: local, key, obj: {}, text: '', hasChildren: false, counts: new Map() }];
    } else if (local === 'Children' && open.length === 1) sawChildren = true;
    open.push(local);
  });
  sax.on('closetag', () => {
    open.pop();
    const frame = frames.pop();
    if (frame === undefined) return;
    const text = frame.text.trim();
    const value: unknown = frame.hasChildren ? (text !== '' ? { ...frame.obj, '#text': text } : frame.obj) : text;
    if (frames.length > 0) {
      const parent = frames[frames.length - 1]!;
      (parent.obj[frame.name] ??= []).push(value);
      return;
    }
    // A whole Child: map it, hand it on, forget it.
    census.problems = [];
    const child = readChild(asObject(value), childNo, census);
    const problems = inLineOrder(census.problems);
    census.problems = [];
    census.lines.clear();
    sink(child, problems);
  });
  return {
    write(text) {
      sax.write(text);
    },
    close() {
      if (!sawRoot && !sawText) throw fileError({ file: name }, 'file', name, { what: 'file is empty', expected: EXPECTED });
      sax.close();
      if (!sawChildren) {
        throw fileError({ file: name, line: rootLine }, 'file', name, { what: 'the <Message> has no <Children> element', expected: 'a CIN census Message with Children/Child elements' });
      }
    },
  };
}

/** A name without its namespace prefix: `cin:Child` → `Child`. */
function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

/** Decoded text chunks of `source` (BOM removed), written into `sax`; yields after each chunk. */
async function* chunksInto(source: InputSource, sax: { write(text: string): void; close(): void }): AsyncGenerator<void> {
  if ('text' in source) {
    sax.write(stripBom(source.text));
    sax.close();
    yield;
    return;
  }
  const decoder = new StringDecoder('utf8');
  const stream = openSource(source);
  let first = true;
  try {
    for await (const chunk of stream) {
      let text = decoder.write(chunk as Buffer);
      if (first && text.length > 0) {
        text = stripBom(text);
        first = false;
      }
      sax.write(text);
      yield;
    }
  } catch (err) {
    throw fileOpenError(source.path, err as NodeJS.ErrnoException);
  } finally {
    stream.destroy();
  }
  sax.write(decoder.end());
  sax.close();
  yield;
}

async function feed(source: InputSource, sax: { write(text: string): void; close(): void }): Promise<void> {
  for await (const _ of chunksInto(source, sax)) {
    // each chunk is parsed as it is written
  }
}

/** An element found by {@link resolve}: its text, display path, full key and parent object. */
interface Found {
  value: string;
  path: string;
  key: string;
  parent: Record<string, unknown>;
}

/** All elements at `segments` below `node`, in document order (a loop, not a spread: a child may have 100k dates). */
function resolve(node: Record<string, unknown>, segments: string[], path: string, key: string, out: Found[] = []): Found[] {
  const head = segments[0]!;
  const rest = segments.slice(1);
  const children = asArray(node[head]);
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const childPath = `${path}/${head}${REPEATING.has(head) ? `[${i + 1}]` : ''}`;
    const childKey = `${key}/${head}[${i + 1}]`;
    if (rest.length === 0) {
      const value = typeof child === 'string' ? child : (text1([child]) ?? '');
      out.push({ value, path: childPath, key: childKey, parent: node });
    } else {
      const obj = asObject(child);
      if (obj) resolve(obj, rest, childPath, childKey, out);
    }
  }
  return out;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function first(v: unknown): unknown {
  return asArray(v)[0];
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The text of the first element of an (array) value: a string, or an element's `#text`. */
function text1(v: unknown): string | undefined {
  const f = first(v);
  if (typeof f === 'string') return f.trim();
  const t = asObject(f)?.['#text'];
  return typeof t === 'string' ? t.trim() : undefined;
}

/** Events in date order, the given order on a tie. */
function sortEvents(events: CaseEvent[]): CaseEvent[] {
  return events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.i - b.i))
    .map(({ event }) => event);
}
