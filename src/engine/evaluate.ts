/**
 * Evaluating a procedure for one case at an as-of date: each rule kind's
 * evaluator turns anchors into occurrences, finds their completing events and
 * judges them (C7, C8). Nothing here reads the clock, the environment or a file.
 */
import { createCalendar, formatIsoDay, parseDuration, tryParseIsoDay, type Calendar } from '../calendar/index';
import { TimescalesInputError } from '../errors';
import { CaseRecordSchema, type CaseRecord } from './case';
import { citeSource } from './citation';
import { checkPatch, defineProcedure, dependencies } from './define';
import { prepareCase, type PreparedCase, type PreparedEvent } from './events';
import type { ProblemCode } from './problems';
import { eventsOf, matches, resolveAnchors, type ResolvedAnchor } from './anchors';
import { addOffset, dayMoment, judge, momentOf, negate, offsets, showMoment, type Judgement, type Moment } from './judge';
import type { Evaluation, Result } from './result';
import type {
  CycleRule,
  CycleTaskRule,
  DeadlineRule,
  DeadlineTiming,
  Procedure,
  ProcedureInput,
  Rule,
  WindowRule,
} from './schema';

/** A caller's change to one rule: switch it off, force an optional rule on, or change its timing. */
export type RuleOverride = { enabled?: boolean; force?: boolean } & Record<string, unknown>;

export interface EvaluateOptions {
  /** The date of the evaluation (required; never read from the clock). */
  asOf: string;
  /** Default: England and Wales bank holidays. */
  calendar?: Calendar;
  /** A named profile of the procedure; default `default` (the seed document's reading). */
  profile?: string;
  /** Per-rule changes, e.g. `{ 'care-plan': { within: '10wd' }, 'chronology': { enabled: false } }`. */
  overrides?: Record<string, RuleOverride>;
  /** The warning window before a due date (default `5wd`, C7). */
  dueSoonWithin?: string;
  /**
   * Build each result's `trace` (default true). An audit written as CSV, which
   * has no trace column, can switch it off: the dates and statuses are the same.
   */
  trace?: boolean;
}

let defaultCalendar: Calendar | undefined;

/** Checked options, shared across the cases of an audit. */
export interface PreparedOptions {
  procedure: Procedure;
  asOf: Moment;
  cal: Calendar;
  profile: string;
  dueSoon: string;
  rules: Rule[];
  forced: Set<string>;
}

/** Validates options once (an audit reuses the result for every case). */
export function prepareOptions(procedureInput: Procedure | ProcedureInput, options: EvaluateOptions): PreparedOptions {
  const procedure = defineProcedure(procedureInput);
  if (!options || typeof options !== 'object') throw new TimescalesInputError('options', options, 'an object with at least asOf');
  const asOfDay = tryParseIsoDay(options.asOf);
  if (asOfDay === undefined) throw new TimescalesInputError('asOf', options.asOf, 'an ISO date YYYY-MM-DD that exists (the date of the evaluation)');
  const profile = options.profile ?? 'default';
  if (profile !== 'default' && !procedure.profiles?.[profile]) {
    throw new TimescalesInputError('profile', profile, `one of: default, ${Object.keys(procedure.profiles ?? {}).join(', ') || '(this procedure has no other profiles)'}`);
  }
  const dueSoon = options.dueSoonWithin ?? '5wd';
  const dueSoonDuration = parseDuration(dueSoon, 'dueSoonWithin');
  if (dueSoonDuration.unit === 'h' || dueSoonDuration.amount < 0) throw new TimescalesInputError('dueSoonWithin', dueSoon, 'a non-negative duration in days, working days, weeks or months');
  const baseCal = options.calendar ?? (defaultCalendar ??= createCalendar());
  const cal = options.trace === false ? withoutTraces(baseCal) : baseCal;
  const overrides = options.overrides ?? {};
  const byId = new Map(procedure.rules.map((r) => [r.id, r]));
  const fail = (field: string, value: unknown, expected: string): never => {
    throw new TimescalesInputError(field, value, expected);
  };
  for (const [id, patch] of Object.entries(overrides)) {
    const rule = byId.get(id);
    if (!rule) fail(`overrides.${id}`, id, `a rule of ${procedure.id}: ${[...byId.keys()].join(', ')}`);
    checkPatch(rule!, patch, `overrides.${id}`, fail);
  }
  const forced = new Set(Object.entries(overrides).filter(([, o]) => o.force).map(([id]) => id));
  const rules = orderRules(
    procedure.rules.map((r) => applyPatch(applyPatch(r, procedure.profiles?.[profile]?.rules[r.id]), overrides[r.id])),
  ).filter((r) => r.enabled !== false);
  return { procedure, asOf: { date: options.asOf, day: asOfDay }, cal, profile, dueSoon, rules, forced };
}

/**
 * Evaluates a procedure for one case. Returns the results (an array) with the
 * data problems found alongside (`.problems`); never throws on a schema-valid
 * case: a rule that cannot be evaluated becomes a data problem.
 */
export function evaluateProcedure(
  procedure: Procedure | ProcedureInput,
  record: CaseRecord,
  options: EvaluateOptions | PreparedOptions,
): Evaluation {
  const o = 'rules' in options && 'cal' in options ? options : prepareOptions(procedure, options);
  const parsed = CaseRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    let value: unknown = record;
    for (const k of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[k] : undefined;
    throw new TimescalesInputError(`case${path}`, value, issue.message);
  }
  const kase = prepareCase(o.procedure, parsed.data, o.asOf.day);
  const ctx = new Ctx(o, kase);
  for (const rule of o.rules) {
    try {
      const out = evaluateRule(ctx, rule);
      ctx.results.set(rule.id, out);
    } catch (err) {
      ctx.results.set(rule.id, []);
      kase.problems.push({
        caseId: kase.id,
        procedure: o.procedure.id,
        rule: rule.id,
        code: 'rule-not-evaluated',
        severity: 'error',
        message: `${rule.id} could not be evaluated: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  const results: Result[] = [];
  for (const r of o.procedure.rules) results.push(...(ctx.results.get(r.id) ?? []));
  return Object.assign(results, { problems: kase.problems });
}

/** The same calendar, with `addDetailed` computing only the date (for audits that write no trace). */
function withoutTraces(cal: Calendar): Calendar {
  return Object.freeze({
    ...cal,
    addDetailed: (date: string, duration: Parameters<Calendar['add']>[1], opts?: Parameters<Calendar['add']>[2]) => ({
      date: cal.add(date, duration, opts),
      trace: [],
      skipped: [],
      ruleBasedYears: [],
    }),
  });
}

function applyPatch(rule: Rule, patch: Record<string, unknown> | undefined): Rule {
  if (!patch) return rule;
  const { enabled, force: _force, versions, ...timing } = patch;
  // A profile's or caller's timing wins over the rule's effective-dated versions too.
  const keptVersions = rule.versions && Object.keys(timing).length ? rule.versions.map((v) => ({ ...v, timing: { ...v.timing, ...timing } })) : rule.versions;
  const nextVersions = (versions as Rule['versions']) ?? keptVersions;
  return {
    ...rule,
    ...(enabled !== undefined ? { enabled: enabled as boolean } : {}),
    ...(nextVersions !== undefined ? { versions: nextVersions } : {}),
    timing: { ...rule.timing, ...timing },
  } as Rule;
}

/** Rules in an order where every rule comes after the rules it reads. */
function orderRules(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const placed = new Set<string>();
  const pending = [...rules];
  while (pending.length) {
    const i = pending.findIndex((r) => dependencies(r).every((d) => placed.has(d) || !rules.some((x) => x.id === d)));
    const [r] = pending.splice(i === -1 ? 0 : i, 1);
    out.push(r!);
    placed.add(r!.id);
  }
  return out;
}

interface CycleOccurrence {
  sequence: number;
  n: number;
  /** The start of the sequence and the previous occurrence (or the start). */
  start: Moment;
  previous: Moment;
  due: Moment;
  completed?: { event: string; moment: Moment };
  /** The end (or restart) of the sequence, when it has ended. */
  end?: Moment;
  result: Result;
}

class Ctx {
  readonly results = new Map<string, Result[]>();
  readonly cycles = new Map<string, CycleOccurrence[]>();
  readonly stop: PreparedEvent | undefined;
  private dobReported = new Set<string>();
  constructor(
    readonly o: PreparedOptions,
    readonly kase: PreparedCase,
  ) {
    const stops = (o.procedure.stopEvents ?? []).flatMap((t) => kase.byType.get(t) ?? []);
    this.stop = stops.sort((a, b) => a.day - b.day)[0];
  }
  get cal() {
    return this.o.cal;
  }
  anchorContext(rule: Rule) {
    return {
      cal: this.cal,
      kase: this.kase,
      asOf: this.o.asOf,
      results: this.results,
      missingDob: () => this.missingDob(rule),
    };
  }
  missingDob(rule: Rule) {
    if (this.dobReported.has(rule.id)) return;
    this.dobReported.add(rule.id);
    this.kase.problems.push({
      caseId: this.kase.id,
      procedure: this.o.procedure.id,
      rule: rule.id,
      code: 'missing-date-of-birth',
      severity: 'warning',
      message: `${rule.id} needs the child's date of birth, which this case does not have; the rule is skipped`,
    });
  }
  problem(rule: Rule, code: ProblemCode, message: string, event?: PreparedEvent) {
    this.kase.problems.push({
      caseId: this.kase.id,
      procedure: this.o.procedure.id,
      rule: rule.id,
      code,
      severity: 'warning',
      message,
      ...(event ? { event: { type: event.type, date: event.dateTime ?? event.date } } : {}),
    });
  }
  /** The as-of date, or the stop event's date when the procedure stopped earlier. */
  effectiveAsOf(): Moment {
    return this.stop && this.stop.day < this.o.asOf.day ? momentOf(this.stop) : this.o.asOf;
  }
  result(
    rule: Rule,
    occurrence: number,
    anchor: { event: string; moment: Moment },
    j: Judgement,
    dates: { due?: Moment; earliest?: Moment; target?: Moment; completed?: { event: string; moment: Moment } },
    lines: string[],
  ): Result {
    // Built field by field (no object spreads): this runs once per result, millions of times in an audit.
    const r: Result = {
      caseId: this.kase.id,
      procedure: this.o.procedure.id,
      rule: rule.id,
      title: rule.title,
      kind: rule.kind,
      occurrence,
      anchor: { event: anchor.event, date: showMoment(anchor.moment) },
      status: j.status,
      breach: j.breach,
      trace: lines.concat(j.lines),
      source: citeSource(this.o.procedure, rule.source),
      profile: this.o.profile,
      calendar: this.cal.description,
    };
    if (dates.due) r.due = showMoment(dates.due);
    if (dates.earliest) r.earliest = dates.earliest.date;
    if (dates.target) r.target = showMoment(dates.target);
    if (dates.completed) r.completed = { event: dates.completed.event, date: showMoment(dates.completed.moment) };
    if (j.late) r.late = j.late;
    if (j.openWorkingDays !== undefined) r.openWorkingDays = j.openWorkingDays;
    if (rule.notes) {
      const notes = rule.notes.filter((n) => !n.whenAnyEvent || n.whenAnyEvent.some((t) => this.kase.byType.has(t))).map((n) => n.text);
      if (notes.length) r.notes = notes;
    }
    return r;
  }
  /** True when the procedure stopped (e.g. the child left) before an open occurrence fell due: not reported. */
  stoppedBefore(due: Moment | undefined): boolean {
    return this.stop !== undefined && (due === undefined || due.day > this.stop.day);
  }
}

function evaluateRule(ctx: Ctx, rule: Rule): Result[] {
  if (rule.onlyIfAnyEvent && !ctx.o.forced.has(rule.id) && !rule.onlyIfAnyEvent.some((t) => ctx.kase.byType.has(t))) return [];
  switch (rule.kind) {
    case 'deadline':
      return evaluateDeadline(ctx, rule);
    case 'window':
      return evaluateWindow(ctx, rule);
    case 'cycle':
      return evaluateCycle(ctx, rule);
    case 'cycle-task':
      return evaluateCycleTask(ctx, rule);
  }
}

/** The timing for one anchor: effective-dated version by anchor date (C10), then a variant by the anchor event's attributes. */
function timingFor<T extends Record<string, unknown>>(
  rule: Rule & { timing: T },
  anchorDay: number,
  source: PreparedEvent | undefined,
  variants: Array<{ where: Record<string, unknown>; timing: Partial<T>; note?: string }> | undefined,
  lines: string[],
): T {
  let timing = rule.timing;
  for (const v of rule.versions ?? []) {
    const from = v.from ? tryParseIsoDay(v.from)! : -Infinity;
    const until = v.until ? tryParseIsoDay(v.until)! : Infinity;
    if (anchorDay >= from && anchorDay <= until) {
      timing = { ...timing, ...(v.timing as Partial<T>) };
      lines.push(`version for anchors ${v.from ?? '…'} to ${v.until ?? '…'} applies${v.note ? `: ${v.note}` : ''}`);
      break;
    }
  }
  for (const v of variants ?? []) {
    if (source && matches(source, v.where)) {
      timing = { ...timing, ...v.timing };
      lines.push(`variant for ${JSON.stringify(v.where)} applies${v.note ? `: ${v.note}` : ''}`);
      break;
    }
  }
  return timing;
}

/** The first completing event on or after `since` (C7). */
function findCompletion(
  candidates: PreparedEvent[],
  since: Moment | undefined,
  extra?: (e: PreparedEvent) => boolean,
): PreparedEvent | undefined {
  // A completing event on the anchor's day counts even when only the anchor has a time of day.
  return candidates.find((e) => (!since || (since.epoch !== undefined && e.epoch !== undefined ? since.epoch <= e.epoch : since.day <= e.day)) && (!extra || extra(e)));
}

function evaluateDeadline(ctx: Ctx, rule: DeadlineRule): Result[] {
  const { cal, kase } = ctx;
  const anchors = resolveAnchors(ctx.anchorContext(rule), rule.anchor);
  const candidates = eventsOf(kase, rule.completion.event, rule.completion.where);
  /** Events that completed an occurrence (not reported as early completions of the next). */
  const completers = new Set<PreparedEvent>();
  const out: Result[] = [];
  let previous: ResolvedAnchor | undefined;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const next = anchors[i + 1];
    if (ctx.stop && a.moment.day > ctx.stop.day) continue;
    const lines = [...a.lines];
    const timing = timingFor<DeadlineTiming>(rule, a.moment.day, a.source, rule.variants, lines);
    if (rule.requiresPrior && !hasPrior(ctx, rule.requiresPrior, a.moment)) continue;
    // Due date: from the anchor, a fixed date, or a cap; none is an open step (C7).
    let due: Moment | undefined;
    if (timing.dueAt) {
      due = dateRef(ctx, rule, timing.dueAt, a, lines);
    } else if (timing.within) {
      const r = addOffset(cal, a.moment, timing.within, { ...(timing.roll ? { roll: timing.roll } : {}), ...(timing.countStartDay !== undefined ? { countStartDay: timing.countStartDay } : {}) });
      due = r.moment;
      lines.push(...r.lines);
    }
    if (timing.cap) {
      const cap = dateRef(ctx, rule, timing.cap, a, []);
      if (cap && (!due || due.day > cap.day)) {
        lines.push(`${due ? 'capped' : 'no timescale in the source; due'} at ${cap.date} (${'age' in timing.cap ? `date of birth + ${offsets(timing.cap.age).join(' ')}` : timing.cap.attribute})`);
        due = cap;
      }
    }
    const target = timing.target ? addOffset(cal, a.moment, timing.target) : undefined;
    if (target) lines.push(`target: ${target.lines.join('; ')}`);
    if (rule.unless) {
      const bound = rule.unless.onOrBefore === 'anchor' ? a.moment : due;
      const hit = bound && eventsOf(kase, rule.unless.event).find((e) => e.day <= bound.day);
      if (hit) continue;
    }
    const since = completionSince(ctx, rule.completion.since, a.moment);
    const sameAs = rule.completion.sameAs;
    // Completing events that carry a `sameAs` attribute must agree with the anchor's (an answer to stage 2 is not an answer to stage 1).
    const agrees = sameAs ? (e: PreparedEvent) => sameAs.every((k) => e.attrs[k] === undefined || String(e.attrs[k]) === String(a.source?.attrs[k])) : undefined;
    // C7: the first completing event on or after the anchor; one event may complete several anchors
    // (one review within 20 working days of two changes of carer meets both).
    // An event dated before the anchor (since '-6m' or 'any') that already completed an earlier occurrence
    // does not complete this one too: the emergency placement's record is not the planned move's.
    const eligible = (e: PreparedEvent) => (e.day >= a.moment.day || !completers.has(e)) && (!agrees || agrees(e));
    const c = findCompletion(candidates, since, eligible);
    if (rule.cancelledBy) {
      // A cancelling event belongs to the latest anchor before it, not to an earlier, unrelated one.
      const cancel = eventsOf(kase, rule.cancelledBy).find((e) => e.day >= a.moment.day && (!next || e.day < next.moment.day) && (!c || e.day <= c.day));
      if (cancel) {
        previous = a;
        continue;
      }
    }
    if (!c && ctx.stoppedBefore(due)) continue;
    if (c) completers.add(c);
    else if (rule.completion.reportEarly !== false) {
      const others = candidates.filter((e) => !completers.has(e) && (!agrees || agrees(e)));
      reportEarlyCompletion(ctx, rule, others, previous, a);
    }
    const completed = c ? { event: c.type, moment: momentOf(c) } : undefined;
    const j = judge({
      cal,
      asOf: ctx.effectiveAsOf(),
      dueSoon: ctx.o.dueSoon,
      anchor: a.moment,
      ...(due ? { due } : {}),
      ...(target ? { target: target.moment } : {}),
      ...(completed ? { completion: completed } : {}),
      silence: rule.silence === 'deemed-met',
    });
    out.push(ctx.result(rule, out.length + 1, a, j, { ...(due ? { due } : {}), ...(target ? { target: target.moment } : {}), ...(completed ? { completed } : {}) }, lines));
    previous = a;
  }
  return out;
}

/** The rule applies only after an earlier event: on or before the anchor, or at least `atLeast` before it. */
function hasPrior(ctx: Ctx, prior: { event: string | string[]; atLeast?: string }, anchor: Moment): boolean {
  const bound = prior.atLeast ? addOffset(ctx.cal, dayMoment(anchor.date), negate(prior.atLeast)).moment.day : anchor.day;
  return eventsOf(ctx.kase, prior.event).some((e) => e.day <= bound);
}

function completionSince(ctx: Ctx, since: DeadlineRule['completion']['since'], anchor: Moment): Moment | undefined {
  if (since === undefined || since === 'anchor') return anchor;
  if (since === 'any') return undefined;
  return addOffset(ctx.cal, dayMoment(anchor.date), since).moment;
}

/** A completing event dated before its anchor (and after the previous anchor) is a data problem. */
function reportEarlyCompletion(
  ctx: Ctx,
  rule: Rule,
  candidates: PreparedEvent[],
  previous: ResolvedAnchor | undefined,
  a: ResolvedAnchor,
): void {
  // Only an event anchor can be preceded by "its" completion; a rule anchor (an escalation) follows other events by design.
  if (!a.source) return;
  const early = candidates.find((e) => e.day < a.moment.day && (!previous || e.day > previous.moment.day));
  if (early) {
    ctx.problem(rule, 'completion-before-anchor', `${early.type} on ${early.date} is dated before its anchor ${a.event} on ${a.moment.date}, so it does not complete ${rule.id}`, early);
  }
}

function dateRef(ctx: Ctx, rule: Rule, ref: { age: string | string[] } | { attribute: string }, a: ResolvedAnchor, lines: string[]): Moment | undefined {
  if ('age' in ref) {
    if (ctx.kase.dobDay === undefined) {
      ctx.missingDob(rule);
      return undefined;
    }
    const r = addOffset(ctx.cal, dayMoment(ctx.kase.dateOfBirth!), ref.age);
    lines.push(`due: date of birth ${ctx.kase.dateOfBirth} + ${offsets(ref.age).join(' ')}`, ...r.lines);
    return r.moment;
  }
  const value = a.source?.attrs[ref.attribute];
  if (value === undefined) {
    lines.push(`no ${ref.attribute} recorded on ${a.event}: no due date`);
    return undefined;
  }
  const day = typeof value === 'string' ? tryParseIsoDay(value) : undefined;
  if (day === undefined) {
    ctx.problem(rule, 'missing-attribute', `${a.event} on ${a.moment.date} has ${ref.attribute} ${JSON.stringify(value)}, which is not a date; ${rule.id} has no due date`, a.source);
    return undefined;
  }
  lines.push(`due: ${ref.attribute} ${value} recorded on ${a.event}`);
  return dayMoment(value as string);
}

function evaluateWindow(ctx: Ctx, rule: WindowRule): Result[] {
  const { cal, kase } = ctx;
  const anchors = resolveAnchors(ctx.anchorContext(rule), rule.anchor);
  const candidates = eventsOf(kase, rule.completion.event, rule.completion.where);
  const out: Result[] = [];
  for (const a of anchors) {
    if (ctx.stop && a.moment.day > ctx.stop.day) continue;
    const lines = [...a.lines];
    if (rule.requiresPrior && !hasPrior(ctx, rule.requiresPrior, a.moment)) continue;
    const timing = timingFor(rule, a.moment.day, a.source, undefined, lines);
    const e = addOffset(cal, a.moment, timing.earliest);
    lines.push(`window opens: ${e.lines.join('; ')}`);
    const l = timing.latest ? addOffset(cal, a.moment, timing.latest, timing.roll ? { roll: timing.roll } : {}) : undefined;
    if (l) lines.push(`window closes: ${l.lines.join('; ')}`);
    const c = findCompletion(candidates, completionSince(ctx, rule.completion.since, a.moment));
    if (!c && ctx.stoppedBefore(l?.moment ?? e.moment)) continue;
    const completed = c ? { event: c.type, moment: momentOf(c) } : undefined;
    const j = judge({
      cal,
      asOf: ctx.effectiveAsOf(),
      dueSoon: ctx.o.dueSoon,
      anchor: a.moment,
      earliest: e.moment,
      ...(l ? { due: l.moment } : {}),
      ...(completed ? { completion: completed } : {}),
    });
    out.push(ctx.result(rule, out.length + 1, a, j, { earliest: e.moment, ...(l ? { due: l.moment } : {}), ...(completed ? { completed } : {}) }, lines));
  }
  return out;
}

/** Repeating cycles (C8): each occurrence is due from the actual date of the previous one. */
function evaluateCycle(ctx: Ctx, rule: CycleRule): Result[] {
  const { cal, kase } = ctx;
  const starts = new Set(Array.isArray(rule.start.event) ? rule.start.event : [rule.start.event]);
  const restarts = new Set(rule.restart ?? []);
  const ends = new Set([...(rule.end ?? []), ...(ctx.o.procedure.stopEvents ?? [])]);
  // Split the history into sequences: [start, end or restart).
  const sequences: Array<{ start: PreparedEvent; end?: PreparedEvent }> = [];
  let open: { start: PreparedEvent; end?: PreparedEvent } | undefined;
  for (const e of kase.events) {
    if (open && (ends.has(e.type) || restarts.has(e.type))) {
      open.end = e;
      open = undefined;
      if (restarts.has(e.type) && !ends.has(e.type)) sequences.push((open = { start: e }));
      continue;
    }
    if (!open && starts.has(e.type) && matches(e, rule.start.where)) sequences.push((open = { start: e }));
  }
  const candidates = eventsOf(kase, rule.completion.event, rule.completion.where);
  const out: Result[] = [];
  const occurrences: CycleOccurrence[] = [];
  sequences.forEach((seq, s) => {
    const startLines = [`sequence ${s + 1} begins: ${seq.start.type} on ${seq.start.date}`];
    const timing = timingFor(rule, seq.start.day, seq.start, undefined, startLines);
    const start = momentOf(seq.start);
    let previous = start;
    let previousEvent = seq.start.type;
    for (let n = 1; ; n++) {
      const interval = timing.intervals[Math.min(n - 1, timing.intervals.length - 1)]!;
      const d = addOffset(cal, previous, interval, { ...(timing.roll ? { roll: timing.roll } : {}), ...(timing.countStartDay !== undefined ? { countStartDay: timing.countStartDay } : {}) });
      const lines = [...(n === 1 ? startLines : [`sequence ${s + 1}: previous ${previousEvent} on ${previous.date}`]), ...d.lines];
      const c = candidates.find((e) => (n === 1 ? e.day >= previous.day : e.day > previous.day) && (!seq.end || e.day <= seq.end.day));
      if (!c) {
        // C8: an occurrence due after the end of the sequence is not reported; an open one stops the projection.
        // C8: an occurrence falling due after the end is not reported; one due on the end day itself could
        // no longer be late while the sequence ran, so it is not reported either (docs/conventions.md).
        if (seq.end && d.moment.day >= seq.end.day) break;
        const asOf = seq.end ? momentOf(seq.end) : ctx.o.asOf;
        if (seq.end) lines.push(`sequence ended: ${seq.end.type} on ${seq.end.date}`);
        const j = judge({ cal, asOf, dueSoon: ctx.o.dueSoon, anchor: previous, due: d.moment });
        const result = ctx.result(rule, n, { event: previousEvent, moment: previous }, j, { due: d.moment }, lines);
        result.sequence = s + 1;
        out.push(result);
        occurrences.push({ sequence: s, n, start, previous, due: d.moment, result, ...(seq.end ? { end: momentOf(seq.end) } : {}) });
        break;
      }
      const completed = { event: c.type, moment: momentOf(c) };
      const j = judge({ cal, asOf: ctx.o.asOf, dueSoon: ctx.o.dueSoon, anchor: previous, due: d.moment, completion: completed });
      const result = ctx.result(rule, n, { event: previousEvent, moment: previous }, j, { due: d.moment, completed }, lines);
      result.sequence = s + 1;
      out.push(result);
      occurrences.push({ sequence: s, n, start, previous, due: d.moment, completed, result, ...(seq.end ? { end: momentOf(seq.end) } : {}) });
      previous = completed.moment;
      previousEvent = c.type;
    }
  });
  ctx.cycles.set(rule.id, occurrences);
  return out;
}

/** Tasks tied to a cycle's occurrences: before each review, or at a chosen one. */
function evaluateCycleTask(ctx: Ctx, rule: CycleTaskRule): Result[] {
  const { cal, kase } = ctx;
  const occurrences = ctx.cycles.get(rule.cycle) ?? [];
  const selected = selectOccurrences(ctx, rule, occurrences);
  const out: Result[] = [];
  const used = new Set<PreparedEvent>();
  for (const occ of selected) {
    const lines: string[] = [`for occurrence ${occ.n} of ${rule.cycle} (sequence ${occ.sequence + 1})`];
    // The planned date: a scheduled date recorded since the previous occurrence, else the held date, else the due date.
    // A task that is the review itself (no completing event of its own) is due when the review is due;
    // otherwise it counts back from the planned date: scheduled, else held, else due.
    const ownEvent = rule.completion !== undefined;
    let planned: Moment = ownEvent && occ.completed ? occ.completed.moment : occ.due;
    let plannedBy = ownEvent && occ.completed ? occ.completed.event : `${rule.cycle} due`;
    let plannedFrom = ownEvent && occ.completed ? `${occ.completed.event} held` : `${rule.cycle} due`;
    if (rule.planned) {
      // A date set on the day of the previous review plans this one; one set on this review's own day plans the next.
      const scheduled = eventsOf(kase, rule.planned.event).filter(
        (e) => e.day >= occ.previous.day && (!occ.completed || e.day < occ.completed.moment.day) && typeof e.attrs[rule.planned!.attribute] === 'string' && tryParseIsoDay(String(e.attrs[rule.planned!.attribute])) !== undefined,
      );
      const last = scheduled[scheduled.length - 1];
      if (last) {
        planned = dayMoment(String(last.attrs[rule.planned.attribute]));
        plannedBy = rule.planned.event;
        plannedFrom = `${rule.planned.event} on ${last.date}`;
      }
    }
    lines.push(`planned date ${planned.date} (${plannedFrom})`);
    const timing = timingFor(rule, occ.start.day, undefined, undefined, lines);
    const before = timing.before === undefined ? undefined : typeof timing.before === 'object' && !Array.isArray(timing.before) ? (occ.n === 1 ? timing.before.first : timing.before.subsequent) : timing.before;
    let due = planned;
    if (before) {
      const r = addOffset(cal, dayMoment(planned.date), negate(before), { ...(timing.roll ? { roll: timing.roll } : {}), ...(timing.countStartDay !== undefined ? { countStartDay: timing.countStartDay } : {}) });
      due = r.moment;
      lines.push(...r.lines);
    }
    let completed: { event: string; moment: Moment } | undefined;
    if (rule.completion) {
      const since = rule.completion.since === 'cycle-start' ? occ.start : occ.previous;
      const candidates = eventsOf(kase, rule.completion.event, rule.completion.where);
      const fromStart = rule.completion.since === 'cycle-start';
      // A task before a review is done between the previous review and this one: later events belong to the next review.
      const c = candidates.find(
        (e) =>
          !used.has(e) &&
          (occ.n === 1 || fromStart ? e.day >= since.day : e.day > since.day) &&
          (fromStart || !occ.completed || e.day <= occ.completed.moment.day),
      );
      if (c) {
        used.add(c);
        completed = { event: c.type, moment: momentOf(c) };
      }
    } else if (occ.completed) {
      completed = occ.completed;
    }
    if (!completed && ctx.stoppedBefore(due)) continue;
    // Like its cycle, a task still open when the sequence ended (the child left care) is judged as at that end.
    if (!completed && occ.end && due.day >= occ.end.day) continue;
    const effective = ctx.effectiveAsOf();
    const endedFirst = !completed && occ.end !== undefined && occ.end.day < effective.day;
    const asOf = endedFirst ? occ.end! : effective;
    if (endedFirst) lines.push(`sequence ended on ${occ.end!.date}`);
    const j = judge({ cal, asOf, dueSoon: ctx.o.dueSoon, anchor: planned, due, ...(completed ? { completion: completed } : {}) });
    const result = ctx.result(rule, occ.n, { event: plannedBy, moment: planned }, j, { due, ...(completed ? { completed } : {}) }, lines);
    result.sequence = occ.sequence + 1;
    out.push(result);
  }
  return out;
}

/** The day the occurrence after `occ` would fall due if `occ` happened on `day`. */
function projectNext(ctx: Ctx, cycleId: string, occ: CycleOccurrence, day: number): number {
  const cycle = ctx.o.rules.find((r) => r.id === cycleId) as CycleRule | undefined;
  if (!cycle) return Infinity;
  const intervals = cycle.timing.intervals;
  const interval = intervals[Math.min(occ.n, intervals.length - 1)]!;
  return addOffset(ctx.cal, { date: formatIsoDay(day), day }, interval).moment.day;
}

function selectOccurrences(ctx: Ctx, rule: CycleTaskRule, occurrences: CycleOccurrence[]): CycleOccurrence[] {
  const sel = rule.select;
  if (sel === 'each') return occurrences;
  if ('occurrence' in sel) return occurrences.filter((o) => o.n === sel.occurrence);
  if (ctx.kase.dobDay === undefined) {
    if (occurrences.length) ctx.missingDob(rule);
    return [];
  }
  const ageSpec = 'firstDueOnOrAfter' in sel ? sel.firstDueOnOrAfter.age : sel.lastDueBefore.age;
  const birthday = addOffset(ctx.cal, dayMoment(ctx.kase.dateOfBirth!), ageSpec).moment;
  const dateOf = (o: CycleOccurrence) => (o.completed ?? { moment: o.due }).moment.day;
  const out: CycleOccurrence[] = [];
  const bySequence = new Map<number, CycleOccurrence[]>();
  for (const o of occurrences) bySequence.set(o.sequence, [...(bySequence.get(o.sequence) ?? []), o]);
  for (const list of bySequence.values()) {
    if ('firstDueOnOrAfter' in sel) {
      const first = list.find((o) => dateOf(o) >= birthday.day);
      if (first) out.push(first);
    } else {
      // The last one before the birthday, once it is known to be the last: a later one exists, the birthday
      // has passed, or the next one, projected from this one's date, would fall on or after the birthday.
      const before = list.filter((o) => dateOf(o) < birthday.day);
      const last = before[before.length - 1];
      if (!last) continue;
      const known =
        list.some((o) => dateOf(o) >= birthday.day) || birthday.day <= ctx.o.asOf.day || projectNext(ctx, rule.cycle, last, dateOf(last)) >= birthday.day;
      if (known) out.push(last);
    }
  }
  return out;
}
