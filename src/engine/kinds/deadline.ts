/**
 * The `deadline` rule kind: each anchor → a due date (from the anchor, a fixed
 * date, or a cap; none is an open step) → the first completing event on or
 * after the anchor (C7) → a status.
 */
import { tryParseIsoDay } from '../../calendar/index';
import { eventsOf, resolveAnchors, type ResolvedAnchor } from '../anchors';
import type { CaseContext } from '../context';
import type { PreparedEvent } from '../events';
import { judge } from '../judge';
import { addOffset, dayMoment, momentOf, offsets, type Moment } from '../moment';
import type { Result } from '../result';
import type { DateRef, DeadlineRule, DeadlineTiming } from '../schema';
import { completionSince, endedLine, endedOpen, findCompletion, higherThan, inScope, scopedAsOf, priorMissing, scopeOf, timingFor, versionDay, type ChosenVersion } from './shared';

export function evaluateDeadline(ctx: CaseContext, rule: DeadlineRule, earlierResults: ReadonlyMap<string, Result[]>): Result[] {
  const { math, kase } = ctx;
  const anchors = resolveAnchors(ctx.anchorContext(rule, earlierResults), rule.anchor);
  const candidates = eventsOf(kase, rule.completion.event, rule.completion.where);
  const sameAs = rule.completion.sameAs;
  // Completing events that carry a `sameAs` attribute must agree with the anchor's (an answer to stage 2 is not an answer to stage 1).
  const agreesWith = (anchor: ResolvedAnchor) =>
    sameAs ? (event: PreparedEvent) => sameAs.every((key) => event.attrs[key] === undefined || String(event.attrs[key]) === String(anchor.source?.attrs[key])) : undefined;
  /** Events that completed an occurrence (not reported as early completions of the next). */
  const completers = new Set<PreparedEvent>();
  const results: Result[] = [];
  let previous: ResolvedAnchor | undefined;
  for (let i = 0; i < anchors.length; i++) {
    const anchor = anchors[i]!;
    const nextAnchor = anchors[i + 1];
    if (ctx.stoppedAt(anchor.moment)) continue;
    // A rule scoped to a period has occurrences only inside one; its events come from that period (docs/rule-kinds.md).
    const scope = scopeOf(ctx, rule, anchor.moment.day);
    if (scope === null) continue;
    const lines = [...anchor.lines];
    const chosen: ChosenVersion = { applies: true };
    const timing = timingFor<DeadlineTiming>(rule, versionDay(ctx, rule, anchor.moment.day, lines), anchor.source, rule.variants, lines, chosen);
    if (!chosen.applies) continue;
    const missing = priorMissing(ctx, rule.requiresPrior, anchor.moment, scope, lines);
    if (missing === 'skip') continue;
    let due: Moment | undefined;
    if (timing.dueAt) {
      due = dateFrom(ctx, rule, timing.dueAt, anchor, lines);
    } else if (timing.within) {
      const within = addOffset(math, anchor.moment, timing.within, timing);
      due = within.moment;
      lines.push(...within.lines);
    }
    if (timing.cap) {
      const cap = dateFrom(ctx, rule, timing.cap, anchor, []);
      if (cap && (!due || due.day > cap.day)) {
        lines.push(`${due ? 'capped' : 'no timescale in the source; due'} at ${cap.date} (${'age' in timing.cap ? `date of birth + ${offsets(timing.cap.age).join(' ')}` : timing.cap.attribute})`);
        due = cap;
      }
    }
    const target = timing.target ? addOffset(math, anchor.moment, timing.target) : undefined;
    if (target) lines.push(`target: ${target.lines.join('; ')}`);
    if (rule.unless) {
      const bound = rule.unless.onOrBefore === 'anchor' ? anchor.moment : due;
      const from = scope ? scope.period.startDay : -Infinity;
      if (bound && eventsOf(kase, rule.unless.event).some((event) => event.day >= from && event.day <= bound.day)) continue;
    }
    const agrees = agreesWith(anchor);
    // C7: the first completing event on or after the anchor; one event may complete several anchors
    // (one review within 20 working days of two changes of carer meets both).
    // An event dated before the anchor (since '-6m' or 'any') that already completed an earlier occurrence
    // does not complete this one too: the emergency placement's record is not the planned move's.
    const higher = rule.completion.higher;
    const eligible = (event: PreparedEvent) =>
      (event.day >= anchor.moment.day || !completers.has(event)) && (!agrees || agrees(event)) && inScope(scope, event) && higherThan(higher, anchor.origin, event);
    const completer = missing ? undefined : findCompletion(candidates, completionSince(ctx, rule.completion.since, anchor.moment, anchor.origin), eligible);
    if (rule.cancelledBy) {
      // A cancelling event belongs to the latest anchor before it, not to an earlier, unrelated one.
      const cancelled = eventsOf(kase, rule.cancelledBy).some(
        (event) => event.day >= anchor.moment.day && (!nextAnchor || event.day < nextAnchor.moment.day) && (!completer || event.day <= completer.day),
      );
      if (cancelled) {
        previous = anchor;
        continue;
      }
    }
    if (!completer && ctx.stoppedBefore(due)) continue;
    if (completer) completers.add(completer);
    else if (rule.completion.reportEarly !== false) {
      const others = candidates.filter((event) => !completers.has(event) && (!agrees || agrees(event)));
      reportEarlyCompletion(ctx, rule, others, previous, anchor);
    }
    const completed = completer ? { event: completer.type, moment: momentOf(completer) } : undefined;
    const { asOf, ended } = completed ? { asOf: ctx.effectiveAsOf(), ended: false } : scopedAsOf(ctx.effectiveAsOf(), scope);
    if (ended) lines.push(endedLine(scope!));
    const judgement = judge({
      cal: math.calendar,
      explain: math.explain,
      asOf,
      dueSoon: ctx.options.dueSoon,
      anchor: anchor.moment,
      due,
      target: target?.moment,
      completion: completed,
      silence: rule.silence === 'deemed-met',
    });
    if (endedOpen(judgement, ended)) {
      previous = anchor;
      continue;
    }
    const result = ctx.result(rule, results.length + 1, anchor, judgement, { due, target: target?.moment, completed, source: chosen.version?.source }, lines, scope?.period.ref);
    ctx.setOrigin(result, anchor.origin);
    results.push(result);
    previous = anchor;
  }
  return results;
}

/** A completing event dated before its anchor (and after the previous anchor) is a data problem. */
function reportEarlyCompletion(ctx: CaseContext, rule: DeadlineRule, candidates: PreparedEvent[], previous: ResolvedAnchor | undefined, anchor: ResolvedAnchor): void {
  // Only an event anchor can be preceded by "its" completion; a rule anchor (an escalation) follows other events by design.
  if (!anchor.source) return;
  const early = candidates.find((event) => event.day < anchor.moment.day && (!previous || event.day > previous.moment.day));
  if (early) {
    ctx.problem(rule, 'completion-before-anchor', `${early.type} on ${early.date} is dated before its anchor ${anchor.event} on ${anchor.moment.date}, so it does not complete ${rule.id}`, early);
  }
}

/** A due date (or cap) from the date of birth plus an age, or from a date attribute of the anchor event. */
function dateFrom(ctx: CaseContext, rule: DeadlineRule, ref: DateRef, anchor: ResolvedAnchor, lines: string[]): Moment | undefined {
  if ('age' in ref) {
    if (ctx.kase.dobDay === undefined) {
      ctx.missingDob(rule);
      return undefined;
    }
    const birthday = addOffset(ctx.math, dayMoment(ctx.kase.dateOfBirth!), ref.age);
    lines.push(`due: date of birth ${ctx.kase.dateOfBirth} + ${offsets(ref.age).join(' ')}`, ...birthday.lines);
    return birthday.moment;
  }
  const value = anchor.source?.attrs[ref.attribute];
  if (value === undefined) {
    lines.push(`no ${ref.attribute} recorded on ${anchor.event}: no due date`);
    return undefined;
  }
  const day = typeof value === 'string' ? tryParseIsoDay(value) : undefined;
  if (day === undefined) {
    ctx.problem(rule, 'missing-attribute', `${anchor.event} on ${anchor.moment.date} has ${ref.attribute} ${JSON.stringify(value)}, which is not a date; ${rule.id} has no due date`, anchor.source);
    return undefined;
  }
  lines.push(`due: ${ref.attribute} ${value} recorded on ${anchor.event}`);
  return dayMoment(value as string);
}
