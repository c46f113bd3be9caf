/**
 * Cycle tasks: something due before (or at) occurrences of a cycle. The
 * planned date of an occurrence is the latest scheduled date recorded since
 * the previous occurrence, else the date it was held, else its due date; the
 * task is due `before` that (5 WD for the first review, 2 weeks for later
 * ones). Expected dates worked out by hand (python3 -m calendar, gov.uk list).
 * Notation: "(k)" = k-th working day counted, "[..]" = skipped.
 */
import { describe, expect, it } from 'vitest';
import { defineProcedure, type ProcedureInput } from '../../src/index';
import { cycle, cycleInput } from './procedures/test-procedures';
import { of, one, run, type Ev } from './procedures/helpers';

// Cycle: start Fri 1 Mar 2024 → 1st review due Tue 2 Apr 2024 (20 WD, see cycle.test.ts).
const START = { type: 'became-looked-after', date: '2024-03-01' };
const review = (date: string) => ({ type: 'review', date });
const scheduled = (date: string, reviewDate: string) => ({ type: 'review-scheduled', date, reviewDate });
const invited = (date: string) => ({ type: 'invitations-sent', date });
const invitations = (events: Ev[], asOf: string) => of(run(cycle, events, asOf), 'invitations');

describe('cycle-task: invitations before each review', () => {
  it('planned from a scheduled date: 5 WD before Wed 27 Mar is Wed 20 Mar; sent on it: met', () => {
    // Wed 27 Mar − 5 WD: Tue 26 (1), Mon 25 (2), Fri 22 (3), Thu 21 (4), Wed 20 Mar (5).
    const [r] = invitations([START, scheduled('2024-03-04', '2024-03-27'), invited('2024-03-20'), review('2024-03-27')], '2024-04-30');
    expect(r).toMatchObject({ kind: 'cycle-task', occurrence: 1, anchor: { date: '2024-03-27' }, due: '2024-03-20', status: 'met', completed: { event: 'invitations-sent', date: '2024-03-20' } });
  });
  it('sent a day late (Thu 21 Mar): met-late by 1 WD, 1 day', () => {
    const [r] = invitations([START, scheduled('2024-03-04', '2024-03-27'), invited('2024-03-21'), review('2024-03-27')], '2024-04-30');
    expect(r).toMatchObject({ due: '2024-03-20', status: 'met-late', breach: true, late: { workingDays: 1, days: 1 } });
  });
  it('nothing scheduled: planned on the date held, Tue 2 Apr − 5 WD over Easter = Fri 22 Mar', () => {
    // Tue 2 Apr − 5 WD: [Mon 1 Apr Easter Monday, Sun 31, Sat 30, Fri 29 Good Friday], Thu 28 (1), Wed 27 (2),
    // Tue 26 (3), Mon 25 (4), Fri 22 Mar (5).
    const on = invitations([START, invited('2024-03-22'), review('2024-04-02')], '2024-04-30');
    expect(on[0]).toMatchObject({ due: '2024-03-22', status: 'met' });
    // Sent Mon 25 Mar: [Sat 23, Sun 24], Mon 25 (1) → 1 WD; 3 days late.
    const late = invitations([START, invited('2024-03-25'), review('2024-04-02')], '2024-04-30');
    expect(late[0]).toMatchObject({ status: 'met-late', late: { workingDays: 1, days: 3 } });
  });
  it('nothing scheduled and not yet held: planned on the due date (Tue 2 Apr) → due Fri 22 Mar', () => {
    // Warning from Fri 22 Mar − 5 WD: Thu 21 (1), Wed 20 (2), Tue 19 (3), Mon 18 (4), Fri 15 Mar (5).
    expect(invitations([START], '2024-03-14')[0]).toMatchObject({ due: '2024-03-22', status: 'pending' });
    expect(invitations([START], '2024-03-15')[0]!.status).toBe('due-soon');
    expect(invitations([START], '2024-03-22')[0]!.status).toBe('due-soon');
    // As of Mon 25 Mar: 1 WD, 3 days.
    expect(invitations([START], '2024-03-25')[0]).toMatchObject({ status: 'overdue', late: { workingDays: 1, days: 3 } });
  });

  describe('later reviews: 2 weeks before', () => {
    const base = [START, scheduled('2024-03-04', '2024-03-27'), invited('2024-03-20'), review('2024-03-27')];
    it('scheduled for Tue 25 Jun → invitations due Tue 11 Jun', () => {
      // Tue 25 Jun − 14 days = Tue 11 Jun. Warning from Tue 11 Jun − 5 WD: Mon 10 (1), Fri 7 (2), Thu 6 (3),
      // Wed 5 (4), Tue 4 Jun (5).
      const events = [...base, scheduled('2024-05-01', '2024-06-25')];
      const second = (asOf: string) => invitations(events, asOf)[1]!;
      expect(second('2024-06-01')).toMatchObject({ occurrence: 2, anchor: { date: '2024-06-25' }, due: '2024-06-11', status: 'pending' });
      expect(second('2024-06-03').status).toBe('pending');
      expect(second('2024-06-04').status).toBe('due-soon');
      expect(second('2024-06-12')).toMatchObject({ status: 'overdue', late: { workingDays: 1, days: 1 } });
    });
    it('the latest scheduled date wins: rescheduled to Thu 20 Jun → due Thu 6 Jun', () => {
      const events = [...base, scheduled('2024-05-01', '2024-06-25'), scheduled('2024-05-10', '2024-06-20')];
      expect(invitations(events, '2024-06-01')[1]).toMatchObject({ anchor: { date: '2024-06-20' }, due: '2024-06-06' });
    });
    it('nothing scheduled: planned on the cycle due date Thu 27 Jun → due Thu 13 Jun', () => {
      // 2nd review due Wed 27 Mar + 3 months = Thu 27 Jun; − 14 days = Thu 13 Jun.
      expect(invitations(base, '2024-06-01')[1]).toMatchObject({ due: '2024-06-13' });
    });
    it('invitations sent after the previous review count for the next one', () => {
      const events = [...base, scheduled('2024-05-01', '2024-06-25'), invited('2024-06-10')];
      const list = invitations(events, '2024-06-30');
      expect(list.map((r) => [r.occurrence, r.due, r.status, r.completed?.date])).toEqual([
        [1, '2024-03-20', 'met', '2024-03-20'],
        [2, '2024-06-11', 'met', '2024-06-10'],
      ]);
    });
  });

  it('after a restart the first-review timing (5 WD) applies again', () => {
    // Restart Mon 3 Jun → new 1st review due Mon 1 Jul (see cycle.test.ts); nothing scheduled, so planned
    // on Mon 1 Jul; − 5 WD: Fri 28 (1), Thu 27 (2), Wed 26 (3), Tue 25 (4), Mon 24 Jun (5) → Mon 24 Jun
    // (2 weeks before would be Mon 17 Jun). Warning from Mon 24 Jun − 5 WD = Mon 17 Jun: due-soon on Thu 20 Jun.
    const events = [START, scheduled('2024-03-04', '2024-03-27'), invited('2024-03-20'), review('2024-03-27'), { type: 'care-restarted', date: '2024-06-03' }];
    const list = invitations(events, '2024-06-20');
    expect(list.map((r) => [r.occurrence, r.due, r.status])).toEqual([
      [1, '2024-03-20', 'met'],
      [1, '2024-06-24', 'due-soon'],
    ]);
  });

  it('an invitation for a later review is not taken as a (late) invitation for an earlier one', () => {
    // No invitations before the 1st review (held Wed 27 Mar; nothing scheduled → planned Wed 27 Mar, due Wed 20 Mar).
    // The 2nd review is held Tue 25 Jun (planned on it, nothing scheduled) → invitations due Tue 11 Jun,
    // and they were sent Tue 11 Jun: they belong to the 2nd review (met). The 1st review's invitations were
    // never sent: overdue (a breach), with no completion. The 3rd review is due Tue 25 Jun + 6 months =
    // Wed 25 Dec 2024 (nothing scheduled) → its invitations Wed 25 Dec − 14 days = Wed 11 Dec: pending.
    const events = [START, review('2024-03-27'), invited('2024-06-11'), review('2024-06-25')];
    const list = invitations(events, '2024-06-30');
    expect(list.map((r) => [r.occurrence, r.due, r.status, r.completed?.date])).toEqual([
      [1, '2024-03-20', 'overdue', undefined],
      [2, '2024-06-11', 'met', '2024-06-11'],
      [3, '2024-12-11', 'pending', undefined],
    ]);
  });

  it('the next review date set at a review is the plan for the NEXT review, not the one just held', () => {
    // 1st review scheduled (on Mon 4 Mar) for Wed 27 Mar, held Wed 27 Mar; at it the 2nd is scheduled for
    // Thu 27 Jun. The 1st review's invitations are due 5 WD before Wed 27 Mar = Wed 20 Mar; sent Thu 21 Mar
    // → met-late (1 WD, 1 day). The 2nd review's are due Thu 27 Jun − 14 days = Thu 13 Jun.
    const events = [START, scheduled('2024-03-04', '2024-03-27'), invited('2024-03-21'), review('2024-03-27'), scheduled('2024-03-27', '2024-06-27')];
    const list = invitations(events, '2024-06-01');
    expect(list.map((r) => [r.occurrence, r.anchor.date, r.due, r.status])).toEqual([
      [1, '2024-03-27', '2024-03-20', 'met-late'],
      [2, '2024-06-27', '2024-06-13', 'pending'],
    ]);
  });
});

describe('cycle-task: a chosen occurrence (plan agreed by the 2nd review, since the start of the cycle)', () => {
  const base = [START, review('2024-03-27')];
  it('due on the date the 2nd review was held; a plan any time since the start is met', () => {
    const r = one(run(cycle, [...base, { type: 'plan-agreed', date: '2024-04-10' }, review('2024-06-24')], '2024-06-30'), 'plan-by-second');
    expect(r).toMatchObject({ occurrence: 2, due: '2024-06-24', status: 'met', completed: { date: '2024-04-10' } });
  });
  it('a plan on the start day counts (since the cycle start, inclusive)', () => {
    const r = one(run(cycle, [...base, { type: 'plan-agreed', date: '2024-03-01' }, review('2024-06-24')], '2024-06-30'), 'plan-by-second');
    expect(r.status).toBe('met');
  });
  it('a plan the day after the 2nd review: met-late (Tue 25 Jun: 1 WD, 1 day)', () => {
    const r = one(run(cycle, [...base, review('2024-06-24'), { type: 'plan-agreed', date: '2024-06-25' }], '2024-06-30'), 'plan-by-second');
    expect(r).toMatchObject({ status: 'met-late', late: { workingDays: 1, days: 1 } });
  });
  it('2nd review not held yet: due on its due date, Thu 27 Jun', () => {
    // Warning from Thu 27 Jun − 5 WD: Wed 26 (1), Tue 25 (2), Mon 24 (3), Fri 21 (4), Thu 20 Jun (5).
    expect(one(run(cycle, base, '2024-06-01'), 'plan-by-second')).toMatchObject({ due: '2024-06-27', status: 'pending' });
  });
  it('no result while the cycle has not reached its 2nd occurrence', () => {
    expect(of(run(cycle, [START], '2024-03-20'), 'plan-by-second')).toEqual([]);
  });
});

describe('cycle-task without its own completion: the occurrence itself completes it', () => {
  it('held on the planned date: met; a day after it: met-late, though the cycle itself is met', () => {
    const on = run(cycle, [START, scheduled('2024-03-04', '2024-03-27'), review('2024-03-27')], '2024-04-30');
    expect(of(on, 'held-as-planned')[0]).toMatchObject({ due: '2024-03-27', status: 'met', completed: { event: 'review', date: '2024-03-27' } });
    // Held Thu 28 Mar: 1 WD, 1 day after the planned Wed 27 Mar; the cycle's own due date is Tue 2 Apr.
    const late = run(cycle, [START, scheduled('2024-03-04', '2024-03-27'), review('2024-03-28')], '2024-04-30');
    expect(of(late, 'held-as-planned')[0]).toMatchObject({ due: '2024-03-27', status: 'met-late', late: { workingDays: 1, days: 1 } });
    expect(of(late, 'reviews')[0]!.status).toBe('met');
  });
});

describe('cycle-task: completion.since, in the vocabulary of every rule kind', () => {
  const withSince = (ruleId: string, since: unknown): ProcedureInput => {
    const input = JSON.parse(JSON.stringify(cycleInput));
    input.rules.find((rule: { id: string }) => rule.id === ruleId).completion.since = since;
    return input;
  };
  it("'anchor' (the default) counts from the anchor of the cycle's occurrence: the previous review", () => {
    const events = [START, scheduled('2024-03-04', '2024-03-27'), invited('2024-03-20'), review('2024-03-27'), invited('2024-06-10')];
    const explicit = defineProcedure(withSince('invitations', 'anchor'));
    expect(invitations(events, '2024-06-30')).toEqual(of(run(explicit, events, '2024-06-30'), 'invitations'));
    // Sent on the anchor's own day (Fri 1 Mar, the start): it counts for the 1st review, due Wed 20 Mar as above.
    expect(of(run(explicit, [START, scheduled('2024-03-04', '2024-03-27'), invited('2024-03-01'), review('2024-03-27')], '2024-04-30'), 'invitations')[0]).toMatchObject({
      status: 'met',
      completed: { date: '2024-03-01' },
    });
  });
  it("the earlier spelling, 'previous', is refused; so is a word of another kind", () => {
    expect(() => defineProcedure(withSince('invitations', 'previous'))).toThrow(/completion\.since/);
    expect(() => defineProcedure(withSince('invitations', 'any'))).toThrow(/completion\.since/);
    expect(() => defineProcedure(withSince('invitations', '-6m'))).toThrow(/completion\.since/);
  });
});
