/**
 * Deadline rules (conventions C2, C4, C6, C7). Every expected date was worked
 * out by hand on a printed calendar (python3 -m calendar) and the gov.uk
 * England and Wales list: 2024 bank holidays used here are Fri 29 Mar (Good
 * Friday), Mon 1 Apr (Easter Monday), Mon 6 May, Mon 27 May, Mon 26 Aug,
 * 25/26 Dec. Notation: "(k)" = the k-th working day counted, "[..]" = skipped.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar, defineProcedure, type ProcedureInput } from '../../src/index';
import { anchors, anchorsInput, deadlines, deadlinesInput } from './procedures/test-procedures';
import { of, one, run } from './procedures/helpers';

// Wed 20 Mar 2024 + 10 WD: Thu 21 (1), Fri 22 (2), [Sat 23, Sun 24], Mon 25 (3), Tue 26 (4), Wed 27 (5),
// Thu 28 (6), [Fri 29 Good Friday, Sat 30, Sun 31, Mon 1 Apr Easter Monday], Tue 2 (7), Wed 3 (8),
// Thu 4 (9), Fri 5 Apr (10) → due Fri 5 Apr 2024.
const REFERRAL = { type: 'referral', date: '2024-03-20' };
const VISIT_DUE = '2024-04-05';

describe('deadline: status at the as-of date (C7), visit within 10 WD of a referral', () => {
  it('the due date crosses Easter: Wed 20 Mar + 10 WD → Fri 5 Apr', () => {
    const r = one(run(deadlines, [REFERRAL], '2024-03-20'), 'visit');
    expect(r.due).toBe(VISIT_DUE);
    expect(r.anchor).toEqual({ event: 'referral', date: '2024-03-20' });
    expect(r.occurrence).toBe(1);
    expect(r.kind).toBe('deadline');
    expect(r.caseId).toBe('C');
    expect(r.procedure).toBe('test-deadlines');
    expect(r.profile).toBe('default');
    expect(r.source.document).toBe('Engine test fixture (not a real procedure)');
    expect(r.trace.join('\n')).toContain('2024-03-29');
    expect(r.trace.join('\n')).toContain('2024-04-01');
  });

  it('a visit on the due date itself is met', () => {
    const r = one(run(deadlines, [REFERRAL, { type: 'visit', date: '2024-04-05' }], '2024-04-30'), 'visit');
    expect(r.status).toBe('met');
    expect(r.breach).toBe(false);
    expect(r.completed).toEqual({ event: 'visit', date: '2024-04-05' });
    expect(r.late).toBeUndefined();
  });

  it('a visit the day after the due date is met-late (Sat 6 Apr: 0 WD, 1 calendar day late)', () => {
    // Working days after Fri 5 Apr up to Sat 6 Apr: none (Saturday) → 0; calendar days 6 − 5 = 1.
    const r = one(run(deadlines, [REFERRAL, { type: 'visit', date: '2024-04-06' }], '2024-04-30'), 'visit');
    expect(r.status).toBe('met-late');
    expect(r.breach).toBe(true);
    expect(r.late).toEqual({ workingDays: 0, days: 1 });
  });

  it('a visit on Mon 8 Apr is met-late by 1 WD and 3 days', () => {
    // After Fri 5: [Sat 6, Sun 7], Mon 8 (1) → 1 WD; 8 − 5 = 3 days.
    const r = one(run(deadlines, [REFERRAL, { type: 'visit', date: '2024-04-08' }], '2024-04-30'), 'visit');
    expect(r.status).toBe('met-late');
    expect(r.late).toEqual({ workingDays: 1, days: 3 });
  });

  it('the due-soon window opens 5 WD before the due date (Wed 27 Mar), not a day earlier', () => {
    // Fri 5 Apr − 5 WD: Thu 4 (1), Wed 3 (2), Tue 2 (3), [Mon 1 EM, Sun 31, Sat 30, Fri 29 GF],
    // Thu 28 (4), Wed 27 Mar (5) → warning from Wed 27 Mar.
    expect(one(run(deadlines, [REFERRAL], '2024-03-26'), 'visit').status).toBe('pending');
    expect(one(run(deadlines, [REFERRAL], '2024-03-27'), 'visit').status).toBe('due-soon');
    expect(one(run(deadlines, [REFERRAL], '2024-04-05'), 'visit').status).toBe('due-soon');
  });

  it('the day after the due date, no visit: overdue (measured to the as-of date)', () => {
    const sat = one(run(deadlines, [REFERRAL], '2024-04-06'), 'visit');
    expect(sat.status).toBe('overdue');
    expect(sat.breach).toBe(true);
    expect(sat.late).toEqual({ workingDays: 0, days: 1 });
    // After Fri 5: Mon 8 (1), Tue 9 (2), Wed 10 (3), Thu 11 (4), Fri 12 (5), Mon 15 (6); 15 − 5 = 10 days.
    const later = one(run(deadlines, [REFERRAL], '2024-04-15'), 'visit');
    expect(later.late).toEqual({ workingDays: 6, days: 10 });
    expect(later.completed).toBeUndefined();
  });

  it('a pending result is not a breach and has no lateness', () => {
    const r = one(run(deadlines, [REFERRAL], '2024-03-20'), 'visit');
    expect(r.status).toBe('pending');
    expect(r.breach).toBe(false);
    expect(r.late).toBeUndefined();
  });

  it('dueSoonWithin changes the warning window: 2 WD before Fri 5 Apr is Wed 3 Apr', () => {
    // Fri 5 − 2 WD: Thu 4 (1), Wed 3 (2).
    expect(one(run(deadlines, [REFERRAL], '2024-04-02', { dueSoonWithin: '2wd' }), 'visit').status).toBe('pending');
    expect(one(run(deadlines, [REFERRAL], '2024-04-03', { dueSoonWithin: '2wd' }), 'visit').status).toBe('due-soon');
  });

  it('dueSoonWithin in calendar units: 1 week before Fri 5 Apr is Fri 29 Mar; 0 days is the due date only', () => {
    expect(one(run(deadlines, [REFERRAL], '2024-03-28', { dueSoonWithin: '1w' }), 'visit').status).toBe('pending');
    expect(one(run(deadlines, [REFERRAL], '2024-03-29', { dueSoonWithin: '1w' }), 'visit').status).toBe('due-soon');
    expect(one(run(deadlines, [REFERRAL], '2024-04-04', { dueSoonWithin: '0d' }), 'visit').status).toBe('pending');
    expect(one(run(deadlines, [REFERRAL], '2024-04-05', { dueSoonWithin: '0d' }), 'visit').status).toBe('due-soon');
  });

  it('countStartDay (C2 option, here as an override): the referral day is day 1 → Thu 4 Apr', () => {
    // Wed 20 (1), Thu 21 (2), Fri 22 (3), Mon 25 (4), Tue 26 (5), Wed 27 (6), Thu 28 (7), [Fri 29 GF, Sat 30,
    // Sun 31, Mon 1 Apr EM], Tue 2 (8), Wed 3 (9), Thu 4 Apr (10).
    const r = one(run(deadlines, [REFERRAL], '2024-03-20', { overrides: { visit: { timing: { countStartDay: true } } } }), 'visit');
    expect(r.due).toBe('2024-04-04');
    expect(r.trace.join('\n')).toContain('start day counted');
    expect(one(run(deadlines, [REFERRAL], '2024-03-20'), 'visit').trace.join('\n')).toContain('start day not counted');
  });

  it('events dated after the as-of date are ignored', () => {
    const events = [REFERRAL, { type: 'visit', date: '2024-04-04' }];
    const before = one(run(deadlines, events, '2024-04-03'), 'visit');
    expect(before.status).toBe('due-soon');
    expect(before.completed).toBeUndefined();
    expect(one(run(deadlines, events, '2024-04-04'), 'visit').status).toBe('met');
    // A late visit (Mon 8 Apr) is not yet known on the due date Fri 5 Apr.
    const late = [REFERRAL, { type: 'visit', date: '2024-04-08' }];
    expect(one(run(deadlines, late, '2024-04-05'), 'visit').status).toBe('due-soon');
  });

  it('an anchor after the as-of date gives no result; on the as-of date it does', () => {
    expect(of(run(deadlines, [REFERRAL], '2024-03-19'), 'visit')).toEqual([]);
    expect(of(run(deadlines, [REFERRAL], '2024-03-20'), 'visit')).toHaveLength(1);
  });

  it('the same referral recorded twice is one occurrence (a duplicate); two distinct referrals that day are two', () => {
    // Same-day anchors of different alternatives merge (see anyOf below); two distinct events of the same
    // type on one day are two occurrences (the engine's rule since the "emergency and planned placement" change).
    const dup = run(deadlines, [REFERRAL, { ...REFERRAL }], '2024-03-21');
    expect(of(dup, 'visit')).toHaveLength(1);
    const two = run(deadlines, [REFERRAL, { type: 'referral', date: '2024-03-20', source: 'police' }], '2024-03-21');
    expect(of(two, 'visit').map((r) => [r.occurrence, r.due])).toEqual([
      [1, '2024-04-05'],
      [2, '2024-04-05'],
    ]);
  });

  it('C7: each anchor takes the first completing event on or after it; one event may complete two anchors', () => {
    // Occurrence 2: Mon 25 Mar + 10 WD: Tue 26 (1), Wed 27 (2), Thu 28 (3), [29 GF .. 1 Apr EM], Tue 2 (4),
    // Wed 3 (5), Thu 4 (6), Fri 5 (7), Mon 8 (8), Tue 9 (9), Wed 10 Apr (10) → Wed 10 Apr.
    // Occurrence 3: Wed 3 Apr + 10 WD: Thu 4 (1), Fri 5 (2), Mon 8 (3), Tue 9 (4), Wed 10 (5), Thu 11 (6),
    // Fri 12 (7), Mon 15 (8), Tue 16 (9), Wed 17 Apr (10) → Wed 17 Apr.
    // The first visit on or after Wed 20 Mar and on or after Mon 25 Mar is Tue 26 Mar (listed out of order):
    // it completes both. The first on or after Wed 3 Apr is Mon 8 Apr.
    const events = [
      REFERRAL,
      { type: 'referral', date: '2024-03-25' },
      { type: 'referral', date: '2024-04-03' },
      { type: 'visit', date: '2024-04-08' },
      { type: 'visit', date: '2024-03-26' },
    ];
    const [a, b, c] = of(run(deadlines, events, '2024-04-30'), 'visit');
    expect(a).toMatchObject({ occurrence: 1, due: VISIT_DUE, status: 'met', completed: { date: '2024-03-26' } });
    expect(b).toMatchObject({ occurrence: 2, anchor: { date: '2024-03-25' }, due: '2024-04-10', status: 'met', completed: { date: '2024-03-26' } });
    expect(c).toMatchObject({ occurrence: 3, anchor: { date: '2024-04-03' }, due: '2024-04-17', status: 'met', completed: { date: '2024-04-08' } });
  });

  it('one visit for two referrals completes both: late for the first, on time for the second', () => {
    // Occurrence 1: Mon 8 Apr is 1 WD, 3 days after Fri 5 Apr → met-late.
    // Occurrence 2 (Mon 25 Mar) is due Wed 10 Apr; the first visit on or after 25 Mar is Mon 8 Apr,
    // on or before Wed 10 Apr → met, no lateness.
    const events = [REFERRAL, { type: 'referral', date: '2024-03-25' }, { type: 'visit', date: '2024-04-08' }];
    const [a, b] = of(run(deadlines, events, '2024-04-30'), 'visit');
    expect(a).toMatchObject({ status: 'met-late', late: { workingDays: 1, days: 3 }, completed: { date: '2024-04-08' } });
    expect(b).toMatchObject({ due: '2024-04-10', status: 'met', completed: { date: '2024-04-08' } });
    expect(b!.late).toBeUndefined();
  });
});

describe('deadline: the calendar in use, and date-times with an offset (C1, C3)', () => {
  it('Scotland: Easter Monday is a working day → Wed 20 Mar + 10 WD = Thu 4 Apr', () => {
    // Wed 20 Mar: Thu 21 (1), Fri 22 (2), Mon 25 (3), Tue 26 (4), Wed 27 (5), Thu 28 (6), [Fri 29 Good Friday,
    // Sat 30, Sun 31], Mon 1 Apr (7), Tue 2 (8), Wed 3 (9), Thu 4 Apr (10).
    const r = one(run(deadlines, [REFERRAL], '2024-03-20', { calendar: createCalendar({ region: 'scotland' }) }), 'visit');
    expect(r.due).toBe('2024-04-04');
    expect(r.calendar).toMatch(/Scotland/);
  });
  it('a local closure day is skipped: closed Tue 2 Apr → Mon 8 Apr', () => {
    // Thu 21 (1) … Thu 28 (6), [Fri 29 GF … Mon 1 Apr EM], [Tue 2 Apr closed], Wed 3 (7), Thu 4 (8), Fri 5 (9),
    // [Sat 6, Sun 7], Mon 8 Apr (10).
    const r = one(run(deadlines, [REFERRAL], '2024-03-20', { calendar: createCalendar({ closures: ['2024-04-02'] }) }), 'visit');
    expect(r.due).toBe('2024-04-08');
  });
  it('a date-time with an offset is placed on its London day: 2024-06-30T23:30Z is 00:30 BST on Mon 1 Jul', () => {
    // Mon 1 Jul + 10 WD: Tue 2 (1) … Fri 5 (4), Mon 8 – Fri 12 (5–9), Mon 15 Jul (10).
    const referral = { type: 'referral', date: '2024-06-30T23:30Z' };
    expect(of(run(deadlines, [referral], '2024-06-30'), 'visit')).toEqual([]);
    const r = one(run(deadlines, [referral], '2024-07-01'), 'visit');
    expect(r.due).toBe('2024-07-15');
  });
});

describe('deadline: two tiers (target 2 WD, limit 5 WD)', () => {
  // Wed 20 Mar + 2 WD: Thu 21 (1), Fri 22 (2) → target Fri 22 Mar.
  // Wed 20 Mar + 5 WD: Thu 21 (1), Fri 22 (2), Mon 25 (3), Tue 26 (4), Wed 27 (5) → limit Wed 27 Mar.
  const done = (date: string) => one(run(deadlines, [REFERRAL, { type: 'assessment', date }], '2024-04-30'), 'assessment');
  const open = (asOf: string) => one(run(deadlines, [REFERRAL], asOf), 'assessment');

  it('reports both dates', () => {
    const r = done('2024-03-22');
    expect(r.target).toBe('2024-03-22');
    expect(r.due).toBe('2024-03-27');
  });
  it('on the target: met', () => expect(done('2024-03-22').status).toBe('met'));
  it('after the target, within the limit: met-after-target, not a breach', () => {
    for (const d of ['2024-03-25', '2024-03-27']) {
      const r = done(d);
      expect(r.status, d).toBe('met-after-target');
      expect(r.breach, d).toBe(false);
    }
  });
  it('after the limit: met-late (Thu 28 Mar: 1 WD, 1 day)', () => {
    const r = done('2024-03-28');
    expect(r.status).toBe('met-late');
    expect(r.breach).toBe(true);
    expect(r.late).toEqual({ workingDays: 1, days: 1 });
  });
  it('open: due-soon up to the target, past-target up to the limit, then overdue', () => {
    expect(open('2024-03-22').status).toBe('due-soon');
    expect(open('2024-03-25').status).toBe('past-target');
    expect(open('2024-03-25').breach).toBe(false);
    expect(open('2024-03-27').status).toBe('past-target');
    expect(open('2024-03-28')).toMatchObject({ status: 'overdue', breach: true, late: { workingDays: 1, days: 1 } });
  });
});

describe('deadline: silence means agreement (deemed-met)', () => {
  // Mon 22 Apr 2024 + 5 WD: Tue 23 (1), Wed 24 (2), Thu 25 (3), Fri 26 (4), Mon 29 Apr (5) → due Mon 29 Apr.
  const asked = { type: 'manager-asked', date: '2024-04-22' };
  it('a response by the due date is met', () => {
    const r = one(run(deadlines, [asked, { type: 'manager-response', date: '2024-04-29' }], '2024-05-31'), 'manager-agreement');
    expect(r.due).toBe('2024-04-29');
    expect(r.status).toBe('met');
  });
  it('no response: due-soon on the due date, deemed-met the day after, never a breach', () => {
    expect(one(run(deadlines, [asked], '2024-04-29'), 'manager-agreement').status).toBe('due-soon');
    const r = one(run(deadlines, [asked], '2024-04-30'), 'manager-agreement');
    expect(r.status).toBe('deemed-met');
    expect(r.breach).toBe(false);
  });
  it('a response after the due date is still deemed-met (the response is recorded)', () => {
    const r = one(run(deadlines, [asked, { type: 'manager-response', date: '2024-05-02' }], '2024-05-31'), 'manager-agreement');
    expect(r.status).toBe('deemed-met');
    expect(r.breach).toBe(false);
    expect(r.completed).toEqual({ event: 'manager-response', date: '2024-05-02' });
  });
});

describe('deadline: a step with no timescale (open)', () => {
  const assessed = { type: 'assessment', date: '2024-03-27' };
  it('is pending with the working days it has been open', () => {
    // Wed 27 Mar → Fri 12 Apr: Thu 28 (1), [29 GF, 30, 31, 1 EM], Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 (5),
    // Mon 8 (6), Tue 9 (7), Wed 10 (8), Thu 11 (9), Fri 12 (10) → 10.
    const r = one(run(deadlines, [assessed], '2024-04-12'), 'plan');
    expect(r.status).toBe('pending');
    expect(r.breach).toBe(false);
    expect(r.due).toBeUndefined();
    expect(r.openWorkingDays).toBe(10);
  });
  it('is open 0 working days on its anchor date', () => {
    expect(one(run(deadlines, [assessed], '2024-03-27'), 'plan').openWorkingDays).toBe(0);
  });
  it('is met once done, with no due date', () => {
    const r = one(run(deadlines, [assessed, { type: 'plan', date: '2024-04-10' }], '2024-04-12'), 'plan');
    expect(r.status).toBe('met');
    expect(r.due).toBeUndefined();
  });
  it('the earlier spelling, timing: {}, reads as within: null', () => {
    const input = JSON.parse(JSON.stringify(deadlinesInput)) as ProcedureInput & { rules: Array<{ id: string; timing: unknown }> };
    input.rules.find((rule) => rule.id === 'plan')!.timing = {};
    const older = defineProcedure(input);
    // The same 10 working days open as above (Wed 27 Mar → Fri 12 Apr).
    expect(one(run(older, [assessed], '2024-04-12'), 'plan')).toMatchObject({ status: 'pending', openWorkingDays: 10 });
    expect(run(older, [assessed], '2024-04-12')).toEqual(run(deadlines, [assessed], '2024-04-12'));
  });
  it('a caller can set a local target (override): 5 WD → Fri 5 Apr, overdue on 12 Apr', () => {
    // Wed 27 Mar + 5 WD: Thu 28 (1), Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 Apr (5).
    // Late at Fri 12 Apr: Mon 8 (1) … Fri 12 (5) → 5 WD; 12 − 5 = 7 days.
    const r = one(run(deadlines, [assessed], '2024-04-12', { overrides: { plan: { timing: { within: '5wd' } } } }), 'plan');
    expect(r.due).toBe('2024-04-05');
    expect(r).toMatchObject({ status: 'overdue', late: { workingDays: 5, days: 7 } });
  });
});

describe('deadline: conditions on the anchor event, cancelledBy', () => {
  // Mon 3 Jun 2024 + 15 WD (no bank holiday in June 2024): Tue 4 (1), Wed 5 (2), Thu 6 (3), Fri 7 (4),
  // Mon 10 (5) … Fri 14 (9), Mon 17 (10) … Fri 21 (14), Mon 24 Jun (15) → due Mon 24 Jun.
  const sd = (s47: boolean | string | undefined) => ({ type: 'strategy-discussion', date: '2024-06-03', ...(s47 === undefined ? {} : { s47 }) });

  it('a strategy discussion that starts s47: ICPC due Mon 24 Jun, met on 20 Jun', () => {
    const r = one(run(deadlines, [sd(true), { type: 'icpc', date: '2024-06-20' }], '2024-06-30'), 'icpc');
    expect(r.due).toBe('2024-06-24');
    expect(r.status).toBe('met');
  });
  it('no s47 (false, or absent with default false): no ICPC rule', () => {
    expect(of(run(deadlines, [sd(false)], '2024-06-30'), 'icpc')).toEqual([]);
    expect(of(run(deadlines, [sd(undefined)], '2024-06-30'), 'icpc')).toEqual([]);
  });
  it('s47 "yes" from a CSV cell is read as true', () => {
    expect(one(run(deadlines, [sd('yes')], '2024-06-30'), 'icpc').due).toBe('2024-06-24');
  });
  it('icpc-not-required before any ICPC cancels the occurrence', () => {
    expect(of(run(deadlines, [sd(true), { type: 'icpc-not-required', date: '2024-06-10' }], '2024-06-30'), 'icpc')).toEqual([]);
  });
  it('icpc-not-required after the ICPC was held does not undo it', () => {
    const e = run(deadlines, [sd(true), { type: 'icpc', date: '2024-06-20' }, { type: 'icpc-not-required', date: '2024-06-25' }], '2024-06-30');
    expect(one(e, 'icpc').status).toBe('met');
  });
  it('icpc-not-required after the as-of date does not cancel yet: overdue on Tue 25 Jun (1 WD, 1 day)', () => {
    const e = run(deadlines, [sd(true), { type: 'icpc-not-required', date: '2024-06-26' }], '2024-06-25');
    expect(one(e, 'icpc')).toMatchObject({ status: 'overdue', late: { workingDays: 1, days: 1 } });
  });
});

describe('deadline: unless (on or before the due date)', () => {
  // Wed 20 Mar + 5 WD → Wed 27 Mar (see the two tiers above).
  const withUnknown = (date: string, asOf = '2024-04-02') =>
    of(run(deadlines, [REFERRAL, { type: 'parents-unknown', date }], asOf), 'contact-parents');
  it('parents untraceable before or on the due date: the rule does not apply', () => {
    expect(withUnknown('2024-03-26')).toEqual([]);
    expect(withUnknown('2024-03-27')).toEqual([]);
    expect(withUnknown('2024-01-10')).toEqual([]);
  });
  it('untraceable only after the due date: the rule applies (overdue at Tue 2 Apr: 2 WD, 6 days)', () => {
    // After Wed 27 Mar: Thu 28 (1), [29 GF, 30, 31, 1 EM], Tue 2 Apr (2); 6 calendar days.
    const [r] = withUnknown('2024-03-28');
    expect(r).toMatchObject({ due: '2024-03-27', status: 'overdue', late: { workingDays: 2, days: 6 } });
  });
});

describe('deadline: requiresPrior (an earlier plan at least 3 months before)', () => {
  // Referral Wed 20 Mar 2024 − 3 months = Wed 20 Dec 2023 (the latest date the earlier plan may have).
  // Due: Wed 20 Mar + 20 WD: … Fri 5 Apr (10), Mon 8 (11) … Fri 12 (15), Mon 15 (16) … Fri 19 Apr (20).
  const withPrior = (date?: string) =>
    of(run(deadlines, [REFERRAL, ...(date ? [{ type: 'previous-plan', date }] : [])], '2024-04-01'), 'repeat-referral');
  it('a plan exactly 3 months before: applies, due Fri 19 Apr', () => {
    const [r] = withPrior('2023-12-20');
    expect(r?.due).toBe('2024-04-19');
  });
  it('a plan 1 day less than 3 months before, or none: does not apply', () => {
    expect(withPrior('2023-12-21')).toEqual([]);
    expect(withPrior()).toEqual([]);
  });
});

describe('deadline: due at a date recorded on the anchor event (dueAt attribute)', () => {
  const listed = (extra: Record<string, string>) => ({ type: 'hearing-listed', date: '2024-05-01', ...extra });
  it('due on the hearing date: met on it, met-late the day after', () => {
    const met = one(run(deadlines, [listed({ hearingDate: '2024-05-20' }), { type: 'statement-filed', date: '2024-05-20' }], '2024-05-31'), 'court-statement');
    expect(met).toMatchObject({ due: '2024-05-20', status: 'met' });
    const late = one(run(deadlines, [listed({ hearingDate: '2024-05-20' }), { type: 'statement-filed', date: '2024-05-21' }], '2024-05-31'), 'court-statement');
    expect(late).toMatchObject({ status: 'met-late', late: { workingDays: 1, days: 1 } });
  });
  it('no hearing date recorded: an open step (no due date)', () => {
    // Wed 1 May → Fri 10 May: Thu 2 (1), Fri 3 (2), [Mon 6 May bank holiday], Tue 7 (3), Wed 8 (4), Thu 9 (5), Fri 10 (6).
    const r = one(run(deadlines, [listed({})], '2024-05-10'), 'court-statement');
    expect(r.due).toBeUndefined();
    expect(r.status).toBe('pending');
    expect(r.openWorkingDays).toBe(6);
  });
  it('a hearing date that does not exist (2024-02-30): a data problem naming it, and an open step', () => {
    const e = run(deadlines, [listed({ hearingDate: '2024-02-30' })], '2024-05-10');
    expect(e.problems).toContainEqual(expect.objectContaining({ code: 'invalid-attribute', value: '2024-02-30' }));
    expect(one(e, 'court-statement').due).toBeUndefined();
  });
});

describe('deadline: a procedure stop event (case-closed)', () => {
  const closed = { type: 'case-closed', date: '2024-03-28' };
  it('an open occurrence due after the stop is not reported', () => {
    expect(of(run(deadlines, [REFERRAL, closed], '2024-04-30'), 'visit')).toEqual([]);
  });
  it('an occurrence due before the stop is overdue, measured to the stop date (Wed 27 → Thu 28 Mar: 1 WD, 1 day)', () => {
    const r = one(run(deadlines, [REFERRAL, closed], '2024-04-30'), 'assessment');
    expect(r).toMatchObject({ due: '2024-03-27', status: 'overdue', late: { workingDays: 1, days: 1 } });
  });
  it('a completed occurrence is still reported', () => {
    expect(one(run(deadlines, [REFERRAL, { type: 'visit', date: '2024-03-26' }, closed], '2024-04-30'), 'visit').status).toBe('met');
  });
  it('an anchor after the stop gives no result', () => {
    const e = run(deadlines, [closed, { type: 'referral', date: '2024-04-08' }], '2024-04-30');
    expect(of(e, 'visit')).toEqual([]);
    expect(of(e, 'assessment')).toEqual([]);
  });
});

describe('deadline: 24 hours on the real time line (C6), date-time events', () => {
  // Clocks go forward at 01:00 GMT on Sun 31 Mar 2024: Sat 30 Mar 12:00 GMT + 24 h = Sun 31 Mar 12:00 GMT
  // = 13:00 BST. A wall-clock reading (+1 day, same time) would give 12:00 and call 12:30 late.
  const arrest = { type: 'arrest', date: '2024-03-30T12:00' };
  const aa = (date: string) => one(run(anchors, [arrest, { type: 'appropriate-adult', date }], '2024-04-30'), 'appropriate-adult');
  it('due 2024-03-31T13:00 across the spring clock change', () => {
    const r = aa('2024-03-31T12:30');
    expect(r.due).toBe('2024-03-31T13:00');
    expect(r.anchor).toEqual({ event: 'arrest', date: '2024-03-30T12:00' });
    expect(r.status).toBe('met');
    expect(r.completed).toEqual({ event: 'appropriate-adult', date: '2024-03-31T12:30' });
  });
  it('at 13:00 exactly: met; at 13:01: met-late', () => {
    expect(aa('2024-03-31T13:00').status).toBe('met');
    expect(aa('2024-03-31T13:01').status).toBe('met-late');
  });
  it('autumn: Sat 26 Oct 2024 12:00 BST + 24 h = Sun 27 Oct 11:00 GMT', () => {
    // Clocks go back at 02:00 BST on Sun 27 Oct 2024: 24 elapsed hours end at 11:00 wall clock.
    const e = (date: string) =>
      one(run(anchors, [{ type: 'arrest', date: '2024-10-26T12:00' }, { type: 'appropriate-adult', date }], '2024-10-31'), 'appropriate-adult');
    expect(e('2024-10-27T11:00')).toMatchObject({ due: '2024-10-27T11:00', status: 'met' });
    expect(e('2024-10-27T11:30').status).toBe('met-late');
  });
  it('with no attendance: due-soon the day before, overdue once the due day has ended', () => {
    expect(one(run(anchors, [arrest], '2024-03-30'), 'appropriate-adult').status).toBe('due-soon');
    expect(one(run(anchors, [arrest], '2024-03-31'), 'appropriate-adult').status).toBe('overdue');
    expect(one(run(anchors, [arrest], '2024-04-01'), 'appropriate-adult').status).toBe('overdue');
  });
  it('an arrest recorded without a time gets the benefit of the doubt: the end of the next day', () => {
    const r = one(run(anchors, [{ type: 'arrest', date: '2024-03-30' }, { type: 'appropriate-adult', date: '2024-03-31T20:00' }], '2024-04-30'), 'appropriate-adult');
    expect(r.due).toBe('2024-03-31');
    expect(r.status).toBe('met');
  });
});

describe('deadline anchors: anyOf, rule anchors (conditional triggers), firstOf, firstAfter, add', () => {
  // Wed 3 Apr 2024 + 5 WD: Thu 4 (1), Fri 5 (2), Mon 8 (3), Tue 9 (4), Wed 10 Apr (5) → visit due Wed 10 Apr.
  const referral = { type: 'referral', date: '2024-04-03' };

  it('anyOf: a referral and a self-referral each start an occurrence', () => {
    // Fri 5 Apr + 5 WD: Mon 8 (1), Tue 9 (2), Wed 10 (3), Thu 11 (4), Fri 12 Apr (5).
    // C7: the first visit on or after Wed 3 Apr and on or after Fri 5 Apr is Tue 9 Apr: it completes both.
    const e = run(anchors, [referral, { type: 'self-referral', date: '2024-04-05' }, { type: 'visit', date: '2024-04-09' }, { type: 'visit', date: '2024-04-12' }], '2024-04-30');
    const [a, b] = of(e, 'visit');
    expect(a).toMatchObject({ anchor: { event: 'referral', date: '2024-04-03' }, due: '2024-04-10', status: 'met', completed: { date: '2024-04-09' } });
    expect(b).toMatchObject({ anchor: { event: 'self-referral', date: '2024-04-05' }, due: '2024-04-12', status: 'met', completed: { date: '2024-04-09' } });
  });
  it('anyOf: both on the same day are one occurrence', () => {
    expect(of(run(anchors, [referral, { type: 'self-referral', date: '2024-04-03' }], '2024-04-04'), 'visit')).toHaveLength(1);
  });

  it('a visit on time: the report rule fires from the visit date, the escalation does not', () => {
    // Report: Tue 9 Apr + 1 WD = Wed 10 Apr.
    const e = run(anchors, [referral, { type: 'visit', date: '2024-04-09' }, { type: 'visit-report', date: '2024-04-10' }], '2024-04-30');
    expect(one(e, 'visit').status).toBe('met');
    expect(one(e, 'visit-report')).toMatchObject({ anchor: { date: '2024-04-09' }, due: '2024-04-10', status: 'met' });
    expect(of(e, 'escalation')).toEqual([]);
  });
  it('completed by a phone call (not a visit): no report is due', () => {
    const e = run(anchors, [referral, { type: 'phone-contact', date: '2024-04-09' }], '2024-04-30');
    expect(one(e, 'visit').completed?.event).toBe('phone-contact');
    expect(of(e, 'visit-report')).toEqual([]);
  });
  it('a late visit fires the escalation from the visit due date: Wed 10 Apr + 2 WD = Fri 12 Apr', () => {
    // Thu 11 (1), Fri 12 (2).
    const e = run(anchors, [referral, { type: 'visit', date: '2024-04-11' }, { type: 'escalation-review', date: '2024-04-12' }], '2024-04-30');
    expect(one(e, 'visit').status).toBe('met-late');
    expect(one(e, 'escalation')).toMatchObject({ anchor: { date: '2024-04-10' }, due: '2024-04-12', status: 'met' });
    // and the report from the (late) visit: Thu 11 + 1 WD = Fri 12 Apr, not written → overdue on 30 Apr.
    expect(one(e, 'visit-report')).toMatchObject({ due: '2024-04-12', status: 'overdue' });
  });
  it('an overdue visit fires the escalation; a visit still due-soon does not', () => {
    const overdue = run(anchors, [referral], '2024-04-11');
    expect(one(overdue, 'visit').status).toBe('overdue');
    expect(one(overdue, 'escalation')).toMatchObject({ due: '2024-04-12', status: 'due-soon' });
    const dueSoon = run(anchors, [referral], '2024-04-10');
    expect(one(dueSoon, 'visit').status).toBe('due-soon');
    expect(of(dueSoon, 'escalation')).toEqual([]);
  });

  it('firstOf: the referral when there is no strategy discussion', () => {
    // Wed 3 Apr + 10 WD: Thu 4 (1), Fri 5 (2), Mon 8 (3) … Fri 12 (7), Mon 15 (8), Tue 16 (9), Wed 17 Apr (10).
    const r = one(run(anchors, [referral], '2024-04-05'), 'assessment');
    expect(r).toMatchObject({ anchor: { event: 'referral', date: '2024-04-03' }, due: '2024-04-17' });
  });
  it('firstOf: the strategy discussion when there is one (and only it)', () => {
    // Mon 8 Apr + 10 WD: Tue 9 (1) … Fri 12 (4), Mon 15 (5) … Fri 19 (9), Mon 22 Apr (10).
    const r = one(run(anchors, [referral, { type: 'strategy-discussion', date: '2024-04-08' }], '2024-04-09'), 'assessment');
    expect(r).toMatchObject({ anchor: { event: 'strategy-discussion', date: '2024-04-08' }, due: '2024-04-22' });
  });

  it('firstAfter: only the first placement of each episode; since "any" lets an earlier plan count (once)', () => {
    // Wed 1 May + 5 WD: Thu 2 (1), Fri 3 (2), [Mon 6 May bank holiday], Tue 7 (3), Wed 8 (4), Thu 9 May (5).
    // Mon 3 Jun + 5 WD: Tue 4 (1), Wed 5 (2), Thu 6 (3), Fri 7 (4), Mon 10 Jun (5).
    // since "any": no lower bound, so the plan of Tue 30 Apr completes occurrence 1 (met, before Thu 9 May).
    // For occurrence 2 (anchor Mon 3 Jun) 30 Apr is before the anchor and already completed occurrence 1,
    // so it does not count again; the next plan, Mon 10 Jun, is on the due date (Mon 10 Jun) → met.
    const e = run(
      anchors,
      [
        { type: 'episode-start', date: '2024-05-01' },
        { type: 'placement', date: '2024-05-01' },
        { type: 'placement', date: '2024-05-20' },
        { type: 'episode-start', date: '2024-06-03' },
        { type: 'placement', date: '2024-06-03' },
        { type: 'placement-plan', date: '2024-04-30' },
        { type: 'placement-plan', date: '2024-06-10' },
      ],
      '2024-06-30',
    );
    const list = of(e, 'placement-plan');
    expect(list.map((r) => [r.anchor.date, r.due, r.status, r.completed?.date])).toEqual([
      ['2024-05-01', '2024-05-09', 'met', '2024-04-30'],
      ['2024-06-03', '2024-06-10', 'met', '2024-06-10'],
    ]);
  });
  it('firstAfter with no episode start at all: the first placement only', () => {
    const e = run(anchors, [{ type: 'placement', date: '2024-05-01' }, { type: 'placement', date: '2024-05-20' }], '2024-06-30');
    expect(of(e, 'placement-plan').map((r) => r.anchor.date)).toEqual(['2024-05-01']);
  });

  it('add: an anchor 9 months after the order; due a month later', () => {
    // Thu 30 Nov 2023 + 9 months = Fri 30 Aug 2024; + 1 month = Mon 30 Sep 2024.
    const order = { type: 'order-made', date: '2023-11-30' };
    const r = one(run(anchors, [order, { type: 'permanence-review', date: '2024-09-30' }], '2024-10-31'), 'permanence');
    expect(r).toMatchObject({ anchor: { date: '2024-08-30' }, due: '2024-09-30', status: 'met' });
    expect(r.anchor.event).toContain('order-made');
    // Not yet 9 months old on Thu 29 Aug 2024: no result.
    expect(of(run(anchors, [order], '2024-08-29'), 'permanence')).toEqual([]);
  });
  it('add: a review before the shifted anchor does not count (overdue Tue 1 Oct: 1 WD, 1 day)', () => {
    const e = run(anchors, [{ type: 'order-made', date: '2023-11-30' }, { type: 'permanence-review', date: '2024-08-29' }], '2024-10-01');
    expect(one(e, 'permanence')).toMatchObject({ status: 'overdue', late: { workingDays: 1, days: 1 } });
  });
  it('add with month clamping; a calendar-month due date on a bank holiday is not moved (C4)', () => {
    // Wed 31 May 2023 + 9 months = 31 Feb 2024 → clamped to Thu 29 Feb 2024 (leap year);
    // + 1 month = Fri 29 Mar 2024 (Good Friday), not rolled.
    const r = one(run(anchors, [{ type: 'order-made', date: '2023-05-31' }], '2024-03-01'), 'permanence');
    expect(r.anchor.date).toBe('2024-02-29');
    expect(r.due).toBe('2024-03-29');
  });

  it('sameAs: a stage is completed only by the same stage', () => {
    // Stage 1 Mon 3 Jun + 10 days = Thu 13 Jun; stage 2 Wed 5 Jun + 10 days = Sat 15 Jun.
    const e = run(
      anchors,
      [
        { type: 'stage-start', date: '2024-06-03', stage: 1 },
        { type: 'stage-start', date: '2024-06-05', stage: '2' },
        { type: 'stage-done', date: '2024-06-06', stage: 2 },
        { type: 'stage-done', date: '2024-06-13', stage: 1 },
      ],
      '2024-06-30',
    );
    expect(of(e, 'stage-review').map((r) => [r.due, r.status, r.completed?.date])).toEqual([
      ['2024-06-13', 'met', '2024-06-13'],
      ['2024-06-15', 'met', '2024-06-06'],
    ]);
  });

  it('unless on or before the anchor: an opt-out before (or on) the referral switches the letter off', () => {
    // Wed 3 Apr + 3 WD: Thu 4 (1), Fri 5 (2), Mon 8 Apr (3).
    const letter = (optOut: string) => of(run(anchors, [referral, { type: 'opt-out', date: optOut }], '2024-04-30'), 'welcome-letter');
    expect(letter('2024-04-02')).toEqual([]);
    expect(letter('2024-04-03')).toEqual([]);
    expect(letter('2024-04-04').map((r) => r.due)).toEqual(['2024-04-08']);
  });
});

describe('deadline: ages (C5), cap, dueAt age, whileActive', () => {
  // Born Mon 31 Jan 2022: 24 months → Wed 31 Jan 2024. + 8 months = 31 Sep → clamped Mon 30 Sep 2024.
  // Cap: 30 months → Wed 31 Jul 2024, − 1 day → Tue 30 Jul 2024, earlier than 30 Sep → due Tue 30 Jul 2024.
  const dob = '2022-01-31';
  it('anchored on the 2nd birthday, capped at the day before 30 months', () => {
    const r = one(run(anchors, [{ type: 'dev-check', date: '2024-07-30' }], '2024-08-31', { dateOfBirth: dob }), 'age-check');
    expect(r.anchor.date).toBe('2024-01-31');
    expect(r.due).toBe('2024-07-30');
    expect(r.status).toBe('met');
  });
  it('the day after the cap: met-late (Wed 31 Jul: 1 WD, 1 day)', () => {
    const r = one(run(anchors, [{ type: 'dev-check', date: '2024-07-31' }], '2024-08-31', { dateOfBirth: dob }), 'age-check');
    expect(r).toMatchObject({ status: 'met-late', late: { workingDays: 1, days: 1 } });
  });
  it('the cap applies only when it is earlier: within 3 months → Tue 30 Apr 2024 (31 Jan + 3 m, clamped)', () => {
    const r = one(run(anchors, [], '2024-02-01', { dateOfBirth: dob, overrides: { 'age-check': { timing: { within: '3m' } } } }), 'age-check');
    expect(r.due).toBe('2024-04-30');
  });
  it('since −1 month: a check from Sun 31 Dec 2023 counts, one on Sat 30 Dec does not', () => {
    const ok = one(run(anchors, [{ type: 'dev-check', date: '2023-12-31' }], '2024-02-01', { dateOfBirth: dob }), 'age-check');
    expect(ok).toMatchObject({ status: 'met', completed: { date: '2023-12-31' } });
    // Not counted; as of Thu 1 Aug: after Tue 30 Jul: Wed 31 (1), Thu 1 Aug (2); 2 days.
    const e = run(anchors, [{ type: 'dev-check', date: '2023-12-30' }], '2024-08-01', { dateOfBirth: dob });
    expect(one(e, 'age-check')).toMatchObject({ status: 'overdue', late: { workingDays: 2, days: 2 } });
  });
  it("'cycle-start' is a cycle-task's word for since: a deadline refuses it, naming the field", () => {
    const input = JSON.parse(JSON.stringify(anchorsInput));
    input.rules.find((rule: { id: string }) => rule.id === 'age-check').completion.since = 'cycle-start';
    expect(() => defineProcedure(input)).toThrow(/completion\.since/);
  });
  it('no result before the 2nd birthday', () => {
    expect(of(run(anchors, [], '2024-01-30', { dateOfBirth: dob }), 'age-check')).toEqual([]);
    expect(of(run(anchors, [], '2024-01-31', { dateOfBirth: dob }), 'age-check')).toHaveLength(1);
  });
  it('dueAt the day before the 3rd birthday: born Tue 15 Jun 2021 → due Fri 14 Jun 2024', () => {
    const lac = { type: 'became-looked-after', date: '2024-05-01' };
    const at = (date: string) => one(run(anchors, [lac, { type: 'dev-check', date }], '2024-06-30', { dateOfBirth: '2021-06-15' }), 'before-three');
    expect(at('2024-06-14')).toMatchObject({ due: '2024-06-14', status: 'met' });
    // Sat 15 Jun: 0 WD, 1 day late.
    expect(at('2024-06-15')).toMatchObject({ status: 'met-late', late: { workingDays: 0, days: 1 } });
  });
  it('whileActive: only when looked after on the 3rd birthday (Sat 15 Jun 2024 + 20 WD = Fri 12 Jul)', () => {
    // Mon 17 Jun (1) … Fri 21 (5), Mon 24 – Fri 28 (6–10), Mon 1 – Fri 5 Jul (11–15), Mon 8 – Fri 12 Jul (16–20).
    const lac = { type: 'became-looked-after', date: '2024-05-01' };
    const active = run(anchors, [lac], '2024-06-30', { dateOfBirth: '2021-06-15' });
    expect(one(active, 'looked-after-at-3')).toMatchObject({ anchor: { date: '2024-06-15' }, due: '2024-07-12' });
    const ceased = run(anchors, [lac, { type: 'ceased-looked-after', date: '2024-06-01' }], '2024-06-30', { dateOfBirth: '2021-06-15' });
    expect(of(ceased, 'looked-after-at-3')).toEqual([]);
    expect(of(run(anchors, [], '2024-06-30', { dateOfBirth: '2021-06-15' }), 'looked-after-at-3')).toEqual([]);
  });
});
