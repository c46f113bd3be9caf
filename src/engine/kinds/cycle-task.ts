/**
 * The `cycle-task` rule kind: something due before (or at) the occurrences of
 * a cycle, each one or a chosen one. It reads the occurrences its cycle's
 * evaluation returned (`CycleOutcome`), nothing else of the cycle.
 */
import { formatIsoDay, tryParseIsoDay } from '../../calendar/index';
import { eventsOf, firstIndexFrom } from '../anchors';
import type { CaseContext } from '../context';
import type { PreparedEvent } from '../events';
import { judge } from '../judge';
import { addOffset, dayMoment, momentOf, negate, type EventMoment, type Moment } from '../moment';
import type { Result } from '../result';
import type { CycleTaskRule, Offset } from '../schema';
import type { CycleOccurrence, CycleOutcome } from './cycle';
import { timingFor } from './shared';

/** `cycle` is the outcome of the task's cycle rule; undefined when the cycle was not evaluated (switched off, or not applicable). */
export function evaluateCycleTask(ctx: CaseContext, rule: CycleTaskRule, cycle: CycleOutcome | undefined): Result[] {
  const { math } = ctx;
  const selected = cycle ? selectOccurrences(ctx, rule, cycle) : [];
  const results: Result[] = [];
  // The events each occurrence looks among, found once per rule (day order): not once per occurrence.
  const completers = rule.completion ? new CompletionPool(eventsOf(ctx.kase, rule.completion.event, rule.completion.where)) : undefined;
  const schedule = rule.planned ? scheduledDates(ctx, rule.planned) : [];
  for (const occurrence of selected) {
    // Trace lines only when a trace is wanted (math.explain).
    const lines: string[] = math.explain ? [`for occurrence ${occurrence.n} of ${rule.cycle} (sequence ${occurrence.sequence + 1})`] : [];
    const planned = plannedDate(rule, occurrence, schedule);
    if (math.explain) lines.push(`planned date ${planned.moment.date} (${planned.from})`);
    const timing = timingFor(rule, occurrence.start.day, undefined, undefined, lines);
    const before = beforeOffset(timing.before, occurrence.n);
    let due = planned.moment;
    if (before) {
      const counted = addOffset(math, dayMoment(planned.moment.date), negate(before), timing);
      due = counted.moment;
      lines.push(...counted.lines);
      // A task cannot fall due before the period (or sequence) began: it is then due on its first day.
      const first = occurrence.period?.start;
      const floor = first ? momentOf(first) : occurrence.start;
      if (due.day < floor.day) {
        lines.push(`${due.date} is before ${first ? `the ${occurrence.period!.ref.name} period began` : 'the sequence began'} on ${floor.date}: due that day`);
        due = { date: floor.date, day: floor.day };
      }
    }
    let completed: EventMoment | undefined;
    if (rule.completion) {
      const completer = taskCompletion(rule.completion, occurrence, completers!);
      if (completer) completed = { event: completer.type, moment: momentOf(completer) };
    } else if (occurrence.completed) {
      completed = occurrence.completed;
    }
    if (!completed && ctx.stoppedBefore(due)) continue;
    // Like its cycle, a task still open when the sequence ended (the child left care) is judged as at that end.
    if (!completed && occurrence.end && due.day >= occurrence.end.day) continue;
    const effective = ctx.effectiveAsOf();
    const endedFirst = !completed && occurrence.end !== undefined && occurrence.end.day < effective.day;
    const asOf = endedFirst ? occurrence.end! : effective;
    if (endedFirst) lines.push(`sequence ended on ${occurrence.end!.date}`);
    const judgement = judge({ cal: math.calendar, explain: math.explain, asOf, dueSoon: ctx.options.dueSoon, anchor: planned.moment, due, completion: completed });
    results.push(
      ctx.result(rule, occurrence.n, { event: planned.by, moment: planned.moment }, judgement, { due, completed, sequence: occurrence.sequence + 1 }, lines, occurrence.period?.ref),
    );
  }
  return results;
}

/** The events that schedule a review, with a valid date in the attribute (day order). */
function scheduledDates(ctx: CaseContext, planned: NonNullable<CycleTaskRule['planned']>): PreparedEvent[] {
  const { event, attribute } = planned;
  return eventsOf(ctx.kase, event).filter((e) => typeof e.attrs[attribute] === 'string' && tryParseIsoDay(String(e.attrs[attribute])) !== undefined);
}

/**
 * The planned date of an occurrence, which the task counts back from. A task that is the review itself (no
 * completing event of its own) is due when the review is due; otherwise: a date scheduled since the previous
 * occurrence, else the date the occurrence was held, else its due date. `schedule` is {@link scheduledDates}.
 */
function plannedDate(rule: CycleTaskRule, occurrence: CycleOccurrence, schedule: readonly PreparedEvent[]): { moment: Moment; by: string; from: string } {
  const held = rule.completion !== undefined ? occurrence.completed : undefined;
  let planned = held ? { moment: held.moment, by: held.event, from: `${held.event} held` } : { moment: occurrence.due, by: `${rule.cycle} due`, from: `${rule.cycle} due` };
  if (rule.planned) {
    const { event: scheduledEvent, attribute } = rule.planned;
    // A date set on the day of the previous review plans this one; one set on this review's own day plans the next:
    // the latest scheduling event on or after the previous review and before the day this one was held.
    const end = occurrence.completed ? firstIndexFrom(schedule, occurrence.completed.moment.day) : schedule.length;
    const latest = schedule[end - 1];
    if (latest && latest.day >= occurrence.previous.day) {
      planned = { moment: dayMoment(String(latest.attrs[attribute])), by: scheduledEvent, from: `${scheduledEvent} on ${latest.date}` };
    }
  }
  return planned;
}

/** The time before the planned date: one offset, or `{ first, subsequent }` by occurrence number. */
function beforeOffset(before: Offset | { first: Offset; subsequent: Offset } | undefined, n: number): Offset | undefined {
  if (before === undefined || Array.isArray(before) || typeof before !== 'object') return before;
  return n === 1 ? before.first : before.subsequent;
}

/**
 * A rule's completing events (day order) and which an earlier occurrence used. `firstUnusedFrom` skips the
 * used ones with path halving (a "next unused" link per index), so each occurrence's look-up costs about
 * log n, however many events earlier occurrences took.
 */
class CompletionPool {
  /** `link[i]`: an index at or after `i` that may be unused (`i` itself while unused). */
  private readonly link: Int32Array;

  constructor(readonly events: readonly PreparedEvent[]) {
    this.link = new Int32Array(events.length + 1);
    for (let i = 0; i <= events.length; i++) this.link[i] = i;
  }

  /** The first index at or after `i` not used (the length when none). */
  firstUnusedFrom(i: number): number {
    const link = this.link;
    while (link[i] !== i) {
      link[i] = link[link[i]!]!;
      i = link[i]!;
    }
    return i;
  }

  use(i: number): void {
    this.link[i] = i + 1;
  }
}

/**
 * The task's own completing event, not used by an earlier occurrence (the one returned is marked used).
 * `since: 'anchor'` (default): after the previous occurrence (on or after it for the first) and by the day this
 * one was held: later events belong to the next review. `since: 'cycle-start'`: any time from the start of the
 * sequence. The events allowed are a run of the day-ordered list, so the answer is its first unused event.
 */
function taskCompletion(completion: NonNullable<CycleTaskRule['completion']>, occurrence: CycleOccurrence, pool: CompletionPool): PreparedEvent | undefined {
  const fromStart = completion.since === 'cycle-start';
  const since = fromStart ? occurrence.start : occurrence.previous;
  const i = pool.firstUnusedFrom(firstIndexFrom(pool.events, since.day, !(occurrence.n === 1 || fromStart)));
  const event = pool.events[i];
  if (!event) return undefined;
  if (!fromStart && occurrence.completed && event.day > occurrence.completed.moment.day) return undefined;
  if (occurrence.end && event.day > occurrence.end.day) return undefined;
  pool.use(i);
  return event;
}

function selectOccurrences(ctx: CaseContext, rule: CycleTaskRule, cycle: CycleOutcome): CycleOccurrence[] {
  const { occurrences } = cycle;
  const select = rule.select;
  if (select === 'each') return occurrences;
  if ('occurrence' in select) return occurrences.filter((occurrence) => occurrence.n === select.occurrence);
  if (ctx.kase.dobDay === undefined) {
    if (occurrences.length) ctx.missingDob(rule);
    return [];
  }
  const age = 'firstDueOnOrAfter' in select ? select.firstDueOnOrAfter.age : select.lastDueBefore.age;
  const birthday = addOffset(ctx.math, dayMoment(ctx.kase.dateOfBirth!), age).moment;
  /** The day an occurrence happened, or is due when it has not. */
  const dayOf = (occurrence: CycleOccurrence) => (occurrence.completed?.moment ?? occurrence.due).day;
  const chosen: CycleOccurrence[] = [];
  // `per: 'case'`: one selection across every sequence and period (the child's 16th birthday is one day).
  const bySequence = new Map<number, CycleOccurrence[]>();
  if (rule.per === 'case') bySequence.set(0, occurrences);
  else
    for (const occurrence of occurrences) {
      const list = bySequence.get(occurrence.sequence);
      if (list) list.push(occurrence);
      else bySequence.set(occurrence.sequence, [occurrence]);
    }
  for (const list of bySequence.values()) {
    if ('firstDueOnOrAfter' in select) {
      const first = list.find((occurrence) => dayOf(occurrence) >= birthday.day);
      if (first) chosen.push(first);
    } else {
      // The last one before the birthday, once it is known to be the last: a later one exists, the birthday
      // has passed, or the next one, projected from this one's date, would fall on or after the birthday.
      const before = list.filter((occurrence) => dayOf(occurrence) < birthday.day);
      const last = before[before.length - 1];
      if (!last) continue;
      const known =
        list.some((occurrence) => dayOf(occurrence) >= birthday.day) ||
        birthday.day <= ctx.options.asOf.day ||
        projectNext(ctx, cycle, last, dayOf(last)) >= birthday.day;
      if (known) chosen.push(last);
    }
  }
  return chosen;
}

/** The day the occurrence after `occurrence` would fall due if `occurrence` happened on `day` (by the cycle rule's intervals). */
function projectNext(ctx: CaseContext, cycle: CycleOutcome, occurrence: CycleOccurrence, day: number): number {
  const intervals = cycle.rule.timing.intervals;
  const interval = intervals[Math.min(occurrence.n, intervals.length - 1)]!;
  return addOffset(ctx.math, { date: formatIsoDay(day), day }, interval).moment.day;
}
