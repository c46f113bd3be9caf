/**
 * Which rules a caseload can measure: a rule is measured only when the data
 * records the event that completes it and an event that starts its clock.
 * A rule whose completing event is never recorded would count every case as
 * a breach; one whose starting event is never recorded would give nothing at
 * all. Such a rule is "not measured", with the reason (docs/cli.md, "What an
 * audit measures").
 *
 * What the data records is a set of event types: a reader declares the
 * events its format can carry (SSDA903, CIN census), or, for a generic file,
 * the event types that occur in it (`recordedEvents`).
 */
import type { CaseRecord, Procedure, Rule } from '../engine/index';

/** Whether one rule can be measured from the data, and if not, why. */
export interface Measurability {
  rule: string;
  measured: boolean;
  /** The events the data would need and does not record (empty when measured). */
  missing: string[];
  /** Why it is not measured, in words: `the data records no "invitations-sent" (the event that completes it)`. */
  reason?: string;
}

const list = (names: string | readonly string[]): string[] => (typeof names === 'string' ? [names] : [...names]);
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** `no "x"` or `none of "x", "y"` */
function noneOf(names: readonly string[]): string {
  return names.length === 1 ? `no ${quoted(names)}` : `none of ${quoted(names)}`;
}

/**
 * The event types that occur in some cases.
 * @example recordedEvents([{ id: 'C1', events: [{ type: 'lac-review', date: '2024-03-27' }] }]) // ['lac-review']
 */
export function recordedEvents(cases: Iterable<CaseRecord>): string[] {
  const seen = new Set<string>();
  for (const c of cases) for (const e of c.events) seen.add(e.type);
  return [...seen];
}

/**
 * For each rule of a procedure, whether data that records `records` can measure it.
 *
 * - The completing event: the rule's `completion.event` (any one of them);
 *   a cycle-task without its own completion is completed by its cycle's.
 * - The start: a deadline's or window's anchor event (any one of an
 *   `anyOf`/`firstOf`); an age anchor needs no event; an anchor on another
 *   rule needs that rule measured (and one of its `completedBy` events);
 *   a cycle's `start` event; a cycle-task's cycle.
 *
 * @example
 * measurability(getProcedure('lac-review'), ['became-looked-after', 'lac-review']).get('invitations-sent')
 * // { rule: 'invitations-sent', measured: false, missing: ['invitations-sent'],
 * //   reason: 'the data records no "invitations-sent" (the event that completes it)' }
 */
export function measurability(procedure: Procedure, records: Iterable<string>): Map<string, Measurability> {
  const recorded = new Set(records);
  const byId = new Map(procedure.rules.map((r) => [r.id, r]));
  const out = new Map<string, Measurability>();
  const visiting = new Set<string>();

  const judge = (rule: Rule): Measurability => {
    const known = out.get(rule.id);
    if (known) return known;
    if (visiting.has(rule.id)) return { rule: rule.id, measured: true, missing: [] };
    visiting.add(rule.id);
    const start = startNeeds(rule);
    const completion = completionOf(rule);
    const reasons: string[] = [];
    const missing: string[] = [];
    if (start !== true) {
      missing.push(...start.events);
      reasons.push(start.reason);
    }
    if (completion.length > 0 && !completion.some((e) => recorded.has(e))) {
      missing.push(...completion);
      reasons.push(`the data records ${noneOf(completion)} (the event that completes it)`);
    }
    visiting.delete(rule.id);
    const m: Measurability = reasons.length === 0 ? { rule: rule.id, measured: true, missing: [] } : { rule: rule.id, measured: false, missing: [...new Set(missing)], reason: reasons.join('; ') };
    out.set(rule.id, m);
    return m;
  };

  /** The events that complete a rule (none: it needs no completing event). */
  const completionOf = (rule: Rule): string[] => {
    if (rule.kind === 'cycle-task') {
      if (rule.completion) return list(rule.completion.event);
      const cycle = byId.get(rule.cycle);
      return cycle && cycle.kind === 'cycle' ? list(cycle.completion.event) : [];
    }
    return list(rule.completion.event);
  };

  /** `true` when the data can start the rule's clock, else what it lacks. */
  const startNeeds = (rule: Rule): true | { events: string[]; reason: string } => {
    if (rule.kind === 'cycle') {
      const events = list(rule.start.event);
      return events.some((e) => recorded.has(e)) ? true : { events, reason: `the data records ${noneOf(events)} (the event that starts it)` };
    }
    if (rule.kind === 'cycle-task') {
      const cycle = byId.get(rule.cycle);
      if (!cycle) return true;
      const m = judge(cycle);
      if (m.measured || cycle.kind !== 'cycle') return true;
      const events = list(cycle.start.event);
      if (events.some((e) => recorded.has(e))) return true;
      return { events, reason: `it belongs to the cycle "${cycle.id}", and the data records ${noneOf(events)} (the event that starts it)` };
    }
    const alternatives = 'anyOf' in rule.anchor ? rule.anchor.anyOf : 'firstOf' in rule.anchor ? rule.anchor.firstOf : [rule.anchor];
    const lacking: { events: string[]; reason: string }[] = [];
    for (const a of alternatives) {
      if ('age' in a) return true;
      if ('event' in a) {
        const events = list(a.event);
        if (events.some((e) => recorded.has(e))) return true;
        lacking.push({ events, reason: `the data records ${noneOf(events)} (the event that starts it)` });
        continue;
      }
      const other = byId.get(a.rule);
      const m = other ? judge(other) : { measured: true, missing: [] as string[] };
      const by = a.completedBy ?? [];
      if (m.measured && (by.length === 0 || by.some((e) => recorded.has(e)))) return true;
      lacking.push(
        m.measured
          ? { events: by, reason: `it starts from "${a.rule}" completed by ${quoted(by)}, and the data records ${noneOf(by)}` }
          : { events: m.missing, reason: `it starts from "${a.rule}", which is not measured` },
      );
    }
    return { events: lacking.flatMap((l) => l.events), reason: lacking.map((l) => l.reason).join('; ') };
  };

  for (const rule of procedure.rules) judge(rule);
  return out;
}
