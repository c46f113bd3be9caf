/**
 * The worklist: what is still to be done in a caseload as at a date, in the
 * order it falls due (docs/cli.md, "timescales due"). Pure selection over
 * results, so the library, the CLI's `due` command and the calendar export
 * share one reading of "open" and one window.
 */
import { formatIsoDay, isIsoDate, tryParseIsoDay } from '../calendar/index';
import type { Result, Status } from '../engine/index';

/** Statuses of a step that is still to be done: not completed and not deemed met. */
export const OPEN_STATUSES: ReadonlySet<Status> = new Set<Status>(['pending', 'due-soon', 'past-target', 'overdue']);

/** An open result: not completed, in one of the `OPEN_STATUSES`, and with a due date. */
export function isOpen(r: Result): boolean {
  return r.completed === undefined && r.due !== undefined && OPEN_STATUSES.has(r.status);
}

/** The due-date window of a worklist, both ends included; `from` absent means "everything overdue too". */
export interface DueWindow {
  from?: string;
  to: string;
}

/** How far ahead a worklist looks by default: 4 weeks (28 calendar days). */
export const DEFAULT_DUE_DAYS = 28;

/**
 * The window of a worklist at `asOf`. Default: from the beginning (everything
 * overdue) to 28 calendar days after the as-of date. `to` given alone keeps
 * the overdue items; `from` given alone looks 28 days past the later of
 * `from` and the as-of date.
 *
 * @example
 * dueWindow('2024-06-30') // { to: '2024-07-28' }: Sun 30 Jun 2024 + 28 days → Sun 28 Jul
 * dueWindow('2024-06-30', { from: '2024-07-01', to: '2024-07-05' }) // { from: '2024-07-01', to: '2024-07-05' }
 */
export function dueWindow(asOf: string, given: { from?: string; to?: string } = {}): DueWindow {
  for (const [name, value] of Object.entries({ asOf, ...given })) {
    if (value !== undefined && !isIsoDate(value)) throw new RangeError(`${name}: expected an ISO date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  const base = given.from !== undefined && given.from > asOf ? given.from : asOf;
  const to = given.to ?? plusDays(base, DEFAULT_DUE_DAYS);
  if (given.from !== undefined && given.from > to) throw new RangeError(`the window starts (${given.from}) after it ends (${to})`);
  return given.from === undefined ? { to } : { from: given.from, to };
}

/** Options of `selectDue`. */
export interface DueOptions {
  window: DueWindow;
  /** The group of a result (a worker, a team); results are sorted by group first. */
  groupBy?: (r: Result) => string;
}

/** One line of the worklist: the result, and its group when grouped. */
export interface DueItem {
  result: Result;
  group?: string;
}

/**
 * The open results whose due date (its day, for date-times) lies in the
 * window, sorted by group (when grouped), then due date, case, rule and
 * occurrence. Results without a due date (steps with no timescale) are never
 * in a worklist.
 *
 * @example
 * selectDue(report.results, { window: dueWindow('2024-06-30') }).map((d) => d.result.due)
 */
export function selectDue(results: Iterable<Result>, options: DueOptions): DueItem[] {
  const { from, to } = options.window;
  const out: DueItem[] = [];
  for (const r of results) {
    if (!isOpen(r)) continue;
    const day = r.due!.slice(0, 10);
    if ((from !== undefined && day < from) || day > to) continue;
    out.push(options.groupBy ? { result: r, group: options.groupBy(r) } : { result: r });
  }
  return out.sort(compareDue);
}

function compareDue(a: DueItem, b: DueItem): number {
  return (
    cmp(a.group ?? '', b.group ?? '') ||
    cmp(a.result.due!, b.result.due!) ||
    cmp(a.result.caseId, b.result.caseId) ||
    cmp(a.result.procedure, b.result.procedure) ||
    cmp(a.result.rule, b.result.rule) ||
    (a.result.sequence ?? 1) - (b.result.sequence ?? 1) ||
    a.result.occurrence - b.result.occurrence
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function plusDays(day: string, n: number): string {
  return formatIsoDay(tryParseIsoDay(day)! + n);
}
