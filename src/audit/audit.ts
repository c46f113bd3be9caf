/**
 * Auditing many cases: every result, a summary per rule (the figures a
 * safeguarding board reads) and every data problem. `audit` takes an array or
 * any iterable; `auditStream` takes an async iterable and yields each case's
 * results as it goes, keeping only the summary counts, so its memory does not
 * grow with the number of cases.
 */
import { prepareOptions, type CaseRecord, type DataProblem, type EvaluateOptions, type Procedure, type ProcedureInput, type Result, type Status } from '../engine/index';
import { evaluate, resolveProcedure } from '../procedures/index';

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
  ) {
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
      });
    }
  }
  private readonly profile: string;

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
    };
  }
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
  options: EvaluateOptions,
): AuditReport {
  const p = resolveProcedure(procedure);
  const prepared = prepareOptions(p, options);
  const summary = new SummaryBuilder(p, options, prepared.rules);
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
  options: EvaluateOptions,
): AuditStream {
  const p = resolveProcedure(procedure);
  const prepared = prepareOptions(p, options);
  const summary = new SummaryBuilder(p, options, prepared.rules);
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
