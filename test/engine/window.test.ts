/**
 * Window rules: an earliest and (optionally) a latest date around an anchor.
 * Completion before the window opens is met-early (a breach); no latest means
 * "not before". Expected dates worked out by hand (python3 -m calendar, gov.uk
 * list). Notation: "(k)" = k-th working day counted, "[..]" = skipped.
 */
import { describe, expect, it } from 'vitest';
import { windows } from './procedures/test-procedures';
import { of, one, run } from './procedures/helpers';

describe('window: a visit 10 to 14 days after the birth is notified', () => {
  // Mon 1 Jul 2024 + 10 days = Thu 11 Jul (opens); + 14 days = Mon 15 Jul (closes).
  const notified = { type: 'birth-notified', date: '2024-07-01' };
  const visited = (date: string) => one(run(windows, [notified, { type: 'health-visit', date }], '2024-07-31'), 'new-birth-visit');
  const open = (asOf: string) => one(run(windows, [notified], asOf), 'new-birth-visit');

  it('reports both ends of the window', () => {
    const r = visited('2024-07-12');
    expect(r.earliest).toBe('2024-07-11');
    expect(r.due).toBe('2024-07-15');
    expect(r.kind).toBe('window');
  });
  it('before the window opens: met-early, a breach', () => {
    const r = visited('2024-07-10');
    expect(r.status).toBe('met-early');
    expect(r.breach).toBe(true);
    expect(r.completed).toEqual({ event: 'health-visit', date: '2024-07-10' });
  });
  it('on the first and on the last day: met', () => {
    expect(visited('2024-07-11').status).toBe('met');
    expect(visited('2024-07-15').status).toBe('met');
    expect(visited('2024-07-15').breach).toBe(false);
  });
  it('the day after it closes: met-late (Tue 16 Jul: 1 WD, 1 day)', () => {
    expect(visited('2024-07-16')).toMatchObject({ status: 'met-late', breach: true, late: { workingDays: 1, days: 1 } });
  });
  it('not yet open: pending with its earliest date, even inside the warning period of the latest', () => {
    // Mon 15 Jul − 5 WD: Fri 12 (1), Thu 11 (2), Wed 10 (3), Tue 9 (4), Mon 8 Jul (5); Wed 10 is inside that
    // period but the window has not opened, so it is pending.
    expect(open('2024-07-05')).toMatchObject({ status: 'pending', earliest: '2024-07-11' });
    expect(open('2024-07-10').status).toBe('pending');
  });
  it('open: due-soon from the day it opens to the day it closes, overdue after', () => {
    expect(open('2024-07-11').status).toBe('due-soon');
    expect(open('2024-07-15').status).toBe('due-soon');
    expect(open('2024-07-16')).toMatchObject({ status: 'overdue', breach: true, late: { workingDays: 1, days: 1 } });
  });
  it('a visit before the birth was notified does not count', () => {
    const e = run(windows, [notified, { type: 'health-visit', date: '2024-06-30' }], '2024-07-05');
    expect(one(e, 'new-birth-visit').completed).toBeUndefined();
    expect(one(e, 'new-birth-visit').status).toBe('pending');
  });
  it('a visit after the as-of date is ignored', () => {
    const e = run(windows, [notified, { type: 'health-visit', date: '2024-07-10' }], '2024-07-09');
    expect(one(e, 'new-birth-visit').status).toBe('pending');
  });
});

describe('window: working days, with bank holidays inside the window', () => {
  // Referral Wed 27 Mar 2024. Opens + 1 WD = Thu 28 Mar.
  // Closes + 5 WD: Thu 28 (1), [Fri 29 Good Friday, Sat 30, Sun 31, Mon 1 Apr Easter Monday],
  // Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 Apr (5) → Fri 5 Apr.
  const referral = { type: 'referral', date: '2024-03-27' };
  const reviewed = (date: string) => one(run(windows, [referral, { type: 'review', date }], '2024-04-30'), 'easter-window');

  it('opens Thu 28 Mar and closes Fri 5 Apr', () => {
    const r = reviewed('2024-04-02');
    expect(r.earliest).toBe('2024-03-28');
    expect(r.due).toBe('2024-04-05');
    expect(r.status).toBe('met');
  });
  it('a review on Easter Monday (inside the window) is met', () => {
    expect(reviewed('2024-04-01').status).toBe('met');
  });
  it('a review on the referral day is before the window: met-early', () => {
    expect(reviewed('2024-03-27').status).toBe('met-early');
  });
  it('Mon 8 Apr is met-late by 1 WD, 3 days', () => {
    expect(reviewed('2024-04-08')).toMatchObject({ status: 'met-late', late: { workingDays: 1, days: 3 } });
  });
  it('on the referral day, with nothing done: pending', () => {
    expect(one(run(windows, [referral], '2024-03-27'), 'easter-window')).toMatchObject({ status: 'pending', earliest: '2024-03-28' });
  });
});

describe('window: no latest date ("not before 28 days"), requiresPrior with atLeast', () => {
  // Placement Mon 3 Jun 2024 + 28 days = Mon 1 Jul 2024.
  const placed = { type: 'placement', date: '2024-06-03' };
  const prior = { type: 'prior-assessment', date: '2024-05-01' };
  it('a check before day 28 is met-early; on day 28, met', () => {
    const at = (date: string) => one(run(windows, [prior, placed, { type: 'settled-check', date }], '2024-07-31'), 'settling-in');
    expect(at('2024-06-30')).toMatchObject({ status: 'met-early', breach: true, earliest: '2024-07-01' });
    expect(at('2024-07-01').status).toBe('met');
    expect(at('2024-07-01').due).toBeUndefined();
  });
  it('no check: pending before the window opens, met once it has opened (nothing ended it early)', () => {
    expect(one(run(windows, [prior, placed], '2024-06-30'), 'settling-in')).toMatchObject({ status: 'pending', earliest: '2024-07-01' });
    const r = one(run(windows, [prior, placed], '2024-07-01'), 'settling-in');
    expect(r.status).toBe('met');
    expect(r.breach).toBe(false);
    expect(r.completed).toBeUndefined();
  });
  it('applies only with an assessment at least a month before the placement (on or before Fri 3 May)', () => {
    // Mon 3 Jun 2024 − 1 month = Fri 3 May 2024.
    const withPrior = (date?: string) =>
      of(run(windows, [...(date ? [{ type: 'prior-assessment', date }] : []), placed], '2024-07-31'), 'settling-in');
    expect(withPrior()).toEqual([]);
    expect(withPrior('2024-05-03')).toHaveLength(1);
    expect(withPrior('2024-05-04')).toEqual([]);
    expect(withPrior('2024-06-03')).toEqual([]);
    expect(withPrior('2024-06-04')).toEqual([]);
  });
});

describe('window: the latest date rolled forward over Christmas', () => {
  // Review Wed 11 Dec 2024: opens + 7 days = Wed 18 Dec; closes + 14 days = Wed 25 Dec (Christmas Day)
  // → roll forward: [Thu 26 Boxing Day], Fri 27 Dec 2024.
  const review = { type: 'review', date: '2024-12-11' };
  const followed = (date: string) => one(run(windows, [review, { type: 'follow-up', date }], '2025-01-31'), 'follow-up-window');
  it('closes Fri 27 Dec', () => {
    expect(followed('2024-12-27')).toMatchObject({ earliest: '2024-12-18', due: '2024-12-27', status: 'met' });
  });
  it('Sat 28 Dec is met-late by 0 WD, 1 day; Mon 30 Dec by 1 WD, 3 days', () => {
    expect(followed('2024-12-28')).toMatchObject({ status: 'met-late', late: { workingDays: 0, days: 1 } });
    expect(followed('2024-12-30')).toMatchObject({ status: 'met-late', late: { workingDays: 1, days: 3 } });
  });
  it('closing on New Year’s Day rolls to Thu 2 Jan 2025', () => {
    // Review Wed 18 Dec 2024 + 14 days = Wed 1 Jan 2025 (New Year's Day) → Thu 2 Jan 2025.
    const r = one(run(windows, [{ type: 'review', date: '2024-12-18' }], '2024-12-31'), 'follow-up-window');
    expect(r.due).toBe('2025-01-02');
  });
});
