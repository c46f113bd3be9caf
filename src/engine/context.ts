/**
 * The context of one case's evaluation, read by every rule kind: the prepared
 * options and case, the procedure's stop event, data problems, and the
 * builder of results. It holds no rule's results: those pass explicitly from
 * the interpreter (evaluate.ts) to the rule kinds that read them.
 */
import type { AnchorContext } from './anchors';
import { citeSource } from './citation';
import type { PreparedCase, PreparedEvent } from './events';
import type { Judgement } from './judge';
import { momentOf, showMoment, type DateMath, type EventMoment, type Moment } from './moment';
import type { PreparedOptions } from './prepare';
import type { ProblemCode } from './problems';
import type { Result } from './result';
import type { AtPeriodEnd, Procedure, Rule, SourceRef } from './schema';
import { formatIsoDay } from '../calendar/index';

/** Which period a result belongs to: its name, the date it began and, once it has, the date it ended. */
export interface PeriodRef {
  name: string;
  /** Absent for a period that began before the case's records (its first event of the period is an end). */
  start?: string;
  end?: string;
}

/** One period of a case: a period of care, a plan, an open issue (docs/rule-kinds.md, "Periods"). */
export interface Period {
  /** Counted from 0, in date order, among the periods of its name. */
  index: number;
  /** The start event; absent when the period began before the case's records. */
  start?: PreparedEvent;
  /** The start day (-Infinity when unknown). */
  startDay: number;
  end?: PreparedEvent;
  /** The start of the next period of the same name, if any. */
  next?: PreparedEvent;
  /** The first day whose events belong to this period's preparation: the day after the previous period ended. */
  fromDay: number;
  /** Shared by every result of the period (one object per period, not per result). */
  ref: PeriodRef;
}

/** Where a rule's occurrence lives: its period, and the days its events may come from. */
export interface Scope {
  period: Period;
  /** Completing events count from this day (the day after the previous period ended)… */
  fromDay: number;
  /** …to this day (inclusive): the period's end (`ends`), the day before the next period (`runs-on`), or none. */
  until?: Moment;
  atPeriodEnd: AtPeriodEnd;
}

/** The dates of one result; absent ones are left out of it. */
export interface ResultDates {
  due?: Moment | undefined;
  earliest?: Moment | undefined;
  target?: Moment | undefined;
  completed?: EventMoment | undefined;
  /** Cycles and their tasks: the sequence, counted from 1. */
  sequence?: number | undefined;
  /** The source of the version used, when it has its own (else the rule's). */
  source?: SourceRef | undefined;
}

export class CaseContext {
  /** The first stop event of the procedure in the case (e.g. the child left), if any. */
  readonly stop: PreparedEvent | undefined;
  /** What was reported once per rule (made on first use: most cases report nothing). */
  private reportedOnce: Set<string> | undefined;
  private periodCache: Map<string, Period[]> | undefined;
  /** The origin event of each result anchored on one (read by rules anchored on those results: `since: 'origin'`). */
  private origins: Map<Result, PreparedEvent> | undefined;

  constructor(
    readonly options: PreparedOptions,
    readonly kase: PreparedCase,
  ) {
    // The earliest stop event (the first of them, in the procedure's order of stop events, on a tie).
    let stop: PreparedEvent | undefined;
    for (const type of options.procedure.stopEvents ?? []) {
      for (const event of kase.byType.get(type) ?? []) if (!stop || event.day < stop.day) stop = event;
    }
    this.stop = stop;
  }

  /** The periods of one name in the case, in date order (computed once per case and name). */
  periods(name: string): Period[] {
    this.periodCache ??= new Map();
    let list = this.periodCache.get(name);
    if (list) return list;
    list = [];
    const def = periodEvents(this.options.procedure, name);
    if (def) {
      const { starts, ends } = def;
      let open: Period | undefined;
      // One pass over the period's own events only (by type), in date and input order.
      const events: PreparedEvent[] = [];
      for (const type of def.types) for (const event of this.kase.byType.get(type) ?? []) events.push(event);
      events.sort((a, b) => a.day - b.day || a.index - b.index);
      let previousEnd: PreparedEvent | undefined;
      for (const event of events) {
        if (!open && list.length === 0 && ends.has(event.type) && !starts.has(event.type)) {
          // The first event of the period is an end: the period began before the case's records.
          list.push({ index: 0, startDay: -Infinity, end: event, fromDay: -Infinity, ref: { name, end: event.date } });
          previousEnd = event;
          continue;
        }
        if (open) {
          if (ends.has(event.type)) {
            open.end = event;
            open.ref.end = event.date;
            previousEnd = event;
            open = undefined;
          }
          continue;
        }
        if (!starts.has(event.type)) continue;
        const fromDay = previousEnd ? Math.min(previousEnd.day + 1, event.day) : -Infinity;
        const last = list[list.length - 1];
        open = { index: list.length, start: event, startDay: event.day, fromDay, ref: { name, start: event.date } };
        if (last) last.next = event;
        list.push(open);
      }
    }
    this.periodCache.set(name, list);
    return list;
  }

  /**
   * The scope of an occurrence anchored on `day` of a rule scoped to `name`: the latest period begun on or
   * before the day, if the day falls within its reach (its end, or for `runs-on` the day before the next one
   * begins). Undefined: the day is in no period, so the rule has no occurrence there.
   */
  scopeAt(name: string, atPeriodEnd: AtPeriodEnd, day: number): Scope | undefined {
    const list = this.periods(name);
    for (let i = list.length - 1; i >= 0; i--) {
      const period = list[i]!;
      if (period.startDay > day) continue;
      const until = reachOf(period, atPeriodEnd);
      if (until && day > until.day) return undefined;
      return until ? { period, fromDay: period.fromDay, until, atPeriodEnd } : { period, fromDay: period.fromDay, atPeriodEnd };
    }
    return undefined;
  }

  get math(): DateMath {
    return this.options.math;
  }

  /** What resolving a rule's anchors reads: the case, and the results of the rules evaluated before it. */
  anchorContext(rule: Rule, earlierResults: ReadonlyMap<string, Result[]>): AnchorContext {
    return {
      math: this.options.math,
      kase: this.kase,
      asOf: this.options.asOf,
      results: earlierResults,
      missingDob: () => this.missingDob(rule),
      originOf: (result) => this.origins?.get(result),
    };
  }

  /** Records the event a result's chain of anchors began with. */
  setOrigin(result: Result, origin: PreparedEvent | undefined): void {
    if (origin) (this.origins ??= new Map()).set(result, origin);
  }

  /** True the first time a rule reports `key` in this case. */
  private firstReport(key: string): boolean {
    const seen = (this.reportedOnce ??= new Set());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }

  /** Reports, once per rule, that the rule needs a date of birth the case lacks. */
  missingDob(rule: Rule): void {
    if (!this.firstReport(rule.id)) return;
    this.kase.problems.push({
      caseId: this.kase.id,
      procedure: this.options.procedure.id,
      rule: rule.id,
      code: 'missing-date-of-birth',
      severity: 'warning',
      message: `${rule.id} needs the child's date of birth, which this case does not have; the rule is skipped`,
    });
  }

  /**
   * Reports, once per rule, that the rule has anchors but the case records no period it belongs to (no start
   * or end event of the period at all): those anchors give no result. An anchor outside the periods a case
   * does record (after the child left care) is the scoping itself, not a problem.
   */
  noPeriod(rule: Rule, name: string): void {
    if (this.periods(name).length) return;
    if (!this.firstReport(`period:${rule.id}`)) return;
    const def = this.options.procedure.periods?.[name];
    this.kase.problems.push({
      caseId: this.kase.id,
      procedure: this.options.procedure.id,
      rule: rule.id,
      code: 'no-period',
      severity: 'warning',
      message: `${rule.id} belongs to a ${name} period, but the case records none (no ${(def?.start ?? []).join(' or ')}); the rule is skipped`,
    });
  }

  /** A warning about the case, for one rule (and optionally one event). */
  problem(rule: Rule, code: ProblemCode, message: string, event?: PreparedEvent): void {
    this.kase.problems.push({
      caseId: this.kase.id,
      procedure: this.options.procedure.id,
      rule: rule.id,
      code,
      severity: 'warning',
      message,
      ...(event ? { event: { type: event.type, date: event.dateTime ?? event.date } } : {}),
    });
  }

  /** The as-of date, or the stop event's date when the procedure stopped earlier. */
  effectiveAsOf(): Moment {
    return this.stop && this.stop.day < this.options.asOf.day ? momentOf(this.stop) : this.options.asOf;
  }

  /** True when the procedure stopped (e.g. the child left) before an open occurrence fell due: not reported. */
  stoppedBefore(due: Moment | undefined): boolean {
    return this.stop !== undefined && (due === undefined || due.day > this.stop.day);
  }

  /** True when the anchor falls after the procedure stopped: no occurrence. */
  stoppedAt(anchor: Moment): boolean {
    return this.stop !== undefined && anchor.day > this.stop.day;
  }

  /**
   * One result. `lines` become its trace (with the judgement's after them): pass an array of the result's own.
   * Every result has the same keys in the same order (one shape: cheaper to build and to read, in an audit of
   * millions); those it lacks hold `undefined`, which the writers and `JSON.stringify` leave out.
   */
  result(rule: Rule, occurrence: number, anchor: EventMoment, judgement: Judgement, dates: ResultDates, lines: string[], period?: PeriodRef): Result {
    const procedure = this.options.procedure;
    const completed = dates.completed;
    return {
      caseId: this.kase.id,
      procedure: procedure.id,
      rule: rule.id,
      title: rule.title,
      kind: rule.kind,
      occurrence,
      anchor: { event: anchor.event, date: showMoment(anchor.moment) },
      status: judgement.status,
      breach: judgement.breach,
      trace: judgement.lines.length ? lines.concat(judgement.lines) : lines,
      source: citeSource(procedure, dates.source ?? rule.source),
      profile: this.options.profile,
      calendar: this.options.cal.description,
      due: dates.due ? showMoment(dates.due) : undefined,
      earliest: dates.earliest ? dates.earliest.date : undefined,
      target: dates.target ? showMoment(dates.target) : undefined,
      completed: completed ? { event: completed.event, date: showMoment(completed.moment) } : undefined,
      late: judgement.late,
      openWorkingDays: judgement.openWorkingDays,
      notes: rule.notes ? this.notes(rule) : undefined,
      sequence: dates.sequence,
      period,
    };
  }

  /** The notes of a rule that apply to this case (undefined when none does). */
  private notes(rule: Rule): string[] | undefined {
    const notes = rule.notes!.filter((note) => !note.whenAnyEvent || note.whenAnyEvent.some((type) => this.kase.byType.has(type))).map((note) => note.text);
    return notes.length ? notes : undefined;
  }
}

/** A declared period's start and end events, and every type of either in order: per procedure and name, once. */
interface PeriodEvents {
  starts: ReadonlySet<string>;
  ends: ReadonlySet<string>;
  types: readonly string[];
}
const periodEventsOf = new WeakMap<Procedure, Map<string, PeriodEvents | undefined>>();

function periodEvents(procedure: Procedure, name: string): PeriodEvents | undefined {
  let byName = periodEventsOf.get(procedure);
  if (!byName) periodEventsOf.set(procedure, (byName = new Map()));
  if (byName.has(name)) return byName.get(name);
  const def = procedure.periods?.[name];
  const events = def ? { starts: new Set(def.start), ends: new Set(def.end), types: [...new Set([...def.start, ...def.end])] } : undefined;
  // Only a defined (frozen) procedure's periods are remembered: they cannot change.
  if (Object.isFrozen(procedure)) byName.set(name, events);
  return events;
}

/** The last day of a period's reach: its end for `ends`, the day before the next period for `runs-on`; none while it lasts. */
function reachOf(period: Period, atPeriodEnd: AtPeriodEnd): Moment | undefined {
  if (atPeriodEnd === 'ends') return period.end ? momentOf(period.end) : undefined;
  if (!period.next) return undefined;
  const day = period.next.day - 1;
  return { date: formatIsoDay(day), day };
}
