/**
 * Moments and offsets: the dates a rule reasons about, and calendar
 * arithmetic on them with an explanation when one is wanted (C9). Shared by
 * every rule kind.
 */
import { DateTime } from 'luxon';
import { parseDuration, tryParseIsoDay, type AddOptions, type Calendar, type Duration, type Roll } from '../calendar/index';
import type { PreparedEvent } from './events';
import type { Offset } from './schema';

/** A point in time a rule reasons about: a day, and for hour-based rules an instant. */
export interface Moment {
  date: string;
  day: number;
  /** ISO date-time text (Europe/London wall clock unless an offset was given). */
  dateTime?: string;
  epoch?: number;
}

/** An event at a moment: what anchored or completed an occurrence. */
export interface EventMoment {
  event: string;
  moment: Moment;
}

/** The calendar of an evaluation, and whether its arithmetic is explained in the results' traces. */
export interface DateMath {
  readonly calendar: Calendar;
  readonly explain: boolean;
}

/** The options of an offset: `roll` applies to its last step, `countStartDay` to every working-day step. */
export interface OffsetOptions {
  roll?: Roll | undefined;
  countStartDay?: boolean | undefined;
}

/** What an addition explains when the evaluation builds no traces. */
const NO_LINES: readonly string[] = Object.freeze([]);

export function momentOf(event: PreparedEvent): Moment {
  return event.dateTime !== undefined
    ? { date: event.date, day: event.day, dateTime: event.dateTime, epoch: event.epoch }
    : { date: event.date, day: event.day };
}

export function dayMoment(date: string): Moment {
  return { date, day: tryParseIsoDay(date)! };
}

/** Text of a moment for results: the date-time when there is one. */
export function showMoment(moment: Moment): string {
  return moment.dateTime ?? moment.date;
}

/**
 * Durations parsed once: the steps of rules' offsets are a small fixed set, read
 * for every occurrence of an audit (a cache, cleared if it ever grows large).
 */
const parsedSteps = new Map<string, Duration>();
function parsedStep(step: string): Duration {
  let duration = parsedSteps.get(step);
  if (duration === undefined) {
    duration = Object.freeze(parseDuration(step));
    if (parsedSteps.size > 10_000) parsedSteps.clear();
    parsedSteps.set(step, duration);
  }
  return duration;
}

/** The duration of a one-step offset, negated and parsed: `negatedDuration('5wd')` is -5 working days (parsed once per step). */
const negatedSteps = new Map<string, Duration>();
export function negatedDuration(step: string): Duration {
  let duration = negatedSteps.get(step);
  if (duration === undefined) {
    duration = parsedStep(negate(step)[0]!);
    if (negatedSteps.size > 10_000) negatedSteps.clear();
    negatedSteps.set(step, duration);
  }
  return duration;
}

export function offsets(offset: Offset): string[] {
  return Array.isArray(offset) ? offset : [offset];
}

/** Negates an offset: `2w` → `-2w` (for "2 weeks before"). */
export function negate(offset: Offset): string[] {
  return offsets(offset).map((step) => (step.startsWith('-') ? step.slice(1) : step.startsWith('+') ? `-${step.slice(1)}` : `-${step}`));
}

/** `earlier` is on or before `later` (instants when both have one, else days). */
export function onOrBefore(earlier: Moment, later: Moment): boolean {
  return earlier.epoch !== undefined && later.epoch !== undefined ? earlier.epoch <= later.epoch : earlier.day <= later.day;
}

/**
 * Adds an offset (one duration or several in order) to a moment, returning the
 * new moment and its explanation. The calendar's part of the explanation is
 * built only when the evaluation explains its arithmetic (`math.explain`).
 */
export function addOffset(math: DateMath, from: Moment, offset: Offset, options: OffsetOptions = {}): { moment: Moment; lines: readonly string[] } {
  const lines: string[] = [];
  const moment = offsetMoment(math, from, offset, options, lines);
  return { moment, lines: lines.length ? lines : NO_LINES };
}

/**
 * `addOffset` without the pair it returns (what rules call per occurrence): the new moment, its
 * explanation pushed onto `lines`. With no `lines`, nothing is explained; with `lines`, the calendar's
 * arithmetic is explained when the evaluation explains it (`math.explain`), the engine's own readings always.
 * Steps in days and working days are counted on day numbers (`calendar.addDay`), not on ISO text.
 */
export function offsetMoment(math: DateMath, from: Moment, offset: Offset, options: OffsetOptions, lines: string[] | undefined): Moment {
  const { calendar } = math;
  const steps = typeof offset === 'string' ? undefined : offset;
  const count = steps ? steps.length : 1;
  // Once the engine has said something of its own, the arithmetic after it is explained too.
  let say = lines !== undefined && math.explain;
  let moment = from;
  for (let i = 0; i < count; i++) {
    const step = steps ? steps[i]! : (offset as string);
    const duration = parsedStep(step);
    if (duration.unit === 'h') {
      if (moment.dateTime === undefined) {
        // A date without a time: the latest the hours can end is the end of the day after.
        const days = Math.ceil(Math.abs(duration.amount) / 24) * Math.sign(duration.amount);
        const end = calendar.addition(moment.date, `${days}d`);
        // The engine's own reading, not the calendar's arithmetic: in the trace even when the calendar's is left out.
        if (lines) {
          lines.push(`${moment.date} has no time of day: ${step} taken as ending on ${end.date} (the benefit of the doubt)`);
          say = true;
        }
        moment = { date: end.date, day: end.day };
      } else {
        const end = calendar.addition(moment.dateTime, duration);
        if (say) lines!.push(...calendar.explain(end).trace);
        const instant = DateTime.fromISO(end.date, { zone: 'Europe/London', setZone: true });
        moment = { date: end.date.slice(0, 10), day: end.day, dateTime: end.date, epoch: instant.toMillis() };
      }
      continue;
    }
    // The options themselves for the last step (they carry `roll` and `countStartDay`); no roll before it.
    const stepOptions = (i === count - 1 ? options : { countStartDay: options.countStartDay }) as AddOptions;
    if (say) {
      const end = calendar.addition(moment.date, duration, stepOptions);
      lines!.push(...calendar.explain(end).trace);
      moment = { date: end.date, day: end.day };
    } else {
      const day = calendar.addDay(moment.day, duration, stepOptions);
      moment = { date: calendar.isoDate(day), day };
    }
  }
  return moment;
}
