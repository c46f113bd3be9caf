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
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CaseEvent, CaseRecord } from '../engine/case';
import { dataProblem, duplicateCaseId, invalidDate, missingValue, type DataProblem, type ProblemPlace } from '../engine/problems';
import { TimescalesInputError } from '../errors';
import { readInputDate } from './dates';
import type { ReadResult, RowCounts } from './result';
import { countLineBreaks, fileError, readSourceText, sourceName, toInputSource, type DfeInput } from './source';

/** The procedures the CIN census feeds. */
export type CinCensusProcedure = 'strategy-discussion' | 'cp-conference' | 'ics-records';

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
  events: readonly CinCensusEventMapping[];
  /** One event per distinct date within a `CINdetails` (the ICPC date may be given twice). */
  oncePerDate?: boolean;
}

/**
 * The census elements the reader maps, and per procedure the event names it
 * feeds. With `opts.procedure`, only that procedure's events are kept.
 * `strategy-discussion` also takes `core-assessment-completed` because its rule
 * `core-assessment-from-s47` completes with it.
 */
export const CIN_CENSUS_MAPPING: {
  readonly elements: readonly CinCensusElementMapping[];
  readonly procedures: Readonly<Record<CinCensusProcedure, readonly string[]>>;
} = {
  elements: [
    { paths: ['CINreferralDate'], kind: 'date', events: [{ type: 'referral' }] },
    {
      paths: ['Assessments/AssessmentActualStartDate', 'Assessments/Assessment/AssessmentActualStartDate'],
      kind: 'date',
      events: [{ type: 'core-assessment-started' }],
    },
    {
      paths: ['Assessments/AssessmentAuthorisationDate', 'Assessments/Assessment/AssessmentAuthorisationDate'],
      kind: 'date',
      events: [{ type: 'core-assessment-completed' }],
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
 * @example
 * const { cases } = await readCinCensus('CIN_Census_2024.xml', { procedure: 'cp-conference' });
 * // cases[0] → { id: 'DfEX0000001', dateOfBirth: '2015-03-27', events: [
 * //   { type: 'cp-plan-started', date: '2022-02-17' },
 * //   { type: 'strategy-discussion', date: '2022-06-02', s47: true }, ...] }
 * @throws TimescalesInputError when the file cannot be read, is empty, is not well-formed XML, or is not a census `Message`.
 */
export async function readCinCensus(input: DfeInput, opts: CinCensusOptions = {}): Promise<CinCensusResult> {
  const source = toInputSource(input, 'input', 'input');
  return parseCinCensus(await readSourceText(source), sourceName(source), opts);
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
  const procedure = opts.procedure;
  if (procedure !== undefined && !Object.hasOwn(CIN_CENSUS_MAPPING.procedures, procedure)) {
    throw new TimescalesInputError(
      'opts.procedure',
      procedure,
      `one of ${Object.keys(CIN_CENSUS_MAPPING.procedures).join(', ')}`,
    );
  }
  const children = parseMessage(text, name);
  const census: Census = {
    name,
    lines: elementLines(text, LINE_NAMES),
    wanted: procedure ? new Set(CIN_CENSUS_MAPPING.procedures[procedure]) : undefined,
    problems: [],
    stats: {
      children: { read: children.length, used: 0, reported: 0 },
      cases: 0,
      events: 0,
      elements: { read: 0, used: 0, reported: 0, notForProcedure: 0 },
    },
  };
  const cases: CaseRecord[] = [];
  const byId = new Map<string, ChildRead>();
  children.forEach((node, i) => {
    const child = readChild(asObject(node), i + 1, census);
    if (!child) return;
    const earlier = byId.get(child.record.id);
    if (earlier) {
      census.problems.push(duplicateChild(child, earlier, census.name));
      mergeInto(earlier.record, child.record);
      return;
    }
    byId.set(child.record.id, child);
    cases.push(child.record);
  });

  const { stats } = census;
  stats.cases = cases.length;
  stats.events = cases.reduce((n, c) => n + c.events.length, 0);
  const e = stats.elements;
  const records = procedure ? [...CIN_CENSUS_MAPPING.procedures[procedure]] : [...new Set(CIN_CENSUS_MAPPING.elements.flatMap((m) => m.events.map((x) => x.type)))];
  return { cases, records, problems: inLineOrder(census.problems), counts: { read: e.read, used: e.used + e.notForProcedure, reported: e.reported }, stats };
}

/** What the mapping of one census keeps while it goes. */
interface Census {
  name: string;
  /** The line of each element (see `elementLines`). */
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
  const key = `Message[1]/Children[1]/Child[${n}]`;
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
function duplicateChild(child: ChildRead, earlier: ChildRead, file: string): DataProblem {
  const { record } = child;
  const kept = earlier.record.dateOfBirth;
  const differentDob = record.dateOfBirth !== undefined && kept !== undefined && record.dateOfBirth !== kept;
  return duplicateCaseId({ file, ...(child.line !== undefined ? { line: child.line } : {}), column: `${child.path}/ChildIdentifiers/LAchildID` }, record.id, {
    what: `LAchildID ${record.id}`,
    first: `by ${earlier.path}${earlier.line !== undefined ? ` (line ${earlier.line})` : ''}`,
    then: `its events are added to that child${differentDob ? `, but its PersonBirthDate ${record.dateOfBirth} differs from ${kept}, which is kept` : ''}`,
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
        const read = mapping.kind === 'flag' ? readFlag(found, mapping.dateFrom!, caseId, census) : readDateElement(found, caseId, census);
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
function readFlag(found: Found, dateFrom: string, caseId: string, census: Census): string | 'no-event' | 'reported' {
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
      'icpc-not-required-without-date',
      'error',
      elementPlace(found, caseId, census),
      { what: `ICPC not required, but its Section47 has no readable ${dateFrom} to date it by`, then: VALUE_NOT_USED },
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

/** Element names whose line the pre-scan records. */
const LINE_NAMES = new Set<string>([
  'Child',
  'PersonBirthDate',
  ...CIN_CENSUS_MAPPING.elements.flatMap((m) => m.paths.map((p) => p.split('/').pop()!)),
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: () => true,
});

/** Validates and parses the message; returns its `Child` nodes. */
function parseMessage(text: string, name: string): unknown[] {
  const expected = 'a CIN census XML file';
  if (text.trim() === '') throw fileError({ file: name }, 'file', name, { what: 'file is empty', expected });
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw fileError({ file: name, line, column: col }, 'file', name, { what: 'the XML is not well-formed', why: msg }, { expected: 'well-formed XML' });
  }
  const doc = parser.parse(text) as Record<string, unknown>;
  const message = asObject(first(doc.Message));
  if (!message) {
    const root = Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('?')) ?? '';
    throw fileError({ file: name }, 'file', root, { what: `the root element is ${root ? `<${root}>` : 'missing'}, not <Message>`, expected });
  }
  return asArray(asObject(first(message.Children))?.Child);
}

/** An element found by {@link resolve}: its text, display path, full key and parent object. */
interface Found {
  value: string;
  path: string;
  key: string;
  parent: Record<string, unknown>;
}

/** All elements at `segments` below `node`, in document order. */
function resolve(node: Record<string, unknown>, segments: string[], path: string, key: string): Found[] {
  const [head, ...rest] = segments;
  const out: Found[] = [];
  asArray(node[head]).forEach((child, i) => {
    const childPath = `${path}/${head}${REPEATING.has(head) ? `[${i + 1}]` : ''}`;
    const childKey = `${key}/${head}[${i + 1}]`;
    if (rest.length === 0) {
      const value = typeof child === 'string' ? child : text1([child]) ?? '';
      out.push({ value, path: childPath, key: childKey, parent: node });
    } else {
      const obj = asObject(child);
      if (obj) out.push(...resolve(obj, rest, childPath, childKey));
    }
  });
  return out;
}

/**
 * The 1-based line of each element named in `names`, keyed by its full path
 * with every element numbered (`Message[1]/Children[1]/Child[3]/...`), from a
 * light scan of the tags (comments, CDATA, processing instructions skipped).
 * @example elementLines('<a>\n<b/>\n<b>x</b></a>', new Set(['b'])) // Map { 'a[1]/b[1]' => 2, 'a[1]/b[2]' => 3 }
 */
export function elementLines(text: string, names: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  const stack: { key: string; counts: Map<string, number> }[] = [{ key: '', counts: new Map() }];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([^\s/>!?]+)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;
  let line = 1;
  let pos = 0;
  for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
    line += countLineBreaks(text, pos, m.index);
    pos = m.index;
    const rawName = m[2];
    if (rawName !== undefined) {
      const local = rawName.includes(':') ? rawName.slice(rawName.indexOf(':') + 1) : rawName;
      if (m[1] === '/') {
        if (stack.length > 1) stack.pop();
      } else {
        const parent = stack[stack.length - 1];
        const n = (parent.counts.get(local) ?? 0) + 1;
        parent.counts.set(local, n);
        const key = `${parent.key}${parent.key ? '/' : ''}${local}[${n}]`;
        if (names.has(local)) out.set(key, line);
        if (m[3] !== '/') stack.push({ key, counts: new Map() });
      }
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
