/**
 * Properties of the engine over random event histories (fast-check, 1000 runs
 * each, for every test procedure). No expected dates here: these check
 * invariants that must hold whatever the dates are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateProcedure, STATUSES, type Procedure, type Result } from '../../src/index';
import { ALL } from './procedures/test-procedures';
import type { Ev } from './procedures/helpers';

const RUNS = 1000;
const BREACHES = ['met-late', 'met-early', 'overdue'];

// Dates from 2023-10-01 over ~18 months (day numbers in UTC: no local time zone involved).
const DAY0 = Date.UTC(2023, 9, 1) / 86_400_000;
const SPAN = 540;
const iso = (n: number) => new Date((DAY0 + n) * 86_400_000).toISOString().slice(0, 10);

/** Random attribute values for the attributes the procedures declare (some wrong on purpose). */
const attrValue: Record<string, fc.Arbitrary<string | number | boolean>> = {
  s47: fc.constantFrom<string | boolean>(true, false, 'yes', 'no'),
  urgent: fc.constantFrom<string | boolean>(true, false, 'yes', 'no', 'maybe'),
  stage: fc.constantFrom<string | number>(1, 2, 3, '2', 'x'),
  hearingDate: fc.oneof(fc.integer({ min: 0, max: SPAN + 60 }).map(iso), fc.constant('2024-02-30')),
  reviewDate: fc.oneof(fc.integer({ min: 0, max: SPAN + 60 }).map(iso), fc.constant('2024-02-30')),
};

/** An event of the procedure: a date (a date-time, between 08:00 and 20:59, for date-time events or at random). */
function eventArb(p: Procedure): fc.Arbitrary<Ev> {
  const types = Object.keys(p.events);
  return fc
    .record({
      type: fc.constantFrom(...types),
      day: fc.integer({ min: 0, max: SPAN }),
      hour: fc.integer({ min: 8, max: 20 }),
      minute: fc.integer({ min: 0, max: 59 }),
      withTime: fc.integer({ min: 0, max: 9 }),
      attrs: fc.record(attrValue, { requiredKeys: [] }),
    })
    .map(({ type, day, hour, minute, withTime, attrs }) => {
      const def = p.events[type]!;
      const timed = def.dateTime ? withTime > 1 : withTime === 0;
      const date = iso(day) + (timed ? `T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` : '');
      const own: Record<string, string | number | boolean> = {};
      for (const name of Object.keys(def.attributes ?? {})) if (attrs[name] !== undefined) own[name] = attrs[name]!;
      return { type, date, ...own } as Ev;
    });
}

/**
 * A case: events spread over the whole span, or (more often) clustered within a few weeks, so that
 * anchors, completions and the as-of date meet in every order.
 */
function caseArb(p: Procedure) {
  const spread = fc.record({
    events: fc.array(eventArb(p), { maxLength: 24 }),
    dob: fc.option(fc.integer({ min: -1600, max: 0 }).map(iso), { nil: undefined }),
    asOf: fc.integer({ min: 0, max: SPAN + 60 }).map(iso),
  });
  const clustered = fc
    .record({
      base: fc.integer({ min: 10, max: SPAN - 90 }),
      events: fc.array(fc.tuple(eventArb(p), fc.integer({ min: -10, max: 80 })), { maxLength: 24 }),
      dob: fc.option(fc.integer({ min: -1200, max: -600 }), { nil: undefined }),
      asOf: fc.integer({ min: -5, max: 120 }),
    })
    .map(({ base, events, dob, asOf }) => ({
      events: events.map(([e, d]) => ({ ...e, date: iso(base + d) + e.date.slice(10) }) as Ev),
      dob: dob === undefined ? undefined : iso(base + dob),
      asOf: iso(base + asOf),
    }));
  return fc.oneof({ arbitrary: spread, weight: 1 }, { arbitrary: clustered, weight: 3 });
}

function evaluate(p: Procedure, c: { events: Ev[]; dob: string | undefined; asOf: string }) {
  return evaluateProcedure(p, { id: 'P', ...(c.dob ? { dateOfBirth: c.dob } : {}), events: c.events }, { asOf: c.asOf });
}

/** Rules whose completing event is looked for from the anchor on (C7), so a met result lies between them. */
function countsFromAnchor(p: Procedure, r: Result): boolean {
  const rule = p.rules.find((x) => x.id === r.rule)!;
  if (rule.kind === 'cycle') return true;
  if (rule.kind === 'cycle-task') return false;
  return rule.completion.since === undefined || rule.completion.since === 'anchor';
}

const day = (s: string) => s.slice(0, 10);

describe.each(ALL.map((p) => [p.id, p] as const))('properties of %s', (_id, p) => {
  it('random histories never make evaluation throw, nor leave a rule unevaluated', () => {
    fc.assert(
      fc.property(caseArb(p), (c) => {
        const e = evaluate(p, c);
        expect(e.problems.filter((x) => x.code === 'rule-not-evaluated')).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('breach is true exactly for met-late, met-early and overdue; statuses are known; completion agrees with status', () => {
    fc.assert(
      fc.property(caseArb(p), (c) => {
        for (const r of evaluate(p, c)) {
          expect(STATUSES).toContain(r.status);
          expect(r.breach).toBe(BREACHES.includes(r.status));
          if (['pending', 'due-soon', 'overdue', 'past-target'].includes(r.status)) expect(r.completed).toBeUndefined();
          if (['met-late', 'met-early', 'met-after-target'].includes(r.status)) expect(r.completed).toBeDefined();
          if (r.status === 'overdue' || r.status === 'met-late') expect(r.late).toBeDefined();
          if (r.late) expect(r.late.days).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a met result’s completion lies between its anchor and its due date (rules counted from the anchor)', () => {
    fc.assert(
      fc.property(caseArb(p), (c) => {
        for (const r of evaluate(p, c)) {
          if (!['met', 'met-after-target'].includes(r.status) || !r.completed || !countsFromAnchor(p, r)) continue;
          expect(day(r.completed.date) >= day(r.anchor.date), `${r.rule}: completed before its anchor`).toBe(true);
          if (r.due) expect(day(r.completed.date) <= day(r.due), `${r.rule}: completed after its due date`).toBe(true);
          if (r.status === 'met' && r.target) expect(day(r.completed.date) <= day(r.target)).toBe(true);
          if (r.earliest) expect(day(r.completed.date) >= r.earliest).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('no result is anchored after the as-of date, and no completion is dated after it', () => {
    fc.assert(
      fc.property(caseArb(p), (c) => {
        for (const r of evaluate(p, c)) {
          if (r.kind !== 'cycle-task') expect(day(r.anchor.date) <= c.asOf, `${r.rule} anchored after as-of`).toBe(true);
          if (r.completed) expect(day(r.completed.date) <= c.asOf).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an event the procedure does not use (declared or unknown) changes no result', () => {
    fc.assert(
      fc.property(caseArb(p), fc.integer({ min: 0, max: SPAN }), fc.constantFrom('note', 'not-an-event-of-this-procedure'), (c, d, type) => {
        const before = evaluate(p, c);
        const extra = { type, date: iso(d) };
        const events = [...c.events];
        events.splice(d % (events.length + 1), 0, extra);
        const after = evaluate(p, { ...c, events });
        expect([...after]).toEqual([...before]);
      }),
      { numRuns: RUNS },
    );
  });

  it('switching traces off (trace: false) changes nothing but the traces', () => {
    fc.assert(
      fc.property(caseArb(p), (c) => {
        const record = { id: 'P', ...(c.dob ? { dateOfBirth: c.dob } : {}), events: c.events };
        const full = evaluateProcedure(p, record, { asOf: c.asOf });
        const lean = evaluateProcedure(p, record, { asOf: c.asOf, trace: false });
        const strip = (list: Result[]) => list.map(({ trace: _t, ...rest }) => rest);
        expect(strip(lean)).toEqual(strip(full));
        expect(lean.problems).toEqual(full.problems);
      }),
      { numRuns: RUNS },
    );
  });

  it('an event dated after the as-of date changes no result and no problem', () => {
    fc.assert(
      fc.property(caseArb(p), eventArb(p), fc.integer({ min: 1, max: 400 }), (c, extra, ahead) => {
        const before = evaluate(p, c);
        const asOfDay = Math.round(Date.parse(`${c.asOf}T00:00:00Z`) / 86_400_000) - DAY0;
        const later = { ...extra, date: iso(asOfDay + ahead) + extra.date.slice(10) };
        // Appended, so that the positions named in problem messages (events[i]) stay the same.
        const after = evaluate(p, { ...c, events: [...c.events, later] });
        expect([...after]).toEqual([...before]);
        expect(after.problems).toEqual(before.problems);
      }),
      { numRuns: RUNS },
    );
  });
});
