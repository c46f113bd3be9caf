/**
 * The status of one occurrence at the as-of date (conventions C7), with the
 * lines that explain it. Shared by every rule kind.
 */
import type { Calendar } from '../calendar/index';
import { negate, onOrBefore, showMoment, type EventMoment, type Moment } from './moment';
import type { Status } from './schema';
import { BREACH_STATUSES } from './schema';

export interface Judgement {
  status: Status;
  breach: boolean;
  late?: { workingDays: number; days: number };
  openWorkingDays?: number;
  lines: string[];
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
  const lines: string[] = [];
  const done = (status: Status, extra: Partial<Judgement> = {}): Judgement => ({
    status,
    breach: BREACH_STATUSES.has(status),
    ...extra,
    lines,
  });
  const lateness = (from: Moment, to: Moment) => ({
    workingDays: cal.workingDaysBetween(from.date, to.date),
    days: to.day - from.day,
  });
  const latenessText = (late: { workingDays: number; days: number }) =>
    `${late.workingDays} working day${late.workingDays === 1 ? '' : 's'} (${late.days} calendar day${late.days === 1 ? '' : 's'})`;

  if (completion) lines.push(`completed by ${completion.event} on ${showMoment(completion.moment)}`);

  if (earliest && completion && !onOrBefore(earliest, completion.moment)) {
    lines.push(`met-early: ${completion.event} on ${showMoment(completion.moment)} is before the window opened on ${earliest.date}`);
    return done('met-early');
  }
  if (!due) {
    if (completion) {
      lines.push(earliest ? `met: on or after ${earliest.date}` : 'met (the source sets no timescale)');
      return done('met');
    }
    if (earliest) {
      if (asOf.day < earliest.day) {
        lines.push(`pending: the window opens on ${earliest.date}`);
        return done('pending');
      }
      lines.push(`met: nothing ended it before ${earliest.date}`);
      return done('met');
    }
    const open = cal.workingDaysBetween(input.anchor.date, asOf.date);
    lines.push(`pending: no timescale in the source; open ${open} working day${open === 1 ? '' : 's'} at ${asOf.date}`);
    return done('pending', { openWorkingDays: open });
  }

  if (completion) {
    if (target && onOrBefore(completion.moment, target)) {
      lines.push(`met: on or before the target ${showMoment(target)}`);
      return done('met');
    }
    if (onOrBefore(completion.moment, due)) {
      if (target) {
        lines.push(`met-after-target: after the target ${showMoment(target)}, within the limit ${showMoment(due)}`);
        return done('met-after-target');
      }
      lines.push(`met: on or before the due date ${showMoment(due)}`);
      return done('met');
    }
    const late = lateness(due, completion.moment);
    if (input.silence) {
      lines.push(`deemed-met: no response by ${showMoment(due)} counts as agreement; the later response is recorded`);
      return done('deemed-met');
    }
    lines.push(`met-late: ${latenessText(late)} after the due date ${showMoment(due)}`);
    return done('met-late', { late });
  }

  // No completion by the as-of date. A date-time due has passed by the end of its day.
  const passed = (moment: Moment) => (moment.epoch !== undefined ? moment.day <= asOf.day : moment.day < asOf.day);
  if (passed(due)) {
    if (input.silence) {
      lines.push(`deemed-met: no response by ${showMoment(due)}, so deemed agreed`);
      return done('deemed-met');
    }
    const late = lateness(due, asOf);
    lines.push(`overdue: ${latenessText(late)} past the due date ${showMoment(due)} at ${asOf.date}`);
    return done('overdue', { late });
  }
  if (target && passed(target)) {
    lines.push(`past-target: the target ${showMoment(target)} has passed; the limit is ${showMoment(due)}`);
    return done('past-target');
  }
  if (earliest && asOf.day < earliest.day) {
    lines.push(`pending: the window opens on ${earliest.date}`);
    return done('pending');
  }
  const watched = target ?? due;
  const warnFrom = cal.add(watched.date, negate(input.dueSoon)[0]!);
  if (asOf.date >= warnFrom) {
    const left = cal.workingDaysBetween(asOf.date, watched.date);
    lines.push(`due-soon: ${left} working day${left === 1 ? '' : 's'} left to ${showMoment(watched)} (warning from ${warnFrom})`);
    return done('due-soon');
  }
  lines.push(`pending: due ${showMoment(watched)}`);
  return done('pending');
}
