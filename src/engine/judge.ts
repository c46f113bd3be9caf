/**
 * The status of one occurrence at the as-of date (conventions C7), with the
 * lines that explain it. Shared by every rule kind.
 */
import type { Calendar } from '../calendar/index';
import { negatedDuration, onOrBefore, showMoment, type EventMoment, type Moment } from './moment';
import type { Status } from './schema';
import { BREACH_STATUSES } from './schema';

export interface Judgement {
  status: Status;
  breach: boolean;
  late: { workingDays: number; days: number } | undefined;
  openWorkingDays: number | undefined;
  /** Empty, and shared, when the lines were not asked for. */
  lines: readonly string[];
}

export interface JudgeInput {
  cal: Calendar;
  asOf: Moment;
  /** Warning window before a due date, as a duration (default 5wd). */
  dueSoon: string;
  anchor: Moment;
  due?: Moment | undefined;
  earliest?: Moment | undefined;
  target?: Moment | undefined;
  completion?: EventMoment | undefined;
  silence?: boolean;
  /** Write the lines that explain the status (default true); false when no trace is wanted: the status is the same. */
  explain?: boolean;
}

/**
 * The status of one occurrence at the as-of date, exactly as C7:
 * met / met-late / pending / due-soon / overdue; two tiers add
 * met-after-target / past-target; silence gives deemed-met; a window adds
 * met-early (completed before it opened); no timescale is pending with the
 * working days open.
 */
export function judge(input: JudgeInput): Judgement {
  const { cal, asOf, due, earliest, target, completion } = input;
  // Each line is written only when explaining (`say`): building them cost more than judging. No line, no array.
  const say = input.explain !== false;
  const lines: string[] = say ? [] : (NO_LINES as string[]);

  if (completion && say) lines.push(`completed by ${completion.event} on ${showMoment(completion.moment)}`);

  if (earliest && completion && !onOrBefore(earliest, completion.moment)) {
    if (say) lines.push(`met-early: ${completion.event} on ${showMoment(completion.moment)} is before the window opened on ${earliest.date}`);
    return judgement('met-early', lines);
  }
  if (!due) {
    if (completion) {
      if (say) lines.push(earliest ? `met: on or after ${earliest.date}` : 'met (the source sets no timescale)');
      return judgement('met', lines);
    }
    if (earliest) {
      if (asOf.day < earliest.day) {
        if (say) lines.push(`pending: the window opens on ${earliest.date}`);
        return judgement('pending', lines);
      }
      if (say) lines.push(`met: nothing ended it before ${earliest.date}`);
      return judgement('met', lines);
    }
    const open = cal.workingDaysBetween(input.anchor.date, asOf.date);
    if (say) lines.push(`pending: no timescale in the source; open ${open} working day${open === 1 ? '' : 's'} at ${asOf.date}`);
    return judgement('pending', lines, undefined, open);
  }

  if (completion) {
    if (target && onOrBefore(completion.moment, target)) {
      if (say) lines.push(`met: on or before the target ${showMoment(target)}`);
      return judgement('met', lines);
    }
    if (onOrBefore(completion.moment, due)) {
      if (target) {
        if (say) lines.push(`met-after-target: after the target ${showMoment(target)}, within the limit ${showMoment(due)}`);
        return judgement('met-after-target', lines);
      }
      if (say) lines.push(`met: on or before the due date ${showMoment(due)}`);
      return judgement('met', lines);
    }
    const late = lateness(cal, due, completion.moment);
    if (input.silence) {
      if (say) lines.push(`deemed-met: no response by ${showMoment(due)} counts as agreement; the later response is recorded`);
      return judgement('deemed-met', lines);
    }
    if (say) lines.push(`met-late: ${latenessText(late)} after the due date ${showMoment(due)}`);
    return judgement('met-late', lines, late);
  }

  // No completion by the as-of date. A date-time due has passed by the end of its day.
  if (passed(due, asOf)) {
    if (input.silence) {
      if (say) lines.push(`deemed-met: no response by ${showMoment(due)}, so deemed agreed`);
      return judgement('deemed-met', lines);
    }
    const late = lateness(cal, due, asOf);
    if (say) lines.push(`overdue: ${latenessText(late)} past the due date ${showMoment(due)} at ${asOf.date}`);
    return judgement('overdue', lines, late);
  }
  if (target && passed(target, asOf)) {
    if (say) lines.push(`past-target: the target ${showMoment(target)} has passed; the limit is ${showMoment(due)}`);
    return judgement('past-target', lines);
  }
  if (earliest && asOf.day < earliest.day) {
    if (say) lines.push(`pending: the window opens on ${earliest.date}`);
    return judgement('pending', lines);
  }
  const watched = target ?? due;
  // The warning window counted back on day numbers (ISO dates and their day numbers sort alike).
  const warnFrom = cal.addDay(watched.day, negatedDuration(input.dueSoon));
  if (asOf.day >= warnFrom) {
    const left = cal.workingDaysBetween(asOf.date, watched.date);
    if (say) lines.push(`due-soon: ${left} working day${left === 1 ? '' : 's'} left to ${showMoment(watched)} (warning from ${cal.isoDate(warnFrom)})`);
    return judgement('due-soon', lines);
  }
  if (say) lines.push(`pending: due ${showMoment(watched)}`);
  return judgement('pending', lines);
}

/** What `judge` returns when it writes no lines. */
const NO_LINES: readonly string[] = Object.freeze([]);

/** A judgement: one shape, whatever the status. */
function judgement(status: Status, lines: string[], late?: Judgement['late'], openWorkingDays?: number): Judgement {
  return { status, breach: BREACH_STATUSES.has(status), late, openWorkingDays, lines };
}

function lateness(cal: Calendar, from: Moment, to: Moment): { workingDays: number; days: number } {
  return { workingDays: cal.workingDaysBetween(from.date, to.date), days: to.day - from.day };
}

function latenessText(late: { workingDays: number; days: number }): string {
  return `${late.workingDays} working day${late.workingDays === 1 ? '' : 's'} (${late.days} calendar day${late.days === 1 ? '' : 's'})`;
}

/** A due date (or target) has passed at the as-of date; a date-time one by the end of its day. */
function passed(moment: Moment, asOf: Moment): boolean {
  return moment.epoch !== undefined ? moment.day <= asOf.day : moment.day < asOf.day;
}
