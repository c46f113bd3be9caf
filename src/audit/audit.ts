/**
 * Auditing many cases: every result, a summary per rule (the figures a
 * safeguarding board reads) and every data problem. `audit` takes an array or
 * any iterable; `auditStream` takes an async iterable and yields each case's
 * results as it goes, keeping only the summary counts, so its memory does not
 * grow with the number of cases.
 */
import {
  prepareOptions,
  STATUSES,
  type CaseRecord,
  type DataProblem,
  type EvaluateOptions,
  type PreparedOptions,
  type Procedure,
  type ProcedureInput,
  type Result,
  type RuleOverride,
  type Status,
} from '../engine/index';
import { TimescalesInputError } from '../errors';
import { VOUCHED } from '../engine/case';
import { evaluateCase } from '../engine/evaluate';
import { evaluate, resolveProcedure } from '../procedures/index';
import { measurability, recordedEvents, type Measurability } from './measurable';

/**
 * The options of an audit: those of `evaluate`, and what the data records.
 */
export interface AuditOptions extends EvaluateOptions {
  /**
   * The event types the data records. A rule whose completing event (or the
   * event that starts it) is not among them is not measured: it gives no
   * results and the summary lists it in `notMeasured` with the reason.
   * `'infer'` (the default of `audit`): the event types that occur in the
   * cases. A list: exactly these (a reader's `records`, or the user's
   * `--records`). `auditStream` sees one case at a time and cannot infer:
   * give it a list, or it measures every rule (as `allRules`).
   */
  records?: 'infer' | readonly string[];
  /** Evaluate the rules that are not measured anyway (they are still flagged `measured: false`). */
  allRules?: boolean;
  /** The child a case belongs to, for the count of children (default: the case id). */
  childOf?: (c: CaseRecord) => string;
  /** Split the summary by a value of each result (`SummaryOptions.groupBy`). */
  groupBy?: SummaryOptions['groupBy'];
  /** Split the summary by the due date's period. */
  by?: PeriodUnit;
  /** Cases the reader set apart (`ReadResult.setAside`), counted in the summary with the reason. */
  setAside?: readonly { reason: string; cases: number }[];
  [DISTINCT_CASES]?: true;
}

/** A rule left out of the figures because the data cannot measure it. */
export interface NotMeasuredRule {
  rule: string;
  title: string;
  /** The events the data would need. */
  missing: string[];
  /** Why, in words: `the data records no "invitations-sent" (the event that completes it)`. */
  reason: string;
  /** True when it was evaluated anyway (`allRules`): its figures are in `rules`, flagged `measured: false`. */
  evaluated: boolean;
}

/**
 * The figures of one rule (or of one rule within a group or period), each a
 * count of results. They add up, so a reader can recompute them by hand:
 *
 *     results   = dueByAsOf + doneBeforeDue + open + noTimescale
 *     dueByAsOf = onTime + late + missed + tooEarly
 *     breaches  = late + missed + tooEarly
 *     onTimePercent = 100 × onTime ÷ dueByAsOf (one decimal; null when nothing was due)
 *
 * "Due by the as-of date" means due on or before it and done or missed by
 * then: a result due on the as-of date itself and not yet done is still
 * open (it can be done that day), and a step done before a due date that is
 * still to come is `doneBeforeDue`, not yet judged.
 */
export interface RuleFigures {
  /** Every result of the rule. */
  results: number;
  /** Due on or before the as-of date and done or missed: the denominator of `onTimePercent`. */
  dueByAsOf: number;
  /** Of those, done by the due date: met, met-after-target (within the limit), deemed-met. */
  onTime: number;
  /** Done after the due date (met-late). */
  late: number;
  /** Not done and past the due date at the as-of date (overdue). */
  missed: number;
  /** Done before a window opened (met-early): a breach whatever the due date. */
  tooEarly: number;
  /** Done, but the due date is after the as-of date: not yet judged. */
  doneBeforeDue: number;
  /** Not done and not overdue (pending, due-soon, past-target, or due on the as-of date itself). */
  open: number;
  /** Steps the source sets no timescale for (no due date), done or not. */
  noTimescale: number;
  /** late + missed + tooEarly. */
  breaches: number;
  /** 100 × onTime ÷ dueByAsOf, one decimal; null when nothing was due. */
  onTimePercent: number | null;
  /** The same results counted by status (they add up to `results`). */
  statuses: Record<Status, number>;
}

/** One rule's figures in the summary. */
export interface RuleSummary extends RuleFigures {
  rule: string;
  title: string;
  /** False for a rule the data cannot measure, evaluated only because `allRules` asked for it. */
  measured: boolean;
}

/** The headline and the figures per rule: the figures a safeguarding board reads. */
export interface AuditSummary {
  procedure: string;
  asOf: string;
  profile: string;
  /** Distinct children (a child with two periods of care in the SSDA903 is two cases, one child). */
  children: number;
  /** Case records evaluated (SSDA903: one per period of care). */
  cases: number;
  /**
   * Periods counted from the events that start and end them (`periodsOf`:
   * looked after, `became-looked-after` … `ceased-looked-after`), e.g.
   * `{ label: 'periods of care', count: 2194 }`; null for a procedure without periods.
   */
  periods: { label: string; count: number } | null;
  results: number;
  breaches: number;
  /** Data problems found while reading and evaluating: all of them, then by severity. */
  problems: number;
  errors: number;
  warnings: number;
  rules: RuleSummary[];
  /** The rules the data cannot measure, with the reason (left out of `rules` unless `allRules`). */
  notMeasured: NotMeasuredRule[];
  /** The event types the data was taken to record; `null` when every rule was measured regardless. */
  records: string[] | null;
  /** How the figures are defined, in words (the footnote of the table). */
  notes: string[];
  /** The same figures split by group and/or period, when asked (`groupBy`, `by`): they add up to `rules`. */
  breakdown?: Breakdown;
  /** Cases read but not evaluated, with the reason (not in `cases`). */
  setAside: { reason: string; cases: number }[];
}

export interface AuditReport {
  results: Result[];
  summary: AuditSummary;
  problems: DataProblem[];
}

/** Zero figures, to count results into. */
export function emptyFigures(): RuleFigures {
  return {
    results: 0,
    dueByAsOf: 0,
    onTime: 0,
    late: 0,
    missed: 0,
    tooEarly: 0,
    doneBeforeDue: 0,
    open: 0,
    noTimescale: 0,
    breaches: 0,
    onTimePercent: null,
    statuses: Object.fromEntries(STATUSES.map((st) => [st, 0])) as Record<Status, number>,
  };
}

/**
 * Counts one result into figures (see `RuleFigures` for the buckets).
 * @example const f = emptyFigures(); countResult(f, result, '2024-03-31'); f.results // 1
 */
export function countResult(f: RuleFigures, r: Result, asOf: string): void {
  f.results++;
  f.statuses[r.status]++;
  if (r.breach) f.breaches++;
  // The day part of the due date (date-times included) against the as-of date.
  const dueByAsOf = r.due !== undefined && r.due.slice(0, 10) <= asOf;
  switch (r.status) {
    case 'met-early':
      f.tooEarly++;
      f.dueByAsOf++;
      return;
    case 'overdue':
      f.missed++;
      f.dueByAsOf++;
      return;
    case 'met-late':
      f.late++;
      f.dueByAsOf++;
      return;
    case 'deemed-met':
      f.onTime++;
      f.dueByAsOf++;
      return;
    case 'met':
    case 'met-after-target':
      if (r.due === undefined) f.noTimescale++;
      else if (dueByAsOf) {
        f.onTime++;
        f.dueByAsOf++;
      } else f.doneBeforeDue++;
      return;
    default:
      if (r.due === undefined) f.noTimescale++;
      else f.open++;
  }
}

/** The share on time, one decimal, for finished figures. */
export function finishFigures<T extends RuleFigures>(f: T): T {
  return { ...f, statuses: { ...f.statuses }, onTimePercent: f.dueByAsOf === 0 ? null : Math.round((1000 * f.onTime) / f.dueByAsOf) / 10 };
}

/** The footnote: how the figures are defined, at one as-of date. */
export function summaryNotes(asOf: string): string[] {
  return [
    `due by as-of: results due on or before ${asOf} and done or missed by then; = on time + late + missed + too early.`,
    'on time % = on time ÷ due by as-of (one decimal; blank when nothing was due).',
    'results = due by as-of + done before due + open + no timescale; breaches = late + missed + too early.',
  ];
}

/** How the headline counts a procedure's periods: the events that start and end one. */
export interface PeriodCount {
  /** `periods of care` */
  label: string;
  start: readonly string[];
  end: readonly string[];
}

/**
 * The periods of care of the looked-after procedure, for a procedure that
 * does not declare its periods (`procedure.periods`, docs/rule-kinds.md "Periods").
 */
const PERIODS_OF_CARE: PeriodCount = { label: 'periods of care', start: ['became-looked-after'], end: ['ceased-looked-after', 'adoption-order'] };

/**
 * How a procedure's periods are counted in the headline: the period it
 * declares that starts with `became-looked-after` ("periods of care"); for
 * `lac-review` without declarations, periods of care. Other declared periods
 * (a child protection plan, an open issue) scope rules but are not cases, so
 * they are not counted. Undefined for a procedure without periods of care.
 */
export function periodsOf(procedure: Procedure): PeriodCount | undefined {
  const declared = Object.entries(procedure.periods ?? {});
  const care = declared.find(([, p]) => p.start.includes('became-looked-after'));
  if (care) return { ...PERIODS_OF_CARE, start: care[1].start, end: care[1].end };
  return procedure.id === 'lac-review' ? PERIODS_OF_CARE : undefined;
}

/**
 * The periods in a case's events up to the as-of date: a start event when
 * none is running begins one; the first end event after it ends it.
 * @example countPeriods([{ type: 'became-looked-after', date: '2024-01-02' }, { type: 'ceased-looked-after', date: '2024-02-01' },
 *   { type: 'became-looked-after', date: '2024-04-01' }], PERIODS, '2024-06-30') // 2
 */
export function countPeriods(events: readonly { type: string; date: string }[], p: PeriodCount, asOf: string): number {
  const relevant: { type: string; date: string }[] = [];
  let sorted = true;
  for (const e of events) {
    if (!(p.start.includes(e.type) || p.end.includes(e.type))) continue;
    // The day part of a date-time against the as-of date (a date is its own day part).
    if ((e.date.length > 10 ? e.date.slice(0, 10) : e.date) > asOf) continue;
    if (sorted && relevant.length > 0 && relevant[relevant.length - 1]!.date > e.date) sorted = false;
    relevant.push(e);
  }
  // By date, stable (events of one day keep their order); a file in date order is already so.
  if (!sorted) relevant.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let running = false;
  let n = 0;
  for (const e of relevant) {
    if (!running && p.start.includes(e.type)) {
      n++;
      running = true;
    } else if (running && p.end.includes(e.type)) running = false;
  }
  return n;
}

/** The periods `by` splits the summary into, by a result's due date. */
export type PeriodUnit = 'month' | 'quarter' | 'year' | 'financial-year';
export const PERIOD_UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year', 'financial-year'];

/**
 * The period a due date falls in: `2024-03` (month), `2024-Q1` (calendar
 * quarter), `2024` (year), `2023/24` (financial year, 1 April to 31 March).
 * @example periodOf('2024-03-31', 'financial-year') // '2023/24'
 * @example periodOf('2024-04-01', 'financial-year') // '2024/25'
 */
export function periodOf(date: string, unit: PeriodUnit): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (unit) {
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'year':
      return String(year);
    case 'financial-year': {
      const start = month >= 4 ? year : year - 1;
      return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
    }
  }
}

/** One row of a breakdown: a rule's figures within a group and/or a period. */
export interface BreakdownRow extends RuleFigures {
  /** The value of the `groupBy` column (`''` when the case has none). */
  group?: string;
  /** The due date's period (`''` for results without a due date). */
  period?: string;
  rule: string;
}

/** The summary split by a carried column and/or the due date's period. */
export interface Breakdown {
  /** The column split by (`--group-by`), or null. */
  groupBy: string | null;
  /** The period unit split by (`--by`), or null. */
  by: PeriodUnit | null;
  /** Rows sorted by group, then period, then the rule's order. */
  rows: BreakdownRow[];
}

/**
 * Set in `SummaryOptions` (or `AuditOptions`) by the CLI when it has made
 * sure that no two cases share an id (one events file, streamed because the
 * index pass found its rows grouped by case, or sorted by case through
 * temporary files). Unless a `childOf` is given, each case is then a child of
 * its own, and the summary counts children as cases, without a set of ids
 * that grows with the caseload. Not exported from the package: a caller's own
 * cases keep the set.
 */
export const DISTINCT_CASES: unique symbol = Symbol('safeguarding-timescales: case ids known to be distinct');

/** What the summary is told about the caseload besides the results. */
export interface SummaryOptions {
  [DISTINCT_CASES]?: true;
  asOf: string;
  profile?: string;
  /** Split the figures by this value of a result (e.g. a carried column, `result.carried.team`). */
  groupBy?: { name: string; of: (r: Result) => string | undefined };
  /** Split the figures by the due date's period. */
  by?: PeriodUnit;
  /** Cases the reader set apart, counted in the summary with the reason (e.g. SSDA903 short breaks). */
  setAside?: readonly { reason: string; cases: number }[];
  /** The child a case belongs to (default: the case id; the SSDA903 reader's cases are `CHILD#n`). */
  childOf?: (c: CaseRecord) => string;
}

/**
 * Accumulates summary figures result by result (memory per rule, plus the
 * set of children seen, unless `DISTINCT_CASES`).
 *
 * @example
 * const s = new SummaryBuilder(procedure, options);
 * for (const c of cases) s.addCase(c, evaluate(procedure, c, options), []);
 * s.summary(); // { rules: [{ rule: 'review-cycle', dueByAsOf: 12, onTime: 10, onTimePercent: 83.3, ... }] }
 */
export class SummaryBuilder {
  private readonly rules = new Map<string, RuleSummary>();
  private readonly children = new Set<string>();
  private cases = 0;
  private periods = 0;
  private results = 0;
  private breaches = 0;
  private errors = 0;
  private warnings = 0;
  private readonly asOf: string;
  private readonly profile: string;
  private readonly notMeasured: NotMeasuredRule[];
  private readonly records: string[] | null;
  private readonly periodCount: PeriodCount | undefined;
  private readonly childOf: (c: CaseRecord) => string;
  /** Case ids are distinct and each case is its own child (`DISTINCT_CASES`): children are counted as cases. */
  private readonly distinct: boolean;
  private readonly groupBy: SummaryOptions['groupBy'];
  private readonly by: PeriodUnit | undefined;
  private readonly setAside: { reason: string; cases: number }[];
  constructor(
    private readonly procedure: Procedure,
    options: SummaryOptions,
    /** The rules evaluated (default: every rule of the procedure), listed in the procedure's order. */
    evaluated: readonly { id: string }[] = procedure.rules,
    /** What the data cannot measure, and the event types it records (`planAudit`). */
    measuring: { notMeasured: readonly NotMeasuredRule[]; records: readonly string[] | null } = { notMeasured: [], records: null },
  ) {
    this.asOf = options.asOf;
    this.profile = options.profile ?? 'default';
    this.childOf = options.childOf ?? ((c) => c.id);
    this.distinct = options[DISTINCT_CASES] === true && options.childOf === undefined;
    this.groupBy = options.groupBy;
    this.setAside = [...(options.setAside ?? [])];
    this.by = options.by;
    this.notMeasured = measuring.notMeasured.map((n) => ({ ...n, missing: [...n.missing] }));
    this.records = measuring.records ? [...measuring.records] : null;
    this.periodCount = periodsOf(procedure);
    const unmeasured = new Set(this.notMeasured.map((n) => n.rule));
    const on = new Set(evaluated.map((r) => r.id));
    for (const r of procedure.rules.filter((x) => on.has(x.id))) {
      this.rules.set(r.id, { rule: r.id, title: r.title, measured: !unmeasured.has(r.id), ...emptyFigures() });
    }
  }

  /** Counts a case: its child, its periods, its results and its problems. */
  addCase(record: CaseRecord, results: readonly Result[], problems: readonly DataProblem[]): void {
    this.cases++;
    if (!this.distinct) this.children.add(this.childOf(record));
    if (this.periodCount) this.periods += countPeriods(record.events, this.periodCount, this.asOf);
    this.addProblems(problems);
    for (const r of results) this.add(r);
  }

  /** The rule counted last, and its figures: a case's results come rule by rule. */
  private lastRule: string | undefined;
  private lastFigures: RuleSummary | undefined;

  add(r: Result): void {
    let s: RuleSummary | undefined;
    if (r.rule === this.lastRule) s = this.lastFigures;
    else {
      s = this.rules.get(r.rule);
      this.lastRule = r.rule;
      this.lastFigures = s;
    }
    if (!s) return;
    this.results++;
    if (r.breach) this.breaches++;
    countResult(s, r, this.asOf);
    if (this.groupBy || this.by) this.addToBreakdown(r);
  }

  /** Counts data problems by severity (reader problems of rows that gave no case, for example). */
  addProblems(problems: readonly DataProblem[]): void {
    for (const p of problems) {
      if (p.severity === 'error') this.errors++;
      else this.warnings++;
    }
  }

  /** Breakdown figures by group and period, keyed `group\u0000period\u0000rule`. */
  private readonly breakdown = new Map<string, BreakdownRow>();

  private addToBreakdown(r: Result): void {
    const group = this.groupBy ? (this.groupBy.of(r) ?? '') : undefined;
    const period = this.by ? (r.due === undefined ? '' : periodOf(r.due.slice(0, 10), this.by)) : undefined;
    const key = `${group ?? ''}\u0000${period ?? ''}\u0000${r.rule}`;
    let row = this.breakdown.get(key);
    if (!row) {
      row = { ...(group !== undefined ? { group } : {}), ...(period !== undefined ? { period } : {}), rule: r.rule, ...emptyFigures() };
      this.breakdown.set(key, row);
    }
    countResult(row, r, this.asOf);
  }

  summary(): AuditSummary {
    const order = new Map(this.procedure.rules.map((r, i) => [r.id, i]));
    const rows = [...this.breakdown.values()]
      .sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '') || (a.period ?? '').localeCompare(b.period ?? '') || order.get(a.rule)! - order.get(b.rule)!)
      .map((r) => finishFigures(r));
    return {
      ...(this.groupBy || this.by ? { breakdown: { groupBy: this.groupBy?.name ?? null, by: this.by ?? null, rows } } : {}),
      procedure: this.procedure.id,
      asOf: this.asOf,
      profile: this.profile,
      children: this.distinct ? this.cases : this.children.size,
      cases: this.cases,
      periods: this.periodCount ? { label: this.periodCount.label, count: this.periods } : null,
      results: this.results,
      breaches: this.breaches,
      problems: this.errors + this.warnings,
      errors: this.errors,
      warnings: this.warnings,
      rules: [...this.rules.values()].map((s) => finishFigures(s)),
      notMeasured: this.notMeasured.map((n) => ({ ...n, missing: [...n.missing] })),
      records: this.records ? [...this.records].sort() : null,
      notes: summaryNotes(this.asOf),
      setAside: this.setAside.filter((x) => x.cases > 0).map((x) => ({ ...x })),
    };
  }
}

/** An audit made ready: the prepared options, without the rules the data cannot measure. */
export interface AuditPlan {
  prepared: PreparedOptions;
  notMeasured: NotMeasuredRule[];
  /** The event types taken as recorded; `null`: every rule measured regardless. */
  records: string[] | null;
  /** Each rule's measurability (empty when `records` is null). */
  measurability: Map<string, Measurability>;
}

/**
 * Prepares an audit: which of the rules that the profile and overrides leave
 * on the data can measure; those it cannot are switched off unless `allRules`.
 * `records` here is already a list (or absent: every rule measured).
 * @example planAudit(getProcedure('lac-review'), { asOf: '2024-03-31' }, ['became-looked-after', 'lac-review']).notMeasured[0]?.rule
 * // 'review-after-carer-change' (no "carer-changed")
 */
export function planAudit(procedure: Procedure, options: EvaluateOptions & { allRules?: boolean }, records: readonly string[] | undefined): AuditPlan {
  const base = prepareOptions(procedure, options);
  if (records === undefined) return { prepared: base, notMeasured: [], records: null, measurability: new Map() };
  const m = measurability(procedure, records);
  const notMeasured: NotMeasuredRule[] = [];
  for (const rule of base.rules) {
    const r = m.get(rule.id);
    if (r && !r.measured) notMeasured.push({ rule: rule.id, title: rule.title, missing: r.missing, reason: r.reason ?? '', evaluated: options.allRules === true });
  }
  const order = new Map(procedure.rules.map((r, i) => [r.id, i]));
  notMeasured.sort((a, b) => order.get(a.rule)! - order.get(b.rule)!);
  if (notMeasured.length === 0 || options.allRules) return { prepared: base, notMeasured, records: [...records], measurability: m };
  const overrides: Record<string, RuleOverride> = { ...(options.overrides ?? {}) };
  for (const n of notMeasured) overrides[n.rule] = { ...(overrides[n.rule] ?? {}), enabled: false };
  return { prepared: prepareOptions(procedure, { ...options, overrides }), notMeasured, records: [...records], measurability: m };
}

/**
 * Evaluates a procedure for many cases at one as-of date.
 *
 * @example
 * const report = audit('lac-review', cases, { asOf: '2024-06-30' });
 * report.summary.rules.find((r) => r.rule === 'review-cycle')?.onTimePercent; // e.g. 87.5
 */
export function audit(
  procedure: string | Procedure | ProcedureInput,
  cases: Iterable<CaseRecord>,
  options: AuditOptions,
): AuditReport {
  const p = resolveProcedure(procedure);
  checkCases(cases);
  const records = options?.records ?? 'infer';
  if (records !== 'infer') checkRecords(records);
  if (records === 'infer' && !Array.isArray(cases)) cases = [...cases];
  const plan = planAudit(p, options, records === 'infer' ? recordedEvents(cases) : records);
  const prepared = plan.prepared;
  const summary = new SummaryBuilder(p, options, prepared.rules, plan);
  const results: Result[] = [];
  const problems: DataProblem[] = [];
  for (const c of cases) {
    const r = evaluate(p, c, prepared);
    summary.addCase(c, r, r.problems);
    for (const x of r) results.push(x);
    for (const x of r.problems) problems.push(x);
  }
  return { results, summary: summary.summary(), problems };
}

/** One case's outcome in a streaming audit. */
export interface CaseAudit {
  caseId: string;
  results: Result[];
  problems: DataProblem[];
}

/** A streaming audit: iterate it once; `summary()` is final when the iteration ends. */
export interface AuditStream extends AsyncIterable<CaseAudit> {
  summary(): AuditSummary;
}

/**
 * Evaluates cases as they arrive (from a reader, a database cursor, ...). Only
 * the summary counts are kept, so memory does not grow with the caseload.
 * Items may be case records or `{ case, problems }` chunks from the readers;
 * a chunk's reader problems are passed through with its case.
 *
 * @example
 * const stream = auditStream('lac-review', readCases(), { asOf: '2024-06-30' });
 * for await (const { results } of stream) write(results);
 * stream.summary();
 */
export function auditStream(
  procedure: string | Procedure | ProcedureInput,
  cases:
    | AsyncIterable<CaseRecord | { case: CaseRecord | undefined; problems: DataProblem[] }>
    | Iterable<CaseRecord | { case: CaseRecord | undefined; problems: DataProblem[] }>,
  options: AuditOptions,
): AuditStream {
  const p = resolveProcedure(procedure);
  checkCases(cases);
  const records = options?.records;
  if (records === 'infer') throw new TimescalesInputError('records', records, "a list of the event types the data records (a streaming audit cannot infer them), or no records (every rule measured)");
  if (records !== undefined) checkRecords(records);
  const plan = planAudit(p, options, records);
  const prepared = plan.prepared;
  const summary = new SummaryBuilder(p, options, prepared.rules, plan);
  return {
    summary: () => summary.summary(),
    async *[Symbol.asyncIterator]() {
      for await (const item of cases as AsyncIterable<CaseRecord | { case: CaseRecord | undefined; problems: DataProblem[] }>) {
        const chunk = 'events' in item ? { case: item, problems: [] as DataProblem[] } : item;
        if (!chunk.case) {
          summary.addProblems(chunk.problems);
          yield { caseId: '', results: [], problems: chunk.problems };
          continue;
        }
        // A case the CLI's reader built and handed straight here (`VOUCHED`) is not checked again.
        const r = VOUCHED in chunk ? evaluateCase(prepared, chunk.case, false) : evaluate(p, chunk.case, prepared);
        const problems = chunk.problems.length ? [...chunk.problems, ...r.problems] : r.problems;
        summary.addCase(chunk.case, r, problems);
        yield { caseId: chunk.case.id, results: [...r], problems };
      }
    },
  };
}

function checkRecords(records: unknown): void {
  if (!Array.isArray(records) || records.some((r) => typeof r !== 'string')) {
    throw new TimescalesInputError('records', records, "'infer' or a list of event type names");
  }
}

/** The cases of an audit must be iterable (an array, a generator, a stream): anything else is a typed error, not a TypeError. */
function checkCases(cases: unknown): void {
  const ok = cases !== null && typeof cases === 'object' && (Symbol.iterator in cases || Symbol.asyncIterator in cases);
  if (!ok) throw new TimescalesInputError('cases', cases, 'an iterable of case records (an array, a generator or a stream)');
}
