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
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CaseEvent, CaseRecord } from '../engine/case';
import type { DataProblem } from '../engine/problems';
import { TimescalesInputError } from '../errors';
import { isValidIsoDate } from './dates';
import { InputFileError } from './source';
import { readSourceText, type DfeInput, type RowCounts } from './ssda903';

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

export interface CinCensusResult {
  cases: CaseRecord[];
  problems: DataProblem[];
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
  const source = await readSourceText(input, 'input', 'input');
  return parseCinCensus(source.text, source.name, opts);
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
  const wanted = procedure ? new Set(CIN_CENSUS_MAPPING.procedures[procedure]) : undefined;
  const children = parseMessage(text, name);
  const lines = elementLines(text, LINE_NAMES);

  const problems: DataProblem[] = [];
  const cases: CaseRecord[] = [];
  const byId = new Map<string, { record: CaseRecord; path: string; line?: number }>();
  const stats: CinCensusStats = {
    children: { read: children.length, used: 0, reported: 0 },
    cases: 0,
    events: 0,
    elements: { read: 0, used: 0, reported: 0, notForProcedure: 0 },
  };

  children.forEach((child, i) => {
    const path = `Child[${i + 1}]`;
    const key = `Message[1]/Children[1]/Child[${i + 1}]`;
    const node = asObject(child);
    const ids = asObject(first(node?.ChildIdentifiers));
    const id = text1(ids?.LAchildID);
    const childLine = lines.get(key);
    if (!id) {
      stats.children.reported++;
      problems.push({
        code: 'missing-child-id',
        message: `${name}${at(childLine)}: ${path} has no LAchildID (ChildIdentifiers/LAchildID), so it cannot be a case; this child was not used.`,
        file: name,
        ...(childLine !== undefined ? { line: childLine } : {}),
        column: `${path}/ChildIdentifiers/LAchildID`,
        value: '',
        severity: 'error',
      });
      return;
    }
    stats.children.used++;

    // Date of birth.
    let dob: string | undefined;
    const dobText = text1(ids?.PersonBirthDate);
    if (dobText) {
      if (isValidIsoDate(dobText)) dob = dobText;
      else {
        const dobLine = lines.get(`${key}/ChildIdentifiers[1]/PersonBirthDate[1]`);
        problems.push(
          dateProblem(name, `${path}/ChildIdentifiers/PersonBirthDate`, dobLine, dobText, id, 'the case has no date of birth'),
        );
      }
    }

    // Events.
    const events: CaseEvent[] = [];
    asArray(node?.CINdetails).forEach((details, d) => {
      const detailsPath = `${path}/CINdetails[${d + 1}]`;
      const detailsKey = `${key}/CINdetails[${d + 1}]`;
      const detailsEvents = mapCinDetails(asObject(details), detailsPath, detailsKey, {
        name,
        caseId: id,
        lines,
        wanted,
        problems,
        stats: stats.elements,
      });
      events.push(...detailsEvents);
    });

    const earlier = byId.get(id);
    if (earlier) {
      const differentDob = dob !== undefined && earlier.record.dateOfBirth !== undefined && dob !== earlier.record.dateOfBirth;
      problems.push({
        code: 'duplicate-child-id',
        message: `${name}${at(childLine)}: ${path} repeats LAchildID ${id} of ${earlier.path}${at(earlier.line)}; its events are added to that child${
          differentDob ? `, but its PersonBirthDate ${dob} differs from ${earlier.record.dateOfBirth}, which is kept` : ''
        }.`,
        caseId: id,
        file: name,
        ...(childLine !== undefined ? { line: childLine } : {}),
        column: `${path}/ChildIdentifiers/LAchildID`,
        value: id,
        severity: 'warning',
      });
      if (earlier.record.dateOfBirth === undefined && dob !== undefined) earlier.record.dateOfBirth = dob;
      earlier.record.events = sortEvents([...earlier.record.events, ...events]);
      return;
    }
    const record: CaseRecord = { id, ...(dob !== undefined ? { dateOfBirth: dob } : {}), events: sortEvents(events) };
    byId.set(id, { record, path, line: childLine });
    cases.push(record);
  });

  stats.cases = cases.length;
  stats.events = cases.reduce((n, c) => n + c.events.length, 0);
  const ordered = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? Number.MAX_SAFE_INTEGER) - (b.p.line ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ p }) => p);
  return { cases, problems: ordered, stats };
}

interface MapContext {
  name: string;
  caseId: string;
  lines: Map<string, number>;
  wanted: Set<string> | undefined;
  problems: DataProblem[];
  stats: CinCensusStats['elements'];
}

/**
 * The events of one `CINdetails` object (as parsed with every element an array).
 * @example
 * mapCinDetails({ CINreferralDate: ['2024-03-27'] }, 'Child[1]/CINdetails[1]', 'k',
 *   { name: 'x.xml', caseId: 'C1', lines: new Map(), wanted: undefined, problems: [],
 *     stats: { read: 0, used: 0, reported: 0, notForProcedure: 0 } })
 * // [{ type: 'referral', date: '2024-03-27' }]
 */
function mapCinDetails(
  details: Record<string, unknown> | undefined,
  detailsPath: string,
  detailsKey: string,
  ctx: MapContext,
): CaseEvent[] {
  if (!details) return [];
  const events: CaseEvent[] = [];
  for (const mapping of CIN_CENSUS_MAPPING.elements) {
    const types = mapping.events.filter((e) => !ctx.wanted || ctx.wanted.has(e.type));
    const seenDates = new Set<string>();
    for (const p of mapping.paths) {
      for (const found of resolve(details, p.split('/'), detailsPath, detailsKey)) {
        ctx.stats.read++;
        const line = ctx.lines.get(found.key);
        if (types.length === 0) {
          ctx.stats.notForProcedure++;
          continue;
        }
        let date: string;
        if (mapping.kind === 'flag') {
          const flag = found.value.toLowerCase();
          if (flag === 'false' || flag === '0') {
            ctx.stats.used++;
            continue;
          }
          if (flag !== 'true' && flag !== '1') {
            ctx.stats.reported++;
            ctx.problems.push({
              code: 'invalid-boolean',
              message: `${ctx.name}${at(line)}, ${found.path}: ${JSON.stringify(found.value)} is not a boolean (expected true, false, 1 or 0); this value was not used.`,
              caseId: ctx.caseId,
              file: ctx.name,
              ...(line !== undefined ? { line } : {}),
              column: found.path,
              value: found.value,
              severity: 'error',
            });
            continue;
          }
          const from = text1(found.parent[mapping.dateFrom!]);
          if (!from || !isValidIsoDate(from)) {
            ctx.stats.reported++;
            ctx.problems.push({
              code: 'icpc-not-required-without-date',
              message: `${ctx.name}${at(line)}, ${found.path}: ICPC not required, but its Section47 has no readable ${mapping.dateFrom} to date it by; this value was not used.`,
              caseId: ctx.caseId,
              file: ctx.name,
              ...(line !== undefined ? { line } : {}),
              column: found.path,
              value: found.value,
              severity: 'error',
            });
            continue;
          }
          date = from;
        } else {
          if (found.value === '') {
            ctx.stats.reported++;
            ctx.problems.push({
              code: 'missing-value',
              message: `${ctx.name}${at(line)}, ${found.path}: the element is empty (expected an ISO date YYYY-MM-DD); it gives no event.`,
              caseId: ctx.caseId,
              file: ctx.name,
              ...(line !== undefined ? { line } : {}),
              column: found.path,
              value: '',
              severity: 'error',
            });
            continue;
          }
          if (!isValidIsoDate(found.value)) {
            ctx.stats.reported++;
            ctx.problems.push(dateProblem(ctx.name, found.path, line, found.value, ctx.caseId, 'this value was not used'));
            continue;
          }
          date = found.value;
        }
        ctx.stats.used++;
        if (mapping.oncePerDate) {
          if (seenDates.has(date)) continue;
          seenDates.add(date);
        }
        for (const t of types) events.push({ type: t.type, date, ...(t.attributes ?? {}) });
      }
    }
  }
  return events;
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
  if (text.trim() === '') {
    throw new InputFileError(name, 'file', name, 'a CIN census XML file', `${name}: file is empty: expected a CIN census XML file`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new InputFileError(
      name,
      'file',
      name,
      'well-formed XML',
      `${name} line ${line}${col !== undefined ? `, column ${col}` : ''}: the XML is not well-formed (${msg})`,
      line,
      col,
    );
  }
  const doc = parser.parse(text) as Record<string, unknown>;
  const message = asObject(first(doc.Message));
  if (!message) {
    const root = Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('?')) ?? '';
    throw new InputFileError(
      name,
      'file',
      root,
      'a CIN census XML file whose root element is Message',
      `${name}: the root element is ${root ? `<${root}>` : 'missing'}, not <Message>: expected a CIN census XML file`,
    );
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
    line += countNewlines(text, pos, m.index);
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

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
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

function at(line: number | undefined): string {
  return line !== undefined ? ` line ${line}` : '';
}

function dateProblem(
  file: string,
  path: string,
  line: number | undefined,
  value: string,
  caseId: string,
  consequence: string,
): DataProblem {
  const hint = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(value)
    ? '; the census writes dates YYYY-MM-DD'
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? '; that day does not exist'
      : '';
  return {
    code: 'invalid-date',
    message: `${file}${at(line)}, ${path}: ${JSON.stringify(value)} is not a valid date (expected an ISO date YYYY-MM-DD that exists${hint}); ${consequence}.`,
    caseId,
    file,
    ...(line !== undefined ? { line } : {}),
    column: path,
    value,
    severity: 'error',
  };
}

/** Events in date order, the given order on a tie. */
function sortEvents(events: CaseEvent[]): CaseEvent[] {
  return events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.i - b.i))
    .map(({ event }) => event);
}
