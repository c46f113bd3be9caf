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
import type { Rule, SourceRef } from './schema';

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
  private readonly dobReported = new Set<string>();

  constructor(
    readonly options: PreparedOptions,
    readonly kase: PreparedCase,
  ) {
    const stops = (options.procedure.stopEvents ?? []).flatMap((type) => kase.byType.get(type) ?? []);
    this.stop = stops.sort((a, b) => a.day - b.day)[0];
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
    };
  }

  /** Reports, once per rule, that the rule needs a date of birth the case lacks. */
  missingDob(rule: Rule): void {
    if (this.dobReported.has(rule.id)) return;
    this.dobReported.add(rule.id);
    this.kase.problems.push({
      caseId: this.kase.id,
      procedure: this.options.procedure.id,
      rule: rule.id,
      code: 'missing-date-of-birth',
      severity: 'warning',
      message: `${rule.id} needs the child's date of birth, which this case does not have; the rule is skipped`,
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

  result(rule: Rule, occurrence: number, anchor: EventMoment, judgement: Judgement, dates: ResultDates, lines: string[]): Result {
    // Built field by field (no object spreads): this runs once per result, millions of times in an audit.
    const result: Result = {
      caseId: this.kase.id,
      procedure: this.options.procedure.id,
      rule: rule.id,
      title: rule.title,
      kind: rule.kind,
      occurrence,
      anchor: { event: anchor.event, date: showMoment(anchor.moment) },
      status: judgement.status,
      breach: judgement.breach,
      trace: lines.concat(judgement.lines),
      source: citeSource(this.options.procedure, dates.source ?? rule.source),
      profile: this.options.profile,
      calendar: this.options.cal.description,
    };
    if (dates.due) result.due = showMoment(dates.due);
    if (dates.earliest) result.earliest = dates.earliest.date;
    if (dates.target) result.target = showMoment(dates.target);
    if (dates.completed) result.completed = { event: dates.completed.event, date: showMoment(dates.completed.moment) };
    if (judgement.late) result.late = judgement.late;
    if (judgement.openWorkingDays !== undefined) result.openWorkingDays = judgement.openWorkingDays;
    if (rule.notes) {
      const notes = rule.notes.filter((note) => !note.whenAnyEvent || note.whenAnyEvent.some((type) => this.kase.byType.has(type))).map((note) => note.text);
      if (notes.length) result.notes = notes;
    }
    if (dates.sequence !== undefined) result.sequence = dates.sequence;
    return result;
  }
}
