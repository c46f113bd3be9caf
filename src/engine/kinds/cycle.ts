/**
 * The `cycle` rule kind (C8): the history split into sequences (a start, then
 * an end or a restart); in each, every occurrence is due from the actual date
 * of the previous one, and the first one missing stops the projection. The
 * occurrences are returned beside the results for the rule's cycle-tasks.
 */
import { eventsOf, firstIndexFrom, matches } from '../anchors';
import type { CaseContext, Period, PeriodRef } from '../context';
import type { PreparedEvent } from '../events';
import { judge } from '../judge';
import { addOffset, momentOf, offsetMoment, type EventMoment, type Moment } from '../moment';
import type { Result } from '../result';
import type { CycleRule, Procedure } from '../schema';
import type { z } from 'zod';
import type { CycleTiming } from '../schema';
import { timingFor, type ChosenVersion } from './shared';
import { formatIsoDay } from '../../calendar/index';

/** One occurrence of a cycle, as its tasks see it. */
export interface CycleOccurrence {
  /** The sequence, counted from 0, and the occurrence within it, from 1. */
  sequence: number;
  n: number;
  /** The start of the sequence, and the previous occurrence (the start, for the first). */
  start: Moment;
  previous: Moment;
  due: Moment;
  completed: EventMoment | undefined;
  /** The end (or restart) of the sequence, when it has ended. */
  end: Moment | undefined;
  /** The period the sequence runs in, for a cycle scoped to one. */
  period: Period | undefined;
}

/** What a cycle's evaluation gives: its results, and its occurrences in order for the rule's cycle-tasks. */
export interface CycleOutcome {
  rule: CycleRule;
  results: Result[];
  occurrences: CycleOccurrence[];
}

interface Sequence {
  start: PreparedEvent;
  end?: PreparedEvent;
  period?: Period;
}

export function evaluateCycle(ctx: CaseContext, rule: CycleRule): CycleOutcome {
  const { math, kase } = ctx;
  const candidates = eventsOf(kase, rule.completion.event, rule.completion.where);
  const results: Result[] = [];
  const occurrences: CycleOccurrence[] = [];
  sequencesOf(ctx, rule).forEach((sequence, index) => {
    // Trace lines only when a trace is wanted (math.explain): they cost more than the dates.
    const startLines = math.explain ? [`sequence ${index + 1} begins: ${sequence.start.type} on ${sequence.start.date}`] : [];
    const chosen: ChosenVersion = { applies: true };
    const timing = timingFor(rule, sequence.start.day, sequence.start, rule.variants, startLines, chosen);
    if (!chosen.applies) return;
    const source = chosen.version?.source;
    const start = momentOf(sequence.start);
    const end = sequence.end ? momentOf(sequence.end) : undefined;
    const switchDay = thereafterDay(ctx, timing, start, sequence.end);
    const periodRef: PeriodRef | undefined = sequence.period?.ref;
    const period = sequence.period;
    const asOf = ctx.options.asOf;
    const dueSoon = ctx.options.dueSoon;
    let previous: EventMoment = { event: sequence.start.type, moment: start };
    /** Occurrences counted from a date on or after the switch to `thereafter` (0 before it). */
    let afterSwitch = 0;
    for (let n = 1; ; n++) {
      const switched = timing.thereafter !== undefined && switchDay !== undefined && previous.moment.day >= switchDay;
      const intervals = switched ? timing.thereafter!.intervals : timing.intervals;
      const k = switched ? afterSwitch++ : n - 1;
      const interval = intervals[Math.min(k, intervals.length - 1)]!;
      let lines: string[];
      let due: Moment;
      if (math.explain) {
        lines = n === 1 ? [...startLines] : [`sequence ${index + 1}: previous ${previous.event} on ${previous.moment.date}`];
        if (switched && afterSwitch === 1) lines.push(`from ${formatIsoDay(switchDay!)}: ${timing.thereafter!.intervals.join(', ')} (thereafter)`);
        due = offsetMoment(math, previous.moment, interval, timing, lines);
      } else {
        lines = [];
        due = offsetMoment(math, previous.moment, interval, timing, undefined);
      }
      // The first candidate since the previous occurrence (on or after the start for the first), within the sequence.
      const next = candidates[firstIndexFrom(candidates, previous.moment.day, n !== 1)];
      const completer = next && (!sequence.end || next.day <= sequence.end.day) ? next : undefined;
      if (!completer) {
        // C8: an occurrence falling due after the end of the sequence is not reported; one due on the end day itself
        // could no longer be late while the sequence ran, so it is not reported either (docs/conventions.md).
        // An open occurrence stops the projection.
        if (sequence.end && due.day >= sequence.end.day) break;
        if (sequence.end && math.explain) lines.push(`sequence ended: ${sequence.end.type} on ${sequence.end.date}`);
        const judgement = judge({ cal: math.calendar, explain: math.explain, asOf: end ?? asOf, dueSoon, anchor: previous.moment, due });
        results.push(ctx.result(rule, n, previous, judgement, { due, sequence: index + 1, source }, lines, periodRef));
        occurrences.push({ sequence: index, n, start, previous: previous.moment, due, completed: undefined, end, period });
        break;
      }
      const completed: EventMoment = { event: completer.type, moment: momentOf(completer) };
      const judgement = judge({ cal: math.calendar, explain: math.explain, asOf, dueSoon, anchor: previous.moment, due, completion: completed });
      results.push(ctx.result(rule, n, previous, judgement, { due, completed, sequence: index + 1, source }, lines, periodRef));
      occurrences.push({ sequence: index, n, start, previous: previous.moment, due, completed, end, period });
      previous = completed;
    }
  });
  return { rule, results, occurrences };
}

/**
 * The case's history split into sequences: [start, end or restart); a restart begins the next one. In a cycle
 * scoped to a period, a sequence starts (or restarts) only inside a period, and the period's end ends it.
 */
function sequencesOf(ctx: CaseContext, rule: CycleRule): Sequence[] {
  const { starts, restarts, ends } = sequenceEvents(ctx.options.procedure, rule);
  const periods = rule.period ? ctx.periods(rule.period) : undefined;
  const periodAt = (event: PreparedEvent): Period | undefined | null => {
    if (!periods) return undefined;
    const scope = ctx.scopeAt(rule.period!, 'ends', event.day);
    return scope ? scope.period : null;
  };
  const sequences: Sequence[] = [];
  let open: Sequence | undefined;
  const begin = (event: PreparedEvent): void => {
    const period = periodAt(event);
    if (period === null) return;
    sequences.push((open = period ? { start: event, period } : { start: event }));
  };
  for (const event of ctx.kase.events) {
    if (open && (ends.has(event.type) || restarts.has(event.type))) {
      open.end = event;
      open = undefined;
      if (restarts.has(event.type) && !ends.has(event.type)) begin(event);
      continue;
    }
    if (!open && starts.has(event.type) && matches(event, rule.start.where)) begin(event);
  }
  return sequences;
}

/** The events that start, restart and end a cycle's sequences: worked out once per rule (and procedure), not per case. */
interface SequenceEvents {
  starts: ReadonlySet<string>;
  restarts: ReadonlySet<string>;
  ends: ReadonlySet<string>;
}
const sequenceEventsOf = new WeakMap<CycleRule, { procedure: Procedure; events: SequenceEvents }>();

function sequenceEvents(procedure: Procedure, rule: CycleRule): SequenceEvents {
  const known = sequenceEventsOf.get(rule);
  if (known && known.procedure === procedure) return known.events;
  const starts = new Set(Array.isArray(rule.start.event) ? rule.start.event : [rule.start.event]);
  const restarts = new Set(rule.restart ?? []);
  const ends = new Set([...(rule.end ?? []), ...(procedure.stopEvents ?? [])]);
  if (rule.period) for (const type of procedure.periods?.[rule.period]?.end ?? []) ends.add(type);
  const events = { starts, restarts, ends };
  sequenceEventsOf.set(rule, { procedure, events });
  return events;
}

/** The day a sequence switches to `thereafter`: start + elapsed, or the first such event on or after the start (before the end). */
function thereafterDay(ctx: CaseContext, timing: z.infer<typeof CycleTiming>, start: Moment, end: PreparedEvent | undefined): number | undefined {
  const from = timing.thereafter?.from;
  if (!from) return undefined;
  if ('elapsed' in from) return addOffset(ctx.math, start, from.elapsed).moment.day;
  const events = eventsOf(ctx.kase, from.event);
  const event = events[firstIndexFrom(events, start.day)];
  if (event && end && event.day > end.day) return undefined;
  return event?.day;
}
