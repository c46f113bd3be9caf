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
  // Each line is written only when explaining (`if (say)`): building them cost more than judging.
  const say = input.explain !== false;
  const lines: string[] = [];
  const done = (status: Status, extra?: { late?: Judgement['late']; openWorkingDays?: number }): Judgement => {
    const out: Judgement = { status, breach: BREACH_STATUSES.has(status), lines };
    if (extra?.late) out.late = extra.late;
    if (extra?.openWorkingDays !== undefined) out.openWorkingDays = extra.openWorkingDays;
    return out;
  };
  const lateness = (from: Moment, to: Moment) => ({
    workingDays: cal.workingDaysBetween(from.date, to.date),
    days: to.day - from.day,
  });
  const latenessText = (late: { workingDays: number; days: number }) =>
    `${late.workingDays} working day${late.workingDays === 1 ? '' : 's'} (${late.days} calendar day${late.days === 1 ? '' : 's'})`;

  if (completion && say) lines.push(`completed by ${completion.event} on ${showMoment(completion.moment)}`);

  if (earliest && completion && !onOrBefore(earliest, completion.moment)) {
    if (say) lines.push(`met-early: ${completion.event} on ${showMoment(completion.moment)} is before the window opened on ${earliest.date}`);
    return done('met-early');
  }
  if (!due) {
    if (completion) {
      if (say) lines.push(earliest ? `met: on or after ${earliest.date}` : 'met (the source sets no timescale)');
      return done('met');
    }
    if (earliest) {
      if (asOf.day < earliest.day) {
        if (say) lines.push(`pending: the window opens on ${earliest.date}`);
        return done('pending');
      }
      if (say) lines.push(`met: nothing ended it before ${earliest.date}`);
      return done('met');
    }
    const open = cal.workingDaysBetween(input.anchor.date, asOf.date);
    if (say) lines.push(`pending: no timescale in the source; open ${open} working day${open === 1 ? '' : 's'} at ${asOf.date}`);
    return done('pending', { openWorkingDays: open });
  }

  if (completion) {
    if (target && onOrBefore(completion.moment, target)) {
      if (say) lines.push(`met: on or before the target ${showMoment(target)}`);
      return done('met');
    }
    if (onOrBefore(completion.moment, due)) {
      if (target) {
        if (say) lines.push(`met-after-target: after the target ${showMoment(target)}, within the limit ${showMoment(due)}`);
        return done('met-after-target');
      }
      if (say) lines.push(`met: on or before the due date ${showMoment(due)}`);
      return done('met');
    }
    const late = lateness(due, completion.moment);
    if (input.silence) {
      if (say) lines.push(`deemed-met: no response by ${showMoment(due)} counts as agreement; the later response is recorded`);
      return done('deemed-met');
    }
    if (say) lines.push(`met-late: ${latenessText(late)} after the due date ${showMoment(due)}`);
    return done('met-late', { late });
  }

  // No completion by the as-of date. A date-time due has passed by the end of its day.
  const passed = (moment: Moment) => (moment.epoch !== undefined ? moment.day <= asOf.day : moment.day < asOf.day);
  if (passed(due)) {
    if (input.silence) {
      if (say) lines.push(`deemed-met: no response by ${showMoment(due)}, so deemed agreed`);
      return done('deemed-met');
    }
    const late = lateness(due, asOf);
    if (say) lines.push(`overdue: ${latenessText(late)} past the due date ${showMoment(due)} at ${asOf.date}`);
    return done('overdue', { late });
  }
  if (target && passed(target)) {
    if (say) lines.push(`past-target: the target ${showMoment(target)} has passed; the limit is ${showMoment(due)}`);
    return done('past-target');
  }
  if (earliest && asOf.day < earliest.day) {
    if (say) lines.push(`pending: the window opens on ${earliest.date}`);
    return done('pending');
  }
  const watched = target ?? due;
  const warnFrom = cal.add(watched.date, negatedDuration(input.dueSoon));
  if (asOf.date >= warnFrom) {
    const left = cal.workingDaysBetween(asOf.date, watched.date);
    if (say) lines.push(`due-soon: ${left} working day${left === 1 ? '' : 's'} left to ${showMoment(watched)} (warning from ${warnFrom})`);
    return done('due-soon');
  }
  if (say) lines.push(`pending: due ${showMoment(watched)}`);
  return done('pending');
}
