/**
 * Dates with an explanation, and the status of a deadline at the as-of date
 * (conventions C7). Shared by every rule kind.
 */
import { DateTime } from 'luxon';
import { parseDuration, tryParseIsoDay, type Calendar, type Roll } from '../calendar/index';
import type { PreparedEvent } from './events';
import type { Offset, Status } from './schema';
import { BREACH_STATUSES } from './schema';

/** A point in time a rule reasons about: a day, and for hour-based rules an instant. */
export interface Moment {
  date: string;
  day: number;
  /** ISO date-time text (Europe/London wall clock unless an offset was given). */
  dateTime?: string;
  epoch?: number;
}

export function momentOf(e: PreparedEvent): Moment {
  return e.dateTime !== undefined ? { date: e.date, day: e.day, dateTime: e.dateTime, epoch: e.epoch } : { date: e.date, day: e.day };
}

export function dayMoment(date: string): Moment {
  return { date, day: tryParseIsoDay(date)! };
}

/** Text of a moment for results: the date-time when there is one. */
export function showMoment(m: Moment): string {
  return m.dateTime ?? m.date;
}

export function offsets(offset: Offset): string[] {
  return Array.isArray(offset) ? offset : [offset];
}

/** Negates an offset: `2w` → `-2w` (for "2 weeks before"). */
export function negate(offset: Offset): string[] {
  return offsets(offset).map((o) => (o.startsWith('-') ? o.slice(1) : o.startsWith('+') ? `-${o.slice(1)}` : `-${o}`));
}

/**
 * Adds an offset (one duration or several in order) to a moment, returning the
 * new moment and the calendar's explanation. `roll` applies to the last step.
 */
export function addOffset(
  cal: Calendar,
  from: Moment,
  offset: Offset,
  opts: { roll?: Roll; countStartDay?: boolean } = {},
): { moment: Moment; lines: string[] } {
  const steps = offsets(offset);
  let m = from;
  const lines: string[] = [];
  steps.forEach((step, i) => {
    const dur = parseDuration(step);
    const last = i === steps.length - 1;
    if (dur.unit === 'h') {
      if (m.dateTime === undefined) {
        // A date without a time: the latest the hours can end is the end of the day after.
        const days = Math.ceil(Math.abs(dur.amount) / 24) * Math.sign(dur.amount);
        const r = cal.addDetailed(m.date, `${days}d`);
        lines.push(`${m.date} has no time of day: ${step} taken as ending on ${r.date} (the benefit of the doubt)`);
        m = dayMoment(r.date);
      } else {
        const r = cal.addDetailed(m.dateTime, dur);
        lines.push(...r.trace);
        const dt = DateTime.fromISO(r.date, { zone: 'Europe/London', setZone: true });
        m = { date: r.date.slice(0, 10), day: tryParseIsoDay(r.date.slice(0, 10))!, dateTime: r.date, epoch: dt.toMillis() };
      }
      return;
    }
    const r = cal.addDetailed(m.date, dur, {
      ...(last && opts.roll ? { roll: opts.roll } : {}),
      ...(opts.countStartDay !== undefined ? { countStartDay: opts.countStartDay } : {}),
    });
    lines.push(...r.trace);
    m = dayMoment(r.date);
  });
  return { moment: m, lines };
}

/** a is on or before b (instants when both have one, else days). */
export function onOrBefore(a: Moment, b: Moment): boolean {
  return a.epoch !== undefined && b.epoch !== undefined ? a.epoch <= b.epoch : a.day <= b.day;
}

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
  due?: Moment;
  earliest?: Moment;
  target?: Moment;
  completion?: { event: string; moment: Moment };
  silence?: boolean;
}

/**
 * The status of one occurrence at the as-of date, exactly as C7:
 * met / met-late / pending / due-soon / overdue; two tiers add
 * met-after-target / past-target; silence gives deemed-met; a window adds
 * met-early (completed before it opened); no timescale is pending with the
 * working days open.
 */
export function judge(j: JudgeInput): Judgement {
  const { cal, asOf, due, earliest, target, completion: c } = j;
  const lines: string[] = [];
  const done = (status: Status, extra: Partial<Judgement> = {}): Judgement => ({
    status,
    breach: BREACH_STATUSES.has(status),
    ...extra,
    lines,
  });
  const late = (from: Moment, to: Moment) => ({
    workingDays: cal.workingDaysBetween(from.date, to.date),
    days: to.day - from.day,
  });
  const lateText = (l: { workingDays: number; days: number }) =>
    `${l.workingDays} working day${l.workingDays === 1 ? '' : 's'} (${l.days} calendar day${l.days === 1 ? '' : 's'})`;

  if (c) lines.push(`completed by ${c.event} on ${showMoment(c.moment)}`);

  if (earliest && c && !onOrBefore(earliest, c.moment)) {
    lines.push(`met-early: ${c.event} on ${showMoment(c.moment)} is before the window opened on ${earliest.date}`);
    return done('met-early');
  }
  if (!due) {
    if (c) {
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
    const open = cal.workingDaysBetween(j.anchor.date, asOf.date);
    lines.push(`pending: no timescale in the source; open ${open} working day${open === 1 ? '' : 's'} at ${asOf.date}`);
    return done('pending', { openWorkingDays: open });
  }

  if (c) {
    if (target && onOrBefore(c.moment, target)) {
      lines.push(`met: on or before the target ${showMoment(target)}`);
      return done('met');
    }
    if (onOrBefore(c.moment, due)) {
      if (target) {
        lines.push(`met-after-target: after the target ${showMoment(target)}, within the limit ${showMoment(due)}`);
        return done('met-after-target');
      }
      lines.push(`met: on or before the due date ${showMoment(due)}`);
      return done('met');
    }
    const l = late(due, c.moment);
    if (j.silence) {
      lines.push(`deemed-met: no response by ${showMoment(due)} counts as agreement; the later response is recorded`);
      return done('deemed-met');
    }
    lines.push(`met-late: ${lateText(l)} after the due date ${showMoment(due)}`);
    return done('met-late', { late: l });
  }

  // No completion by the as-of date. A date-time due has passed by the end of its day.
  const passed = (m: Moment) => (m.epoch !== undefined ? m.day <= asOf.day : m.day < asOf.day);
  if (passed(due)) {
    if (j.silence) {
      lines.push(`deemed-met: no response by ${showMoment(due)}, so deemed agreed`);
      return done('deemed-met');
    }
    const l = late(due, asOf);
    lines.push(`overdue: ${lateText(l)} past the due date ${showMoment(due)} at ${asOf.date}`);
    return done('overdue', { late: l });
  }
  if (target && passed(target)) {
    lines.push(`past-target: the target ${showMoment(target)} has passed; the limit is ${showMoment(due)}`);
    return done('past-target');
  }
  if (earliest && asOf.day < earliest.day) {
    lines.push(`pending: the window opens on ${earliest.date}`);
    return done('pending');
  }
  const watch = target ?? due;
  const warnFrom = cal.add(watch.date, negate(j.dueSoon)[0]!);
  if (asOf.date >= warnFrom) {
    const left = cal.workingDaysBetween(asOf.date, watch.date);
    lines.push(`due-soon: ${left} working day${left === 1 ? '' : 's'} left to ${showMoment(watch)} (warning from ${warnFrom})`);
    return done('due-soon');
  }
  lines.push(`pending: due ${showMoment(watch)}`);
  return done('pending');
}
