/**
 * Steps more than one rule kind takes: choosing the timing for an anchor,
 * finding the completing event, and the conditions on earlier events.
 */
import { tryParseIsoDay } from '../../calendar/index';
import { eventsOf, matches } from '../anchors';
import type { CaseContext } from '../context';
import type { PreparedEvent } from '../events';
import { addOffset, dayMoment, negate, type Moment } from '../moment';
import type { Completion, DeadlineRule, Rule, RuleVersion } from '../schema';

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
  return candidates.find(
    (event) =>
      (!since || (since.epoch !== undefined && event.epoch !== undefined ? since.epoch <= event.epoch : since.day <= event.day)) &&
      (!eligible || eligible(event)),
  );
}

/** From when a deadline's or window's completing event counts (`completion.since`): a moment, or no bound for `any`. */
export function completionSince(ctx: CaseContext, since: Completion['since'], anchor: Moment): Moment | undefined {
  if (since === undefined || since === 'anchor') return anchor;
  if (since === 'any') return undefined;
  return addOffset(ctx.math, dayMoment(anchor.date), since).moment;
}

/** The rule applies only after an earlier event: on or before the anchor, or at least `atLeast` before it. */
export function hasPrior(ctx: CaseContext, prior: { event: string | string[]; atLeast?: string | undefined }, anchor: Moment): boolean {
  const bound = prior.atLeast ? addOffset(ctx.math, dayMoment(anchor.date), negate(prior.atLeast)).moment.day : anchor.day;
  return eventsOf(ctx.kase, prior.event).some((event) => event.day <= bound);
}
