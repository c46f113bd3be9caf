/**
 * Repeating cycles (C8): reviews 20 working days after the start, then 3
 * months after the previous review, then every 6 months; each due from the
 * ACTUAL date of the previous occurrence. Expected dates worked out by hand
 * (python3 -m calendar, gov.uk list). Notation: "(k)" = k-th working day,
 * "[..]" = skipped.
 */
import { describe, expect, it } from 'vitest';
import { cycle } from './procedures/test-procedures';
import { of, run, type Ev } from './procedures/helpers';

const reviews = (events: Ev[], asOf: string) => of(run(cycle, events, asOf), 'reviews');
const brief = (events: Ev[], asOf: string) =>
  reviews(events, asOf).map((r) => [r.occurrence, r.anchor.event, r.anchor.date, r.due, r.status, r.completed?.date]);

// Start Fri 1 Mar 2024 + 20 WD: Mon 4 (1) … Fri 8 (5), Mon 11 – Fri 15 (6–10), Mon 18 – Fri 22 (11–15),
// Mon 25 (16), Tue 26 (17), Wed 27 (18), Thu 28 (19), [Fri 29 Good Friday, Sat 30, Sun 31,
// Mon 1 Apr Easter Monday], Tue 2 Apr (20) → 1st review due Tue 2 Apr 2024.
const START = { type: 'became-looked-after', date: '2024-03-01' };
const review = (date: string) => ({ type: 'review', date });

describe('cycle: each occurrence is due from the actual date of the previous one', () => {
  it('a late review moves the next one', () => {
    // 1st held Thu 11 Apr: after Tue 2 Apr: Wed 3 (1), Thu 4 (2), Fri 5 (3), Mon 8 (4), Tue 9 (5), Wed 10 (6),
    // Thu 11 (7) → 7 WD, 9 days late.
    // 2nd due Thu 11 Apr + 3 months = Thu 11 Jul (not 2 Jul, 3 months after the due date); held Wed 10 Jul: met.
    // 3rd due Wed 10 Jul + 6 months = Fri 10 Jan 2025; as of Tue 31 Dec 2024 it is pending
    // (warning from Fri 10 Jan − 5 WD: Thu 9 (1), Wed 8 (2), Tue 7 (3), Mon 6 (4), Fri 3 Jan (5)).
    const events = [START, review('2024-04-11'), review('2024-07-10')];
    expect(brief(events, '2024-12-31')).toEqual([
      [1, 'became-looked-after', '2024-03-01', '2024-04-02', 'met-late', '2024-04-11'],
      [2, 'review', '2024-04-11', '2024-07-11', 'met', '2024-07-10'],
      [3, 'review', '2024-07-10', '2025-01-10', 'pending', undefined],
    ]);
    const [first] = reviews(events, '2024-12-31');
    expect(first!.late).toEqual({ workingDays: 7, days: 9 });
    expect(first!.breach).toBe(true);
    expect(first!.kind).toBe('cycle');
  });

  it('the open occurrence: pending, due-soon from Fri 3 Jan 2025, overdue after Fri 10 Jan', () => {
    const events = [START, review('2024-04-11'), review('2024-07-10')];
    const third = (asOf: string) => reviews(events, asOf)[2]!;
    expect(third('2025-01-02').status).toBe('pending');
    expect(third('2025-01-03').status).toBe('due-soon');
    expect(third('2025-01-10').status).toBe('due-soon');
    // After Fri 10 Jan: [Sat 11, Sun 12], Mon 13 (1) → 1 WD; 3 days.
    expect(third('2025-01-13')).toMatchObject({ status: 'overdue', late: { workingDays: 1, days: 3 } });
  });

  it('a review on time: the next is 3 months after the review, Thu 27 Jun', () => {
    expect(brief([START, review('2024-03-27')], '2024-06-01')).toEqual([
      [1, 'became-looked-after', '2024-03-01', '2024-04-02', 'met', '2024-03-27'],
      [2, 'review', '2024-03-27', '2024-06-27', 'pending', undefined],
    ]);
  });

  it('while an occurrence is missing it is reported and nothing further is projected', () => {
    // As of Tue 30 Apr: working days after Tue 2 Apr up to 30 Apr: Wed 3 – Fri 5 (3), 8–12 (5), 15–19 (5),
    // 22–26 (5), Mon 29, Tue 30 (2) → 20 WD; 28 days.
    const list = reviews([START], '2024-04-30');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ occurrence: 1, due: '2024-04-02', status: 'overdue', late: { workingDays: 20, days: 28 } });
  });

  it('months from the actual date, clamped (C4), and a bank holiday inside the warning period', () => {
    // Start Wed 1 Nov 2023 + 20 WD: Thu 2 (1), Fri 3 (2), Mon 6 – Fri 10 (3–7), 13–17 (8–12), 20–24 (13–17),
    // Mon 27 (18), Tue 28 (19), Wed 29 Nov (20) → due Wed 29 Nov; held Thu 30 Nov: 1 WD, 1 day late.
    // 2nd: Thu 30 Nov 2023 + 3 months = 30 Feb 2024 → clamped to Thu 29 Feb 2024 (leap year); held on it: met.
    // 3rd: Thu 29 Feb 2024 + 6 months = Thu 29 Aug 2024.
    const events = [{ type: 'became-looked-after', date: '2023-11-01' }, review('2023-11-30'), review('2024-02-29')];
    expect(brief(events, '2024-08-22')).toEqual([
      [1, 'became-looked-after', '2023-11-01', '2023-11-29', 'met-late', '2023-11-30'],
      [2, 'review', '2023-11-30', '2024-02-29', 'met', '2024-02-29'],
      [3, 'review', '2024-02-29', '2024-08-29', 'due-soon', undefined],
    ]);
    // Warning from Thu 29 Aug − 5 WD: Wed 28 (1), Tue 27 (2), [Mon 26 Aug bank holiday, Sun 25, Sat 24],
    // Fri 23 (3), Thu 22 (4), Wed 21 Aug (5) → due-soon from Wed 21 Aug; Tue 20 Aug is pending.
    expect(reviews(events, '2024-08-21')[2]!.status).toBe('due-soon');
    expect(reviews(events, '2024-08-20')[2]!.status).toBe('pending');
  });

  it('a review before the start does not count; one on the start day does', () => {
    // Warning for Tue 2 Apr from − 5 WD: [Mon 1 EM, Sun, Sat, Fri 29 GF], Thu 28 (1), Wed 27 (2), Tue 26 (3),
    // Mon 25 (4), Fri 22 Mar (5): on Fri 15 Mar it is pending.
    expect(brief([review('2024-02-28'), START], '2024-03-15')).toEqual([[1, 'became-looked-after', '2024-03-01', '2024-04-02', 'pending', undefined]]);
    expect(brief([START, review('2024-03-01')], '2024-03-15')[0]).toEqual([1, 'became-looked-after', '2024-03-01', '2024-04-02', 'met', '2024-03-01']);
  });

  it('a review after the as-of date is ignored', () => {
    expect(brief([START, review('2024-03-27')], '2024-03-26')).toEqual([[1, 'became-looked-after', '2024-03-01', '2024-04-02', 'due-soon', undefined]]);
  });

  it('a second start event while a sequence is running does not restart it', () => {
    const events = [START, { type: 'became-looked-after', date: '2024-03-15' }, review('2024-03-27')];
    expect(brief(events, '2024-06-01')).toEqual([
      [1, 'became-looked-after', '2024-03-01', '2024-04-02', 'met', '2024-03-27'],
      [2, 'review', '2024-03-27', '2024-06-27', 'pending', undefined],
    ]);
  });

  it('no start event: no result', () => {
    expect(reviews([review('2024-03-27')], '2024-12-31')).toEqual([]);
  });
});

describe('cycle: restart events begin the sequence again from its first interval', () => {
  // Restart Mon 3 Jun 2024 + 20 WD (no bank holiday): Tue 4 (1) … Fri 7 (4), Mon 10 – Fri 14 (5–9),
  // Mon 17 – Fri 21 (10–14), Mon 24 – Fri 28 (15–19), Mon 1 Jul (20) → Mon 1 Jul 2024.
  const restart = { type: 'care-restarted', date: '2024-06-03' };

  it('the 2nd review of the old sequence (due Thu 27 Jun, after the restart) is not reported; numbering restarts at 1', () => {
    // Warning for Mon 1 Jul from − 5 WD: Fri 28 (1), Thu 27 (2), Wed 26 (3), Tue 25 (4), Mon 24 Jun (5).
    expect(brief([START, review('2024-03-27'), restart], '2024-06-20')).toEqual([
      [1, 'became-looked-after', '2024-03-01', '2024-04-02', 'met', '2024-03-27'],
      [1, 'care-restarted', '2024-06-03', '2024-07-01', 'pending', undefined],
    ]);
  });

  it('after the restart, 3 months from the new first review; a month due date on a Saturday is not moved', () => {
    // Held Fri 28 Jun: met. Next: Fri 28 Jun + 3 months = Sat 28 Sep 2024 (not rolled).
    // As of Mon 30 Sep: [Sun 29], Mon 30 (1) → 1 WD; 2 days.
    const list = reviews([START, review('2024-03-27'), restart, review('2024-06-28')], '2024-09-30');
    expect(list.map((r) => [r.occurrence, r.due, r.status])).toEqual([
      [1, '2024-04-02', 'met'],
      [1, '2024-07-01', 'met'],
      [2, '2024-09-28', 'overdue'],
    ]);
    expect(list[2]!.late).toEqual({ workingDays: 1, days: 2 });
  });

  it('an occurrence missing when the restart comes is overdue, measured to the restart', () => {
    // Restart Mon 15 Apr. Old 1st review due Tue 2 Apr: Wed 3 (1), Thu 4 (2), Fri 5 (3), Mon 8 (4) … Fri 12 (8),
    // Mon 15 (9) → 9 WD; 13 days.
    // New sequence: Mon 15 Apr + 20 WD: Tue 16 (1) … Fri 19 (4), Mon 22 – Fri 26 (5–9), Mon 29 (10), Tue 30 (11),
    // Wed 1 May (12), Thu 2 (13), Fri 3 (14), [Mon 6 May bank holiday], Tue 7 (15) … Fri 10 (18), Mon 13 (19),
    // Tue 14 May (20) → Tue 14 May. As of Fri 31 May: Wed 15 (1) … Fri 17 (3), Mon 20 – Fri 24 (4–8),
    // [Mon 27 May bank holiday], Tue 28 (9) … Fri 31 (12) → 12 WD; 17 days.
    const list = reviews([START, { type: 'care-restarted', date: '2024-04-15' }], '2024-05-31');
    expect(list.map((r) => [r.occurrence, r.anchor.date, r.due, r.status, r.late])).toEqual([
      [1, '2024-03-01', '2024-04-02', 'overdue', { workingDays: 9, days: 13 }],
      [1, '2024-04-15', '2024-05-14', 'overdue', { workingDays: 12, days: 17 }],
    ]);
  });
});

describe('cycle: end events stop the sequence', () => {
  it('an occurrence due after the end is not reported', () => {
    const events = [START, review('2024-03-27'), { type: 'ceased-looked-after', date: '2024-05-10' }];
    expect(brief(events, '2024-12-31')).toEqual([[1, 'became-looked-after', '2024-03-01', '2024-04-02', 'met', '2024-03-27']]);
  });
  it('an occurrence due on the end date itself is not reported', () => {
    // 2nd review due Wed 27 Mar + 3 months = Thu 27 Jun; ceased Thu 27 Jun.
    const events = [START, review('2024-03-27'), { type: 'ceased-looked-after', date: '2024-06-27' }];
    expect(reviews(events, '2024-12-31')).toHaveLength(1);
  });
  it('an occurrence missing at the end is overdue, measured to the end (Wed 10 Apr: 6 WD, 8 days)', () => {
    // After Tue 2 Apr: Wed 3 (1), Thu 4 (2), Fri 5 (3), Mon 8 (4), Tue 9 (5), Wed 10 (6); 8 days.
    const list = reviews([START, { type: 'ceased-looked-after', date: '2024-04-10' }], '2024-12-31');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ due: '2024-04-02', status: 'overdue', breach: true, late: { workingDays: 6, days: 8 } });
  });
  it('a new start after the end begins a new sequence, numbered from 1', () => {
    // Mon 1 Jul 2024 + 20 WD: Tue 2 (1) … Fri 5 (4), 8–12 (5–9), 15–19 (10–14), 22–26 (15–19), Mon 29 Jul (20).
    // Warning from Mon 29 Jul − 5 WD = Mon 22 Jul, so pending on Sat 20 Jul.
    const events = [START, review('2024-03-27'), { type: 'ceased-looked-after', date: '2024-05-10' }, { type: 'became-looked-after', date: '2024-07-01' }];
    expect(brief(events, '2024-07-20')).toEqual([
      [1, 'became-looked-after', '2024-03-01', '2024-04-02', 'met', '2024-03-27'],
      [1, 'became-looked-after', '2024-07-01', '2024-07-29', 'pending', undefined],
    ]);
  });
  it('a review after the end does not count for the ended sequence', () => {
    const events = [START, { type: 'ceased-looked-after', date: '2024-04-10' }, review('2024-04-11')];
    const [r] = reviews(events, '2024-12-31');
    expect(r!.completed).toBeUndefined();
    expect(r!.status).toBe('overdue');
  });
  it('a procedure stop event (left-authority) ends the cycle too', () => {
    const events = [START, review('2024-03-27'), { type: 'left-authority', date: '2024-05-10' }];
    expect(reviews(events, '2024-12-31')).toHaveLength(1);
  });
});
