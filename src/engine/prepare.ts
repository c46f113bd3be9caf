/**
 * Preparing an evaluation, once for all the cases of an audit: the options
 * checked, the profile's and the caller's patches applied to the rules (C10),
 * and the rules put in an order where each comes after the rules it reads.
 */
import { createCalendar, parseDuration, tryParseIsoDay, type Calendar } from '../calendar/index';
import { TimescalesInputError } from '../errors';
import { checkPatch, defineProcedure, dependencies } from './define';
import type { DateMath, Moment } from './moment';
import type { Procedure, ProcedureInput, Rule, RulePatch } from './schema';

/**
 * A caller's change to one rule, the same shape as a profile's (C10):
 * `{ enabled?, force?, timing?, versions? }`, e.g. `{ timing: { within: '10wd' } }`.
 */
export type RuleOverride = RulePatch;

export interface EvaluateOptions {
  /** The date of the evaluation (required; never read from the clock). */
  asOf: string;
  /** Default: England and Wales bank holidays. */
  calendar?: Calendar;
  /** A named profile of the procedure; default `default` (the seed document's reading). */
  profile?: string;
  /** Per-rule changes, e.g. `{ 'care-plan': { timing: { within: '10wd' } }, 'chronology': { enabled: false } }`. */
  overrides?: Record<string, RuleOverride>;
  /** The warning window before a due date (default `5wd`, C7). */
  dueSoonWithin?: string;
  /**
   * Build each result's `trace` (default true). An audit written as CSV, which
   * has no trace column, can switch it off: the dates and statuses are the same.
   */
  trace?: boolean;
}

/** Checked options, shared across the cases of an audit. */
export interface PreparedOptions {
  procedure: Procedure;
  asOf: Moment;
  cal: Calendar;
  /** The calendar, and whether its arithmetic is explained in the traces (`trace`). */
  math: DateMath;
  profile: string;
  dueSoon: string;
  /** The rules to evaluate, patched, without those switched off, each after the rules it reads. */
  rules: Rule[];
  /** Rules a patch forces on (evaluated even without their `onlyIfAnyEvent` events). */
  forced: Set<string>;
}

let defaultCalendar: Calendar | undefined;

/** Validates options once (an audit reuses the result for every case). */
export function prepareOptions(procedureInput: Procedure | ProcedureInput, options: EvaluateOptions): PreparedOptions {
  const procedure = defineProcedure(procedureInput);
  if (!options || typeof options !== 'object') throw new TimescalesInputError('options', options, 'an object with at least asOf');
  const asOfDay = tryParseIsoDay(options.asOf);
  if (asOfDay === undefined) throw new TimescalesInputError('asOf', options.asOf, 'an ISO date YYYY-MM-DD that exists (the date of the evaluation)');
  const profile = options.profile ?? 'default';
  const profilePatches = ownValue(procedure.profiles, profile)?.rules;
  if (profile !== 'default' && !profilePatches) {
    throw new TimescalesInputError('profile', profile, `one of: default, ${Object.keys(procedure.profiles ?? {}).join(', ') || '(this procedure has no other profiles)'}`);
  }
  const dueSoon = options.dueSoonWithin ?? '5wd';
  const dueSoonDuration = parseDuration(dueSoon, 'dueSoonWithin');
  if (dueSoonDuration.unit === 'h' || dueSoonDuration.amount < 0) throw new TimescalesInputError('dueSoonWithin', dueSoon, 'a non-negative duration in days, working days, weeks or months');
  const cal = options.calendar ?? (defaultCalendar ??= createCalendar());
  const rulesById = new Map(procedure.rules.map((rule) => [rule.id, rule]));
  const overrides = new Map<string, RulePatch>();
  for (const [id, patch] of Object.entries(options.overrides ?? {})) {
    const rule = rulesById.get(id);
    if (!rule) throw new TimescalesInputError(`overrides.${id}`, id, `a rule of ${procedure.id}: ${[...rulesById.keys()].join(', ')}`);
    overrides.set(id, checkPatch(rule, patch, `overrides.${id}`));
  }
  const forced = new Set<string>();
  const patched = procedure.rules.map((rule) => {
    const fromProfile = ownValue(profilePatches, rule.id);
    const fromCaller = overrides.get(rule.id);
    if (fromCaller?.force ?? fromProfile?.force) forced.add(rule.id);
    return applyPatch(applyPatch(rule, fromProfile), fromCaller);
  });
  const rules = orderRules(patched).filter((rule) => rule.enabled !== false);
  return {
    procedure,
    asOf: { date: options.asOf, day: asOfDay },
    cal,
    math: { calendar: cal, explain: options.trace !== false },
    profile,
    dueSoon,
    rules,
    forced,
  };
}

/** A record's own value for a key (a rule or profile named `constructor` is not `Object.prototype.constructor`). */
function ownValue<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function applyPatch(rule: Rule, patch: RulePatch | undefined): Rule {
  if (!patch) return rule;
  const timing = patch.timing ?? {};
  // A profile's or caller's timing wins over the rule's effective-dated versions too.
  const keptVersions =
    rule.versions && Object.keys(timing).length ? rule.versions.map((version) => ({ ...version, timing: { ...version.timing, ...timing } })) : rule.versions;
  const versions = patch.versions ?? keptVersions;
  return {
    ...rule,
    ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
    ...(versions !== undefined ? { versions } : {}),
    timing: { ...rule.timing, ...timing },
  } as Rule;
}

/**
 * Rules in an order where every rule comes after the rules it reads: each time
 * the first rule (in the procedure's order) whose rules are all placed. Kahn's
 * algorithm with the ready rules in a min-heap of their index, so a chain of
 * any length costs n log n (not n²) and no recursion.
 */
function orderRules(rules: Rule[]): Rule[] {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const waiting = new Array<number>(rules.length).fill(0);
  const readers: number[][] = rules.map(() => []);
  rules.forEach((rule, i) => {
    for (const id of new Set(dependencies(rule))) {
      const d = index.get(id);
      if (d === undefined || d === i) continue;
      waiting[i]!++;
      readers[d]!.push(i);
    }
  });
  const heap: number[] = [];
  const push = (v: number): void => {
    let i = heap.push(v) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (heap[up]! <= v) break;
      heap[i] = heap[up]!;
      i = up;
    }
    heap[i] = v;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const c = l + 1 < heap.length && heap[l + 1]! < heap[l]! ? l + 1 : l;
        if (heap[c]! >= last) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };
  rules.forEach((_, i) => {
    if (waiting[i] === 0) push(i);
  });
  const ordered: Rule[] = [];
  const placed = new Array<boolean>(rules.length).fill(false);
  while (ordered.length < rules.length) {
    // A circle (refused by defineProcedure) would leave no ready rule: take the first unplaced, as before.
    const next = heap.length > 0 ? pop() : placed.indexOf(false);
    if (placed[next]) continue;
    placed[next] = true;
    ordered.push(rules[next]!);
    for (const r of readers[next]!) if (--waiting[r]! === 0 && !placed[r]) push(r);
  }
  return ordered;
}
