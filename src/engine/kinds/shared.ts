/**
 * Steps more than one rule kind takes: choosing the timing for an anchor,
 * finding the completing event, and the conditions on earlier events.
 */
import { tryParseIsoDay } from '../../calendar/index';
import { eventsOf, firstIndexFrom, matches } from '../anchors';
import type { CaseContext, Scope } from '../context';
import type { PreparedEvent } from '../events';
import type { Judgement } from '../judge';
import { addOffset, dayMoment, momentOf, type Moment } from '../moment';
import type { Completion, DeadlineRule, RequiresPrior, Rule, RuleVersion, Status } from '../schema';

/** The version of a rule chosen for an anchor (C10), and whether the rule applied then. */
export interface ChosenVersion {
  version?: RuleVersion | undefined;
  /** False when the chosen version says the rule was not in force (`applies: false`). */
  applies: boolean;
}

/**
 * The timing for one anchor: the effective-dated version by the anchor's date
 * (or `versionDay`, see a deadline's `versionsBy`), C10, then a variant by the
 * anchor event's attributes. `chosen`, when given, receives the version.
 */
export function timingFor<T extends Record<string, unknown>>(
  rule: Rule & { timing: T },
  anchorDay: number,
  anchorEvent: PreparedEvent | undefined,
  variants: Array<{ where: Record<string, unknown>; timing: Partial<T>; note?: string | undefined }> | undefined,
  lines: string[],
  chosen?: ChosenVersion,
): T {
  let timing = rule.timing;
  for (const version of (rule.versions ?? []) as RuleVersion[]) {
    const from = version.from ? tryParseIsoDay(version.from)! : -Infinity;
    const until = version.until ? tryParseIsoDay(version.until)! : Infinity;
    if (anchorDay >= from && anchorDay <= until) {
      timing = { ...timing, ...(version.timing as Partial<T>) };
      const range = `anchors ${version.from ?? '…'} to ${version.until ?? '…'}`;
      const note = version.note ? `: ${version.note}` : '';
      if (version.applies === false) lines.push(`${version.name ? `${version.name} (${range})` : `version for ${range}`}: the rule did not apply${note}`);
      else lines.push(version.name ? `version: ${version.name} (${range})${note}` : `version for ${range} applies${note}`);
      if (chosen) {
        chosen.version = version;
        chosen.applies = version.applies !== false;
      }
      break;
    }
  }
  for (const variant of variants ?? []) {
    if (anchorEvent && matches(anchorEvent, variant.where)) {
      timing = { ...timing, ...variant.timing };
      lines.push(`variant for ${JSON.stringify(variant.where)} applies${variant.note ? `: ${variant.note}` : ''}`);
      break;
    }
  }
  return timing;
}

/**
 * The day that chooses a deadline's version: the latest `versionsBy` event on
 * or before the anchor, else the anchor's own day.
 */
export function versionDay(ctx: CaseContext, rule: DeadlineRule, anchorDay: number, lines: string[]): number {
  if (!rule.versionsBy || !rule.versions?.length) return anchorDay;
  let day: PreparedEvent | undefined;
  for (const event of eventsOf(ctx.kase, rule.versionsBy.event)) if (event.day <= anchorDay && (!day || event.day >= day.day)) day = event;
  if (!day) return anchorDay;
  lines.push(`version chosen by ${day.type} on ${day.date}`);
  return day.day;
}

/** The first completing event on or after `since` (no bound when undefined) that passes `eligible` (C7). */
export function findCompletion(candidates: PreparedEvent[], since: Moment | undefined, eligible?: (event: PreparedEvent) => boolean): PreparedEvent | undefined {
  // A completing event on the anchor's day counts even when only the anchor has a time of day.
  // Candidates are in day order and an event of an earlier day is also of an earlier instant, so the search
  // starts at the first candidate of `since`'s day (a binary search), not at the start of the case (item 8).
  for (let i = since ? firstIndexFrom(candidates, since.day) : 0; i < candidates.length; i++) {
    const event = candidates[i]!;
    if (since && since.epoch !== undefined && event.epoch !== undefined && event.epoch < since.epoch) continue;
    if (!eligible || eligible(event)) return event;
  }
  return undefined;
}

/** From when a deadline's or window's completing event counts (`completion.since`): a moment, or no bound for `any`. */
export function completionSince(ctx: CaseContext, since: Completion['since'], anchor: Moment, origin?: PreparedEvent): Moment | undefined {
  if (since === undefined || since === 'anchor') return anchor;
  if (since === 'any') return undefined;
  if (since === 'origin') return origin ? momentOf(origin) : anchor;
  return addOffset(ctx.math, dayMoment(anchor.date), since).moment;
}

/**
 * The rule's earlier event: on or before the anchor, or at least `atLeast` (event + atLeast ≤ anchor) or more
 * than `moreThan` (event + moreThan < anchor) before it, counted forward from the event. In a scoped rule only
 * events of the current period count (on or after its start). With `period`: the case is in a period of that
 * name on the anchor day, the duration counted from the period's start.
 */
export function hasPrior(ctx: CaseContext, prior: RequiresPrior, anchor: Moment, scope: Scope | undefined): boolean {
  const duration = prior.moreThan ?? prior.atLeast;
  const longEnough = (day: number, date: string | undefined): boolean => {
    if (!duration) return true;
    if (date === undefined) return false;
    const reached = addOffset(ctx.math, dayMoment(date), duration).moment.day;
    return prior.moreThan ? reached < anchor.day : reached <= anchor.day;
  };
  if (prior.period !== undefined) {
    const within = ctx.scopeAt(prior.period, 'ends', anchor.day);
    return within !== undefined && longEnough(within.period.startDay, within.period.start?.date);
  }
  const from = scope ? scope.period.startDay : -Infinity;
  for (const event of eventsOf(ctx.kase, prior.event!)) {
    if (event.day < from || event.day > anchor.day) continue;
    if (longEnough(event.day, event.date)) return true;
  }
  return false;
}

/** The words of a rule's prior condition, for a trace. */
export function priorText(prior: RequiresPrior): string {
  return prior.period !== undefined ? `${prior.period} period open` : [prior.event!].flat().join(' or ');
}

/**
 * A rule's prior condition at one anchor, for deadlines and windows alike:
 * `'skip'` when it is not met and the anchor starts no occurrence; `true` when
 * it is not met and nothing can meet the rule (`otherwise: 'overdue'`, said in
 * `lines`); `false` when it is met, or the rule has none.
 */
export function priorMissing(ctx: CaseContext, prior: RequiresPrior | undefined, anchor: Moment, scope: Scope | undefined, lines: string[]): boolean | 'skip' {
  if (!prior || hasPrior(ctx, prior, anchor, scope)) return false;
  if (prior.otherwise !== 'overdue') return 'skip';
  lines.push(`no ${priorText(prior)} ${scope ? `in this ${scope.period.ref.name} period ` : ''}on or before ${anchor.date}: nothing can meet the rule`);
  return true;
}

/**
 * `completion.higher`: the completing event's attributes must be higher numbers than the origin event's (a
 * stage 2 escalates stage 1; the stage's own raising does not). An event without the attribute passes.
 */
export function higherThan(keys: readonly string[] | undefined, origin: PreparedEvent | undefined, event: PreparedEvent): boolean {
  if (!keys || !origin) return true;
  for (const key of keys) {
    const value = event.attrs[key];
    const base = origin.attrs[key];
    if (value === undefined || base === undefined) continue;
    if (!(Number(value) > Number(base))) return false;
  }
  return true;
}

/** The scope of an occurrence of a rule anchored on `day`: undefined for a rule with no period; null when the day is in none of its periods. */
export function scopeOf(ctx: CaseContext, rule: Rule, day: number): Scope | undefined | null {
  if (!rule.period) return undefined;
  const scope = ctx.scopeAt(rule.period, rule.atPeriodEnd ?? 'ends', day);
  if (!scope) ctx.noPeriod(rule, rule.period);
  return scope ?? null;
}

/** True when a completing event falls within the scope's days (always, with no scope). */
export function inScope(scope: Scope | undefined, event: PreparedEvent): boolean {
  return !scope || (event.day >= scope.fromDay && (!scope.until || event.day <= scope.until.day));
}

/** The as-of date of an open occurrence: the end of its scope's reach when that came before the as-of date. */
export function scopedAsOf(asOf: Moment, scope: Scope | undefined): { asOf: Moment; ended: boolean } {
  if (scope?.until && scope.until.day < asOf.day) return { asOf: scope.until, ended: true };
  return { asOf, ended: false };
}

const OPEN: ReadonlySet<Status> = new Set<Status>(['pending', 'due-soon', 'past-target']);

/** An occurrence still open when its period ended is not reported (one already overdue then stays overdue). */
export function endedOpen(judgement: Judgement, ended: boolean): boolean {
  return ended && OPEN.has(judgement.status);
}

/** The line a trace gets when an occurrence is judged as at the end of its period. */
export function endedLine(scope: Scope): string {
  return scope.atPeriodEnd === 'ends'
    ? `${scope.period.ref.name} period ended: ${scope.period.end!.type} on ${scope.period.end!.date}; judged as at that day`
    : `a new ${scope.period.ref.name} period began on ${scope.period.next!.date}; judged as at the day before`;
}
