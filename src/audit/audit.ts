/**
 * Auditing many cases: every result, a summary per rule (the figures a
 * safeguarding board reads) and every data problem. `audit` takes an array or
 * any iterable; `auditStream` takes an async iterable and yields each case's
 * results as it goes, keeping only the summary counts, so its memory does not
 * grow with the number of cases.
 */
import {
  prepareOptions,
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

/** Counts of one rule's results by status, and the share on time. */
export interface RuleSummary {
  rule: string;
  title: string;
  total: number;
  met: number;
  metLate: number;
  metEarly: number;
  metAfterTarget: number;
  pastTarget: number;
  deemedMet: number;
  pending: number;
  dueSoon: number;
  overdue: number;
  /** Results whose due date is on or before the as-of date: the denominator of `onTimePercent`. */
  dueByAsOf: number;
  /** Of those, met on time (met, met-after-target, deemed-met). */
  onTime: number;
  /** 100 × onTime / dueByAsOf, one decimal; null when nothing was due. */
  onTimePercent: number | null;
  /** False for a rule the data cannot measure, evaluated only because `allRules` asked for it. */
  measured: boolean;
}

export interface AuditSummary {
  procedure: string;
  asOf: string;
  profile: string;
  cases: number;
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
}

export interface AuditReport {
  results: Result[];
  summary: AuditSummary;
  problems: DataProblem[];
}

const STATUS_KEY: Record<Status, keyof RuleSummary> = {
  met: 'met',
  'met-late': 'metLate',
  'met-early': 'metEarly',
  'met-after-target': 'metAfterTarget',
  'past-target': 'pastTarget',
  'deemed-met': 'deemedMet',
  pending: 'pending',
  'due-soon': 'dueSoon',
  overdue: 'overdue',
};
const ON_TIME = new Set<Status>(['met', 'met-after-target', 'deemed-met']);

/**
 * Accumulates summary figures result by result (constant memory per rule).
 *
 * @example
 * const s = new SummaryBuilder(procedure, options);
 * for (const r of results) s.add(r);
 * s.summary(); // { rules: [{ rule: 'review-cycle', met: 10, overdue: 2, onTimePercent: 83.3, ... }] }
 */
export class SummaryBuilder {
  private readonly rules = new Map<string, RuleSummary>();
  private cases = 0;
  private results = 0;
  private breaches = 0;
  private errors = 0;
  private warnings = 0;
  private readonly asOf: string;
  constructor(
    private readonly procedure: Procedure,
    options: { asOf: string; profile?: string },
    /** The rules evaluated (default: every rule of the procedure), listed in the procedure's order. */
    evaluated: readonly { id: string }[] = procedure.rules,
    /** What the data cannot measure, and the event types it records (`planAudit`). */
    measuring: { notMeasured: readonly NotMeasuredRule[]; records: readonly string[] | null } = { notMeasured: [], records: null },
  ) {
    this.notMeasured = measuring.notMeasured.map((n) => ({ ...n, missing: [...n.missing] }));
    this.records = measuring.records ? [...measuring.records] : null;
    const unmeasured = new Set(this.notMeasured.map((n) => n.rule));
    this.asOf = options.asOf;
    this.profile = options.profile ?? 'default';
    const on = new Set(evaluated.map((r) => r.id));
    for (const r of procedure.rules.filter((x) => on.has(x.id))) {
      this.rules.set(r.id, {
        rule: r.id,
        title: r.title,
        total: 0,
        met: 0,
        metLate: 0,
        metEarly: 0,
        metAfterTarget: 0,
        pastTarget: 0,
        deemedMet: 0,
        pending: 0,
        dueSoon: 0,
        overdue: 0,
        dueByAsOf: 0,
        onTime: 0,
        onTimePercent: null,
        measured: !unmeasured.has(r.id),
      });
    }
  }
  private readonly profile: string;
  private readonly notMeasured: NotMeasuredRule[];
  private readonly records: string[] | null;

  addCase(results: readonly Result[], problems: readonly DataProblem[]): void {
    this.cases++;
    this.addProblems(problems);
    for (const r of results) this.add(r);
  }

  add(r: Result): void {
    const s = this.rules.get(r.rule);
    if (!s) return;
    this.results++;
    if (r.breach) this.breaches++;
    s.total++;
    (s[STATUS_KEY[r.status]] as number)++;
    // Due by the as-of date: the day part of the due date (date-times included) is on or before it.
    if (r.due !== undefined && r.due.slice(0, 10) <= this.asOf) {
      s.dueByAsOf++;
      if (ON_TIME.has(r.status)) s.onTime++;
    }
  }

  /** Counts data problems by severity (reader problems of rows that gave no case, for example). */
  addProblems(problems: readonly DataProblem[]): void {
    for (const p of problems) {
      if (p.severity === 'error') this.errors++;
      else this.warnings++;
    }
  }

  summary(): AuditSummary {
    return {
      procedure: this.procedure.id,
      asOf: this.asOf,
      profile: this.profile,
      cases: this.cases,
      results: this.results,
      breaches: this.breaches,
      problems: this.errors + this.warnings,
      errors: this.errors,
      warnings: this.warnings,
      rules: [...this.rules.values()].map((s) => ({
        ...s,
        onTimePercent: s.dueByAsOf === 0 ? null : Math.round((1000 * s.onTime) / s.dueByAsOf) / 10,
      })),
      notMeasured: this.notMeasured.map((n) => ({ ...n, missing: [...n.missing] })),
      records: this.records ? [...this.records].sort() : null,
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
    summary.addCase(r, r.problems);
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
        const r = evaluate(p, chunk.case, prepared);
        const problems = chunk.problems.length ? [...chunk.problems, ...r.problems] : r.problems;
        summary.addCase(r, problems);
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
