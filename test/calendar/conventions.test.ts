/**
 * Hand-worked examples of the counting conventions C1–C6
 * (spec/conventions.md). Every expected date below was worked out by hand
 * from a printed calendar and the gov.uk list; the arithmetic is written
 * beside each one. Notation: "(k)" = the k-th working day counted,
 * "[..]" = a day skipped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar, tryParseIsoDay } from '../../src/index';

type GovukEvent = { title: string; date: string; notes: string; bunting: boolean };
type GovukFile = Record<string, { division: string; events: GovukEvent[] }>;
const official: GovukFile = JSON.parse(
  readFileSync(new URL('../../src/calendar/govuk-bank-holidays.json', import.meta.url), 'utf8'),
);

const ew = createCalendar();
const scot = createCalendar({ region: 'scotland' });
const ni = createCalendar({ region: 'northern-ireland' });
const uk = createCalendar({ region: 'united-kingdom' });

describe('C2: within N working days of X (Easter 2024)', () => {
  it('the spec example: Wed 2024-03-27 + 3 WD → Wed 2024-04-03', () => {
    // Thu 28 (1), [Fri 29 Good Friday], [Sat 30, Sun 31], [Mon 1 Apr Easter Monday], Tue 2 (2), Wed 3 (3)
    expect(ew.addWorkingDays('2024-03-27', 3)).toBe('2024-04-03');
    expect(ew.add('2024-03-27', '3wd')).toBe('2024-04-03');
    expect(ew.add('2024-03-27', '+3wd')).toBe('2024-04-03');
  });
  it('smaller steps across Easter', () => {
    // Wed 27 Mar + 1: Thu 28 (1)
    expect(ew.addWorkingDays('2024-03-27', 1)).toBe('2024-03-28');
    // Wed 27 Mar + 2: Thu 28 (1), [Fri 29 GF, Sat 30, Sun 31, Mon 1 EM], Tue 2 Apr (2)
    expect(ew.addWorkingDays('2024-03-27', 2)).toBe('2024-04-02');
    // Thu 28 Mar + 1: [Fri 29 GF, Sat 30, Sun 31, Mon 1 EM], Tue 2 Apr (1)
    expect(ew.addWorkingDays('2024-03-28', 1)).toBe('2024-04-02');
  });
  it('X on a non-working day: day 1 is the first working day after X', () => {
    // Sat 30 Mar + 1: [Sun 31], [Mon 1 Apr EM], Tue 2 Apr (1)
    expect(ew.addWorkingDays('2024-03-30', 1)).toBe('2024-04-02');
    // Fri 29 Mar (Good Friday) + 1: [Sat 30, Sun 31, Mon 1 EM], Tue 2 (1)
    expect(ew.addWorkingDays('2024-03-29', 1)).toBe('2024-04-02');
    // Mon 1 Apr (Easter Monday) + 1: Tue 2 (1)
    expect(ew.addWorkingDays('2024-04-01', 1)).toBe('2024-04-02');
  });
  it('n = 0 returns the date itself, working day or not', () => {
    expect(ew.addWorkingDays('2024-03-27', 0)).toBe('2024-03-27');
    expect(ew.addWorkingDays('2024-03-30', 0)).toBe('2024-03-30'); // a Saturday, returned as is
    expect(ew.add('2024-03-29', '0wd')).toBe('2024-03-29'); // Good Friday, returned as is
  });
  it('20 working days (the CLI example): Wed 2024-03-27 + 20 WD → Fri 2024-04-26', () => {
    // Thu 28 Mar (1), [GF 29, Sat, Sun, EM 1 Apr], Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 (5),
    // Mon 8–Fri 12 (6–10), Mon 15–Fri 19 (11–15), Mon 22–Fri 26 (16–20)
    expect(ew.add('2024-03-27', '20wd')).toBe('2024-04-26');
  });
  it('a Saturday start outside holidays', () => {
    // Sat 15 Jun 2024 + 1: [Sun 16], Mon 17 (1)
    expect(ew.addWorkingDays('2024-06-15', 1)).toBe('2024-06-17');
    // Sat 15 Jun + 5: Mon 17 (1) … Fri 21 (5)
    expect(ew.addWorkingDays('2024-06-15', 5)).toBe('2024-06-21');
    // Sun 16 Jun + 1: Mon 17 (1)
    expect(ew.addWorkingDays('2024-06-16', 1)).toBe('2024-06-17');
  });
});

describe('C2 mirror: N working days before Y', () => {
  it('Wed 2024-04-03 − 3 WD → Wed 2024-03-27 (the mirror of the spec example)', () => {
    // Tue 2 Apr (1), [Mon 1 EM, Sun 31, Sat 30, Fri 29 GF], Thu 28 (2), Wed 27 (3)
    expect(ew.addWorkingDays('2024-04-03', -3)).toBe('2024-03-27');
    expect(ew.add('2024-04-03', '-3wd')).toBe('2024-03-27');
  });
  it('backwards from working and non-working days', () => {
    // Tue 2 Apr − 1: [Mon 1 EM, Sun 31, Sat 30, Fri 29 GF], Thu 28 (1)
    expect(ew.addWorkingDays('2024-04-02', -1)).toBe('2024-03-28');
    // Sun 31 Mar − 1: [Sat 30, Fri 29 GF], Thu 28 (1)
    expect(ew.addWorkingDays('2024-03-31', -1)).toBe('2024-03-28');
    // Mon 1 Apr (EM) − 1: same → Thu 28 Mar
    expect(ew.addWorkingDays('2024-04-01', -1)).toBe('2024-03-28');
    // Sat 15 Jun 2024 − 1: Fri 14 (1)
    expect(ew.addWorkingDays('2024-06-15', -1)).toBe('2024-06-14');
  });
  it('nextWorkingDay / previousWorkingDay are strict', () => {
    // after Thu 28 Mar: [GF 29, Sat 30, Sun 31, EM 1 Apr] → Tue 2 Apr
    expect(ew.nextWorkingDay('2024-03-28')).toBe('2024-04-02');
    // after Wed 27 Mar (a working day itself): Thu 28
    expect(ew.nextWorkingDay('2024-03-27')).toBe('2024-03-28');
    // before Tue 2 Apr: [EM, Sun, Sat, GF] → Thu 28 Mar
    expect(ew.previousWorkingDay('2024-04-02')).toBe('2024-03-28');
    // before Thu 28 Mar: Wed 27
    expect(ew.previousWorkingDay('2024-03-28')).toBe('2024-03-27');
  });
});

describe('workingDaysBetween: after start, up to and including end', () => {
  it('the interfaces.md examples, both directions', () => {
    // after Wed 27 Mar: Thu 28 (1), Tue 2 Apr (2), Wed 3 Apr (3)
    expect(ew.workingDaysBetween('2024-03-27', '2024-04-03')).toBe(3);
    // mirrored
    expect(ew.workingDaysBetween('2024-04-03', '2024-03-27')).toBe(-3);
  });
  it('same day and all-holiday spans are 0', () => {
    expect(ew.workingDaysBetween('2024-03-27', '2024-03-27')).toBe(0);
    expect(ew.workingDaysBetween('2024-03-30', '2024-03-30')).toBe(0);
    // after Thu 28 Mar up to Mon 1 Apr: GF 29, Sat 30, Sun 31, EM 1 — none working
    expect(ew.workingDaysBetween('2024-03-28', '2024-04-01')).toBe(0);
  });
  it('non-working start and end', () => {
    // after Sat 30 Mar up to Tue 2 Apr: [Sun 31, Mon 1 EM], Tue 2 (1)
    expect(ew.workingDaysBetween('2024-03-30', '2024-04-02')).toBe(1);
    // after Thu 28 Mar up to Tue 2 Apr: Tue 2 (1)
    expect(ew.workingDaysBetween('2024-03-28', '2024-04-02')).toBe(1);
    // after Fri 14 Jun 2024 up to Sun 16 Jun: Sat, Sun → 0
    expect(ew.workingDaysBetween('2024-06-14', '2024-06-16')).toBe(0);
    // after Sat 15 Jun up to Mon 17 Jun: Mon 17 (1)
    expect(ew.workingDaysBetween('2024-06-15', '2024-06-17')).toBe(1);
  });
  it('mirrored when end < start (both ends working days: unambiguous)', () => {
    // Tue 2 Apr back to Thu 28 Mar: one working day step (Thu 28 ↔ Tue 2)
    expect(ew.workingDaysBetween('2024-04-02', '2024-03-28')).toBe(-1);
    // Fri 21 Jun back to Mon 17 Jun: 4 working-day steps
    expect(ew.workingDaysBetween('2024-06-21', '2024-06-17')).toBe(-4);
  });
  it('mirrored = −workingDaysBetween(end, start) (interpretation of "mirrored", see report)', () => {
    // workingDaysBetween(Sat 15 Jun, Mon 17 Jun) = 1 (Mon 17), so the mirror (Mon 17 → Sat 15) is −1
    expect(ew.workingDaysBetween('2024-06-17', '2024-06-15')).toBe(-1);
  });
  it('a whole year: 2024 in England and Wales has 254 working days', () => {
    // 2024: 366 days starting Mon 1 Jan → 52 full weeks (260 weekdays) + Mon 30, Tue 31 Dec = 262 weekdays;
    // minus 8 weekday bank holidays (1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug, 25 Dec, 26 Dec) = 254.
    // after Mon 1 Jan (itself a holiday, so excluding it changes nothing) up to Tue 31 Dec → 254
    expect(ew.workingDaysBetween('2024-01-01', '2024-12-31')).toBe(254);
    expect(ew.workingDaysBetween('2024-12-31', '2024-01-01')).toBe(-254);
  });
});

describe('Christmas substitute days', () => {
  it('2021: 25/26 Dec on Sat/Sun → Mon 27 and Tue 28 substitute; 1 Jan 2022 Sat → Mon 3 Jan', () => {
    expect(ew.isWorkingDay('2021-12-25')).toBe(false);
    expect(ew.isWorkingDay('2021-12-27')).toBe(false);
    expect(ew.isWorkingDay('2021-12-28')).toBe(false);
    expect(ew.isWorkingDay('2021-12-29')).toBe(true);
    expect(ew.isWorkingDay('2022-01-03')).toBe(false);
    // Fri 24 Dec 2021 + 1: [Sat 25, Sun 26, Mon 27 sub, Tue 28 sub], Wed 29 (1)
    expect(ew.addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    // Fri 24 Dec + 5: Wed 29 (1), Thu 30 (2), Fri 31 (3), [Sat 1, Sun 2, Mon 3 Jan sub], Tue 4 (4), Wed 5 (5)
    expect(ew.addWorkingDays('2021-12-24', 5)).toBe('2022-01-05');
    expect(ew.workingDaysBetween('2021-12-24', '2022-01-05')).toBe(5);
  });
  it('2022: 25 Dec Sun → Mon 26 Boxing Day, Tue 27 Christmas substitute; 1 Jan 2023 Sun → Mon 2 Jan', () => {
    // Fri 23 Dec 2022 + 1: [Sat 24, Sun 25, Mon 26, Tue 27], Wed 28 (1)
    expect(ew.addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    // Fri 23 Dec + 4: Wed 28 (1), Thu 29 (2), Fri 30 (3), [Sat 31, Sun 1, Mon 2 Jan sub], Tue 3 Jan (4)
    expect(ew.addWorkingDays('2022-12-23', 4)).toBe('2023-01-03');
    // backwards: Tue 3 Jan 2023 − 4: Fri 30 (1), Thu 29 (2), Wed 28 (3), [Tue 27, Mon 26, Sun 25, Sat 24], Fri 23 (4)
    expect(ew.addWorkingDays('2023-01-03', -4)).toBe('2022-12-23');
  });
});

describe('one-off bank holidays', () => {
  it('2022-09-19 State Funeral of Queen Elizabeth II (all regions)', () => {
    for (const c of [ew, scot, ni, uk]) expect(c.isWorkingDay('2022-09-19')).toBe(false);
    // Fri 16 Sep 2022 + 1: [Sat 17, Sun 18, Mon 19 State Funeral], Tue 20 (1)
    expect(ew.addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
  });
  it('2023-05-08 Coronation of King Charles III', () => {
    expect(ew.isWorkingDay('2023-05-08')).toBe(false);
    // Fri 28 Apr 2023 + 5: [Sat 29, Sun 30, Mon 1 May Early May], Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4),
    // [Sat 6, Sun 7, Mon 8 Coronation], Tue 9 (5)
    expect(ew.addWorkingDays('2023-04-28', 5)).toBe('2023-05-09');
  });
  it('2020-05-08 VE Day: the Early May bank holiday moved from Mon 4 May to Fri 8 May', () => {
    expect(ew.isWorkingDay('2020-05-04')).toBe(true);
    expect(ew.isWorkingDay('2020-05-08')).toBe(false);
    // Fri 1 May 2020 + 1: [Sat 2, Sun 3], Mon 4 (1) — an ordinary working day that year
    expect(ew.addWorkingDays('2020-05-01', 1)).toBe('2020-05-04');
    // Thu 7 May + 1: [Fri 8 VE Day, Sat 9, Sun 10], Mon 11 (1)
    expect(ew.addWorkingDays('2020-05-07', 1)).toBe('2020-05-11');
  });
  it('2022 Platinum Jubilee: Spring bank holiday moved to Thu 2 June, extra holiday Fri 3 June', () => {
    expect(ew.isWorkingDay('2022-05-30')).toBe(true); // the last Monday of May was a working day in 2022
    expect(ew.isWorkingDay('2022-06-02')).toBe(false);
    expect(ew.isWorkingDay('2022-06-03')).toBe(false);
    // Wed 1 Jun + 1: [Thu 2, Fri 3, Sat 4, Sun 5], Mon 6 (1)
    expect(ew.addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
    // after Fri 27 May: Mon 30 (1), Tue 31 (2), Wed 1 (3), [Thu 2, Fri 3, Sat 4, Sun 5], Mon 6 (4)
    expect(ew.workingDaysBetween('2022-05-27', '2022-06-06')).toBe(4);
  });
});

describe('C4: calendar days, weeks, months, years', () => {
  it('days and weeks', () => {
    // Tue 28 Feb 2024 + 14 d: February 2024 has 29 days, so 28 + 14 = 42 − 29 = 13 Mar
    expect(ew.add('2024-02-28', '14d')).toBe('2024-03-13');
    // Wed 27 Mar + 14 d: 27 + 14 = 41 − 31 = 10 Apr
    expect(ew.add('2024-03-27', '14d')).toBe('2024-04-10');
    // Wed 27 Mar + 2 w = + 14 d → 10 Apr
    expect(ew.add('2024-03-27', '2w')).toBe('2024-04-10');
    // Thu 22 Feb 2024 + 1 w → Thu 29 Feb (leap year)
    expect(ew.add('2024-02-22', '1w')).toBe('2024-02-29');
    // Wed 25 Dec 2024 − 14 d → Wed 11 Dec
    expect(ew.add('2024-12-25', '-14d')).toBe('2024-12-11');
    // Mon 25 Dec 2023 + 7 d → Mon 1 Jan 2024 (a bank holiday; calendar-day results are not rolled)
    expect(ew.add('2023-12-25', '7d')).toBe('2024-01-01');
  });
  it('months clamp to the last day of a shorter month', () => {
    // 31 Jan 2024 + 1 m → February 2024 has 29 days → 29 Feb
    expect(ew.add('2024-01-31', '1m')).toBe('2024-02-29');
    // 31 Jan 2023 + 1 m → February 2023 has 28 days → 28 Feb
    expect(ew.add('2023-01-31', '1m')).toBe('2023-02-28');
    // 30 Nov 2024 + 3 m → February 2025 (28 days) → 28 Feb 2025
    expect(ew.add('2024-11-30', '3m')).toBe('2025-02-28');
    // 31 Dec 2024 + 2 m → February 2025 → 28 Feb 2025
    expect(ew.add('2024-12-31', '2m')).toBe('2025-02-28');
    // 31 Mar 2024 − 1 m → February 2024 → 29 Feb
    expect(ew.add('2024-03-31', '-1m')).toBe('2024-02-29');
    // 15 May 2024 + 1 m → 15 Jun (no clamping needed)
    expect(ew.add('2024-05-15', '1m')).toBe('2024-06-15');
  });
  it('months are computed in one step from X, never chained', () => {
    // 31 Jan 2024 + 2 m → March has 31 days → 31 Mar (chained: 31 Jan → 29 Feb → 29 Mar, wrong)
    expect(ew.add('2024-01-31', '2m')).toBe('2024-03-31');
    // 31 Jan 2024 + 3 m → April has 30 days → 30 Apr (chained would give 29 Apr)
    expect(ew.add('2024-01-31', '3m')).toBe('2024-04-30');
    // 31 Jan 2024 + 12 m → 31 Jan 2025
    expect(ew.add('2024-01-31', '12m')).toBe('2025-01-31');
  });
  it('years: 29 Feb + 1 y = 28 Feb', () => {
    expect(ew.add('2024-02-29', '1y')).toBe('2025-02-28'); // 2025 is not a leap year
    expect(ew.add('2024-02-29', '4y')).toBe('2028-02-29'); // 2028 is a leap year
    expect(ew.add('2024-02-29', '-1y')).toBe('2023-02-28');
    expect(ew.add('2023-03-01', '1y')).toBe('2024-03-01');
  });
  it('calendar-day, month results are NOT rolled by default', () => {
    // Wed 27 Mar 2024 + 3 d → Sat 30 Mar, left on the Saturday
    expect(ew.add('2024-03-27', '3d')).toBe('2024-03-30');
    expect(ew.add('2024-03-27', '3d', { roll: 'none' })).toBe('2024-03-30');
    // 30 Jan 2024 + 2 m → Sat 30 Mar, left as is
    expect(ew.add('2024-01-30', '2m')).toBe('2024-03-30');
  });
  it('roll forward / backward off a weekend', () => {
    // Sat 30 Mar → forward: [Sun 31, Mon 1 Apr EM] → Tue 2 Apr
    expect(ew.add('2024-03-27', '3d', { roll: 'forward' })).toBe('2024-04-02');
    // Sat 30 Mar → backward: [Fri 29 GF] → Thu 28 Mar
    expect(ew.add('2024-03-27', '3d', { roll: 'backward' })).toBe('2024-03-28');
    expect(ew.add('2024-01-30', '2m', { roll: 'forward' })).toBe('2024-04-02');
    expect(ew.add('2024-01-30', '2m', { roll: 'backward' })).toBe('2024-03-28');
  });
  it('roll forward / backward off a bank holiday', () => {
    // Wed 11 Dec 2024 + 14 d = Wed 25 Dec (Christmas Day)
    expect(ew.add('2024-12-11', '14d')).toBe('2024-12-25');
    // forward: [Thu 26 Boxing Day] → Fri 27 Dec
    expect(ew.add('2024-12-11', '14d', { roll: 'forward' })).toBe('2024-12-27');
    // backward: Tue 24 Dec is a working day
    expect(ew.add('2024-12-11', '14d', { roll: 'backward' })).toBe('2024-12-24');
    // 25 Nov 2024 + 1 m = Wed 25 Dec → forward Fri 27 Dec
    expect(ew.add('2024-11-25', '1m', { roll: 'forward' })).toBe('2024-12-27');
  });
  it('roll leaves a working-day result alone', () => {
    // Wed 27 Mar + 1 d = Thu 28 Mar, a working day
    expect(ew.add('2024-03-27', '1d', { roll: 'forward' })).toBe('2024-03-28');
    expect(ew.add('2024-03-27', '1d', { roll: 'backward' })).toBe('2024-03-28');
  });
});

describe('C2 countStartDay: the start day counts as day 1', () => {
  // What we expect and why: with countStartDay the start day X is day 1 when X is a working day,
  // so X + N WD is the (N−1)th working day after X (X + 1 WD = X itself). When X is not a working
  // day it cannot be counted, so day 1 is the first working day after X, i.e. the same as the
  // default convention.
  it('per call, working start', () => {
    // Wed 27 Mar (1), Thu 28 (2), [GF 29, Sat 30, Sun 31, EM 1 Apr], Tue 2 Apr (3)
    expect(ew.addWorkingDays('2024-03-27', 3, { countStartDay: true })).toBe('2024-04-02');
    expect(ew.add('2024-03-27', '3wd', { countStartDay: true })).toBe('2024-04-02');
    // Wed 27 Mar (1) → Wed 27 Mar
    expect(ew.addWorkingDays('2024-03-27', 1, { countStartDay: true })).toBe('2024-03-27');
    // 20 WD counting the start: the 19th working day after Wed 27 Mar.
    // Thu 28 (1), Tue 2 Apr (2) … Fri 5 (5), Mon 8–Fri 12 (6–10), Mon 15–Fri 19 (11–15), Mon 22–Thu 25 (16–19)
    expect(ew.add('2024-03-27', '20wd', { countStartDay: true })).toBe('2024-04-25');
  });
  it('per call, non-working start: day 1 is the first working day after it', () => {
    // Sat 30 Mar cannot be day 1; [Sun 31, Mon 1 EM], Tue 2 Apr (1)
    expect(ew.addWorkingDays('2024-03-30', 1, { countStartDay: true })).toBe('2024-04-02');
    // … Tue 2 Apr (1), Wed 3 Apr (2)
    expect(ew.addWorkingDays('2024-03-30', 2, { countStartDay: true })).toBe('2024-04-03');
    // Good Friday start: Tue 2 Apr (1), Wed 3 (2), Thu 4 (3)
    expect(ew.addWorkingDays('2024-03-29', 3, { countStartDay: true })).toBe('2024-04-04');
  });
  it('per calendar, and a per-call option overrides the calendar default', () => {
    const csd = createCalendar({ countStartDay: true });
    expect(csd.addWorkingDays('2024-03-27', 3)).toBe('2024-04-02'); // as above
    expect(csd.add('2024-03-27', '3wd')).toBe('2024-04-02');
    expect(csd.addWorkingDays('2024-03-27', 3, { countStartDay: false })).toBe('2024-04-03'); // the C2 default
    // default calendar, default call: unchanged C2 rule
    expect(ew.addWorkingDays('2024-03-27', 3)).toBe('2024-04-03');
  });
  it('the trace says that the start day was counted', () => {
    const counted = ew.addDetailed('2024-03-27', '3wd', { countStartDay: true });
    const plain = ew.addDetailed('2024-03-27', '3wd');
    expect(counted.date).toBe('2024-04-02');
    expect(plain.date).toBe('2024-04-03');
    expect(counted.trace.join('\n')).toMatch(/start/i);
    expect(counted.trace.join('\n')).not.toBe(plain.trace.join('\n'));
  });
});

describe('C6: hours on the real time line (Europe/London)', () => {
  it('24h across the spring clock change: 2024-03-30T12:00 + 24h = 2024-03-31T13:00', () => {
    // clocks go forward at 01:00 GMT on Sun 31 Mar 2024: 12:00 GMT = 12:00Z; + 24h = 12:00Z 31 Mar = 13:00 BST
    expect(ew.add('2024-03-30T12:00', '24h')).toBe('2024-03-31T13:00');
  });
  it('24h across the autumn clock change: 2024-10-26T12:00 + 24h = 2024-10-27T11:00', () => {
    // clocks go back at 02:00 BST on Sun 27 Oct 2024: 12:00 BST = 11:00Z; + 24h = 11:00Z 27 Oct = 11:00 GMT
    expect(ew.add('2024-10-26T12:00', '24h')).toBe('2024-10-27T11:00');
    // + 48h = 11:00Z 28 Oct = 11:00 GMT
    expect(ew.add('2024-10-26T12:00', '48h')).toBe('2024-10-28T11:00');
  });
  it('short steps over the transition hour', () => {
    // 00:30 GMT 31 Mar = 00:30Z; + 1h = 01:30Z = 02:30 BST (01:00–02:00 wall clock does not exist)
    expect(ew.add('2024-03-31T00:30', '1h')).toBe('2024-03-31T02:30');
    // 00:30 BST 27 Oct = 23:30Z 26 Oct; + 2h = 01:30Z 27 Oct = 01:30 GMT
    expect(ew.add('2024-10-27T00:30', '2h')).toBe('2024-10-27T01:30');
  });
  it('no clock change, seconds, negative hours', () => {
    expect(ew.add('2024-06-01T09:30', '24h')).toBe('2024-06-02T09:30');
    // ':ss' only if non-zero
    expect(ew.add('2024-06-01T10:00:30', '1h')).toBe('2024-06-01T11:00:30');
    expect(ew.add('2024-06-01T10:00:00', '1h')).toBe('2024-06-01T11:00');
    // 13:00 BST 31 Mar = 12:00Z; − 24h = 12:00Z 30 Mar = 12:00 GMT
    expect(ew.add('2024-03-31T13:00', '-24h')).toBe('2024-03-30T12:00');
    // 23:00 BST Fri 31 May 2024 + 2h = 01:00 BST Sat 1 Jun (crosses midnight and a month end)
    expect(ew.add('2024-05-31T23:00', '2h')).toBe('2024-06-01T01:00');
  });
  it('an input with an offset returns London wall clock with the London offset', () => {
    // 12:00+00:00 30 Mar = 12:00Z; + 24h = 12:00Z 31 Mar = 13:00 BST (+01:00)
    expect(ew.add('2024-03-30T12:00+00:00', '24h')).toBe('2024-03-31T13:00+01:00');
    // 09:00+00:00 1 Dec (GMT) + 2h = 11:00Z = 11:00 GMT (+00:00)
    expect(ew.add('2024-12-01T09:00+00:00', '2h')).toBe('2024-12-01T11:00+00:00');
    // 09:00+02:00 1 Jul = 07:00Z; + 1h = 08:00Z = 09:00 BST (+01:00)
    expect(ew.add('2024-07-01T09:00+02:00', '1h')).toBe('2024-07-01T09:00+01:00');
  });
});

describe('Scotland', () => {
  it('2 January is a bank holiday', () => {
    expect(scot.isWorkingDay('2024-01-02')).toBe(false);
    expect(ew.isWorkingDay('2024-01-02')).toBe(true);
    // Fri 29 Dec 2023 + 1: [Sat 30, Sun 31, Mon 1 Jan, Tue 2 Jan], Wed 3 Jan (1)
    expect(scot.addWorkingDays('2023-12-29', 1)).toBe('2024-01-03');
    // England and Wales: [Sat 30, Sun 31, Mon 1 Jan], Tue 2 Jan (1)
    expect(ew.addWorkingDays('2023-12-29', 1)).toBe('2024-01-02');
  });
  it('2 January substitute days', () => {
    // 2021: Fri 1 Jan, 2 Jan on Sat → Mon 4 Jan substitute.
    // Thu 31 Dec 2020 + 1: [Fri 1, Sat 2, Sun 3, Mon 4 sub], Tue 5 Jan (1)
    expect(scot.addWorkingDays('2020-12-31', 1)).toBe('2021-01-05');
    expect(ew.addWorkingDays('2020-12-31', 1)).toBe('2021-01-04');
    // 2022: 1 Jan Sat, 2 Jan Sun → Mon 3 and Tue 4 Jan.
    // Fri 31 Dec 2021 + 1: [Sat 1, Sun 2, Mon 3, Tue 4], Wed 5 Jan (1)
    expect(scot.addWorkingDays('2021-12-31', 1)).toBe('2022-01-05');
  });
  it("St Andrew's Day substitute: 30 Nov 2024 is a Saturday → Mon 2 Dec", () => {
    expect(scot.isWorkingDay('2024-12-02')).toBe(false);
    expect(ew.isWorkingDay('2024-12-02')).toBe(true);
    // Fri 29 Nov 2024 + 1: [Sat 30, Sun 1 Dec, Mon 2 Dec sub], Tue 3 Dec (1)
    expect(scot.addWorkingDays('2024-11-29', 1)).toBe('2024-12-03');
    expect(ew.addWorkingDays('2024-11-29', 1)).toBe('2024-12-02');
    // St Andrew's Day on a weekday: Thu 30 Nov 2023
    expect(scot.isWorkingDay('2023-11-30')).toBe(false);
  });
  it('Easter Monday is a working day in Scotland', () => {
    // Wed 27 Mar 2024 + 3: Thu 28 (1), [GF 29, Sat 30, Sun 31], Mon 1 Apr (2), Tue 2 Apr (3)
    expect(scot.addWorkingDays('2024-03-27', 3)).toBe('2024-04-02');
    // Scottish summer bank holiday is the first Monday of August (5 Aug 2024), not the last (26 Aug)
    expect(scot.isWorkingDay('2024-08-05')).toBe(false);
    expect(scot.isWorkingDay('2024-08-26')).toBe(true);
  });
  it('a Scottish calendar with a closure (the interfaces.md example)', () => {
    const c = createCalendar({ region: 'scotland', closures: ['2024-12-27'] });
    // Tue 24 Dec + 1: [Wed 25, Thu 26, Fri 27 closure, Sat 28, Sun 29], Mon 30 (1)
    expect(c.addWorkingDays('2024-12-24', 1)).toBe('2024-12-30');
  });
});

describe('Northern Ireland', () => {
  it("St Patrick's Day: 17 Mar 2024 is a Sunday → Mon 18 Mar substitute", () => {
    expect(ni.isWorkingDay('2024-03-18')).toBe(false);
    expect(ew.isWorkingDay('2024-03-18')).toBe(true);
    // Fri 15 Mar + 1: [Sat 16, Sun 17, Mon 18 sub], Tue 19 (1)
    expect(ni.addWorkingDays('2024-03-15', 1)).toBe('2024-03-19');
    expect(ew.addWorkingDays('2024-03-15', 1)).toBe('2024-03-18');
    expect(ni.isWorkingDay('2023-03-17')).toBe(false); // Fri 17 Mar 2023
  });
  it('12 July (Battle of the Boyne)', () => {
    // 2024: Fri 12 Jul. Thu 11 Jul + 1: [Fri 12, Sat 13, Sun 14], Mon 15 (1)
    expect(ni.addWorkingDays('2024-07-11', 1)).toBe('2024-07-15');
    expect(ew.addWorkingDays('2024-07-11', 1)).toBe('2024-07-12');
    // 2025: 12 Jul Sat → Mon 14 Jul substitute. Fri 11 Jul + 1: [Sat 12, Sun 13, Mon 14], Tue 15 (1)
    expect(ni.isWorkingDay('2025-07-14')).toBe(false);
    expect(ni.addWorkingDays('2025-07-11', 1)).toBe('2025-07-15');
  });
});

describe('United Kingdom: the union of the three', () => {
  it('is closed on any day a region is closed', () => {
    expect(uk.isWorkingDay('2024-01-02')).toBe(false); // Scotland only
    expect(uk.isWorkingDay('2024-03-18')).toBe(false); // NI only
    expect(uk.isWorkingDay('2024-04-01')).toBe(false); // E&W and NI
    expect(uk.isWorkingDay('2024-07-12')).toBe(false); // NI only
    expect(uk.isWorkingDay('2024-08-05')).toBe(false); // Scotland only
    expect(uk.isWorkingDay('2024-08-26')).toBe(false); // E&W and NI
    expect(uk.isWorkingDay('2024-12-02')).toBe(false); // Scotland only
    expect(uk.isWorkingDay('2024-03-27')).toBe(true);
    // Fri 15 Mar 2024 + 1: [Sat 16, Sun 17, Mon 18 (NI)], Tue 19 (1)
    expect(uk.addWorkingDays('2024-03-15', 1)).toBe('2024-03-19');
    // Wed 27 Mar + 3: Thu 28 (1), [GF, Sat, Sun, EM], Tue 2 (2), Wed 3 (3)
    expect(uk.addWorkingDays('2024-03-27', 3)).toBe('2024-04-03');
  });
});

describe('C3: local changes to the calendar', () => {
  it('a council closure on 2024-12-27 moves a due date', () => {
    const c = createCalendar({ closures: ['2024-12-27'] });
    expect(c.isWorkingDay('2024-12-27')).toBe(false);
    expect(ew.isWorkingDay('2024-12-27')).toBe(true);
    // without closure: Tue 24 Dec + 1: [Wed 25, Thu 26], Fri 27 (1)
    expect(ew.addWorkingDays('2024-12-24', 1)).toBe('2024-12-27');
    // with closure: [Wed 25, Thu 26, Fri 27 closure, Sat 28, Sun 29], Mon 30 (1)
    expect(c.addWorkingDays('2024-12-24', 1)).toBe('2024-12-30');
    // after Tue 24 up to Mon 30: Fri 27 (1), Mon 30 (2) without; Mon 30 (1) with the closure
    expect(ew.workingDaysBetween('2024-12-24', '2024-12-30')).toBe(2);
    expect(c.workingDaysBetween('2024-12-24', '2024-12-30')).toBe(1);
    // a rolled calendar-day due date: Wed 11 Dec + 14 d = Wed 25 Dec → forward [26, 27 closure, 28, 29] → Mon 30
    expect(c.add('2024-12-11', '14d', { roll: 'forward' })).toBe('2024-12-30');
  });
  it('closures appear in holidays() as "Local closure" and in skipped', () => {
    const c = createCalendar({ closures: ['2024-12-27'] });
    const h = c.holidays('2024-12-24', '2024-12-31');
    expect(h.map((x) => x.date)).toEqual(['2024-12-25', '2024-12-26', '2024-12-27']);
    expect(h.find((x) => x.date === '2024-12-27')?.name).toBe('Local closure');
    const d = c.addDetailed('2024-12-24', '1wd');
    expect(d.date).toBe('2024-12-30');
    expect(d.skipped.map((s) => s.date)).toEqual(['2024-12-25', '2024-12-26', '2024-12-27']);
    expect(d.skipped[2].reason).toMatch(/closure/i);
  });
  it('extraHolidays, as strings or with a name', () => {
    const c = createCalendar({ extraHolidays: ['2024-06-14', { date: '2024-07-01', name: 'Council anniversary' }] });
    expect(c.isWorkingDay('2024-06-14')).toBe(false);
    expect(c.isWorkingDay('2024-07-01')).toBe(false);
    // Thu 13 Jun + 1: [Fri 14 extra, Sat 15, Sun 16], Mon 17 (1)
    expect(c.addWorkingDays('2024-06-13', 1)).toBe('2024-06-17');
    // Fri 28 Jun + 1: [Sat 29, Sun 30, Mon 1 Jul extra], Tue 2 Jul (1)
    expect(c.addWorkingDays('2024-06-28', 1)).toBe('2024-07-02');
    expect(c.holidays('2024-07-01', '2024-07-01').map(({ date, name }) => ({ date, name }))).toEqual([
      { date: '2024-07-01', name: 'Council anniversary' },
    ]);
    const june = c.holidays('2024-06-01', '2024-06-30');
    expect(june.map((x) => x.date)).toEqual(['2024-06-14']);
    expect(typeof june[0].name).toBe('string'); // a string extra holiday still gets some name
    expect(june[0].name.length).toBeGreaterThan(0);
  });
  it('removeHolidays', () => {
    const c = createCalendar({ removeHolidays: ['2024-12-26'] });
    expect(c.isWorkingDay('2024-12-26')).toBe(true);
    expect(c.isWorkingDay('2024-12-25')).toBe(false);
    // Tue 24 Dec + 1: [Wed 25], Thu 26 (1)
    expect(c.addWorkingDays('2024-12-24', 1)).toBe('2024-12-26');
    expect(c.holidays('2024-12-01', '2024-12-31').map((x) => x.date)).toEqual(['2024-12-25']);
  });
  it('a custom weekend (Friday and Saturday)', () => {
    const c = createCalendar({ weekend: [5, 6] });
    expect(c.isWorkingDay('2024-06-14')).toBe(false); // Fri
    expect(c.isWorkingDay('2024-06-15')).toBe(false); // Sat
    expect(c.isWorkingDay('2024-06-16')).toBe(true); // Sun
    // Thu 13 Jun + 1: [Fri 14, Sat 15], Sun 16 (1)
    expect(c.addWorkingDays('2024-06-13', 1)).toBe('2024-06-16');
    // bank holidays still apply: Thu 28 Mar + 1: [Fri 29 GF/weekend, Sat 30], Sun 31 (1)
    expect(c.addWorkingDays('2024-03-28', 1)).toBe('2024-03-31');
    // Thu 28 Mar + 2: Sun 31 (1), [Mon 1 Apr EM], Tue 2 (2)
    expect(c.addWorkingDays('2024-03-28', 2)).toBe('2024-04-02');
  });
  it('a one-day weekend (Sunday only)', () => {
    const c = createCalendar({ weekend: [7] });
    // Thu 28 Mar + 1: [Fri 29 GF], Sat 30 (1)
    expect(c.addWorkingDays('2024-03-28', 1)).toBe('2024-03-30');
    // Thu 28 Mar + 2: Sat 30 (1), [Sun 31, Mon 1 EM], Tue 2 (2)
    expect(c.addWorkingDays('2024-03-28', 2)).toBe('2024-04-02');
  });
});

describe('C3: holidaysData (a gov.uk-shaped file) replaces the bundled list for the years it covers', () => {
  const ew2027 = official['england-and-wales'].events.filter((e) => e.date.startsWith('2027-'));
  it('adds a made-up one-off holiday on Mon 7 Jun 2027', () => {
    const data = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          ...ew2027,
          { title: 'Made-up one-off bank holiday', date: '2027-06-07', notes: 'Extra bank holiday', bunting: true },
        ],
      },
    };
    const c = createCalendar({ holidaysData: data });
    expect(ew.isWorkingDay('2027-06-07')).toBe(true);
    expect(c.isWorkingDay('2027-06-07')).toBe(false);
    // Fri 4 Jun 2027 + 1: [Sat 5, Sun 6, Mon 7 made-up], Tue 8 Jun (1)
    expect(c.addWorkingDays('2027-06-04', 1)).toBe('2027-06-08');
    expect(c.holidays('2027-06-01', '2027-06-30').map(({ date, name }) => ({ date, name }))).toEqual([
      { date: '2027-06-07', name: 'Made-up one-off bank holiday' },
    ]);
    // the rest of 2027 is still there: Mon 27 Dec 2027 Christmas substitute
    expect(c.isWorkingDay('2027-12-27')).toBe(false);
    // and other years keep the bundled list: Mon 28 Dec 2026 Boxing Day substitute
    expect(c.isWorkingDay('2026-12-28')).toBe(false);
  });
  it('a Scottish calendar reads the scotland division of the file', () => {
    const sc2027 = official.scotland.events.filter((e) => e.date.startsWith('2027-'));
    const data = {
      scotland: {
        division: 'scotland',
        events: [...sc2027, { title: 'Made-up Scottish holiday', date: '2027-06-07', notes: '', bunting: true }],
      },
    };
    const c = createCalendar({ region: 'scotland', holidaysData: data });
    expect(scot.isWorkingDay('2027-06-07')).toBe(true);
    expect(c.isWorkingDay('2027-06-07')).toBe(false);
    // Fri 4 Jun 2027 + 1: [Sat 5, Sun 6, Mon 7 made-up], Tue 8 Jun (1)
    expect(c.addWorkingDays('2027-06-04', 1)).toBe('2027-06-08');
    // the rest of the Scottish 2027 list is intact: Mon 4 Jan 2027 (2 January substitute)
    expect(c.isWorkingDay('2027-01-04')).toBe(false);
  });
  it('replaces: a 2027 list without the Spring bank holiday makes Mon 31 May 2027 a working day', () => {
    const data = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: ew2027.filter((e) => e.date !== '2027-05-31'),
      },
    };
    const c = createCalendar({ holidaysData: data });
    expect(ew.isWorkingDay('2027-05-31')).toBe(false);
    expect(c.isWorkingDay('2027-05-31')).toBe(true);
    // Fri 28 May 2027 + 1: [Sat 29, Sun 30], Mon 31 (1)
    expect(c.addWorkingDays('2027-05-28', 1)).toBe('2027-05-31');
  });
});

describe('C3: years outside the official list (computed from rules)', () => {
  it('2011-04-29 Royal Wedding is a holiday (a known date-holidays gap)', () => {
    expect(ew.isWorkingDay('2011-04-29')).toBe(false);
    // Easter 2011 = Sun 24 Apr: Good Friday 22 Apr, Easter Monday 25 Apr
    expect(ew.isWorkingDay('2011-04-22')).toBe(false);
    expect(ew.isWorkingDay('2011-04-25')).toBe(false);
    // Thu 28 Apr 2011 + 1: [Fri 29 Royal Wedding, Sat 30, Sun 1 May, Mon 2 May Early May], Tue 3 May (1)
    expect(ew.addWorkingDays('2011-04-28', 1)).toBe('2011-05-03');
  });
  it('2012-05-28 is NOT a holiday: the Spring bank holiday moved to 4 June (+ 5 June Diamond Jubilee)', () => {
    expect(ew.isWorkingDay('2012-05-28')).toBe(true);
    expect(ew.isWorkingDay('2012-06-04')).toBe(false);
    expect(ew.isWorkingDay('2012-06-05')).toBe(false);
    // Fri 1 Jun 2012 + 1: [Sat 2, Sun 3, Mon 4, Tue 5], Wed 6 (1)
    expect(ew.addWorkingDays('2012-06-01', 1)).toBe('2012-06-06');
  });
  it('1999-12-31 Millennium holiday, with the 1999 Christmas and 2000 New Year substitutes', () => {
    // 25/26 Dec 1999 Sat/Sun → Mon 27, Tue 28; Fri 31 Dec Millennium; 1 Jan 2000 Sat → Mon 3 Jan
    expect(ew.isWorkingDay('1999-12-27')).toBe(false);
    expect(ew.isWorkingDay('1999-12-28')).toBe(false);
    expect(ew.isWorkingDay('1999-12-31')).toBe(false);
    expect(ew.isWorkingDay('2000-01-03')).toBe(false);
    // Thu 30 Dec 1999 + 1: [Fri 31, Sat 1, Sun 2, Mon 3 Jan], Tue 4 Jan 2000 (1)
    expect(ew.addWorkingDays('1999-12-30', 1)).toBe('2000-01-04');
  });
  it('2002 Golden Jubilee: Spring bank holiday moved to Mon 3 June, extra Tue 4 June', () => {
    expect(ew.isWorkingDay('2002-05-27')).toBe(true);
    expect(ew.isWorkingDay('2002-06-03')).toBe(false);
    expect(ew.isWorkingDay('2002-06-04')).toBe(false);
    // Fri 31 May 2002 + 1: [Sat 1, Sun 2, Mon 3, Tue 4], Wed 5 Jun (1)
    expect(ew.addWorkingDays('2002-05-31', 1)).toBe('2002-06-05');
  });
  it('1995 VE Day 50th: the Early May bank holiday moved from Mon 1 May to Mon 8 May', () => {
    expect(ew.isWorkingDay('1995-05-01')).toBe(true);
    expect(ew.isWorkingDay('1995-05-08')).toBe(false);
  });
  it('2029 Easter (Easter Sunday 1 Apr 2029)', () => {
    // Thu 29 Mar 2029 + 1: [Fri 30 GF, Sat 31, Sun 1 Apr, Mon 2 Apr EM], Tue 3 Apr (1)
    expect(ew.addWorkingDays('2029-03-29', 1)).toBe('2029-04-03');
  });
  it('2030 Christmas (Wed 25, Thu 26 Dec) with ruleBasedYears and a trace that says so', () => {
    expect(ew.isWorkingDay('2030-12-25')).toBe(false);
    expect(ew.isWorkingDay('2030-12-26')).toBe(false);
    // Tue 24 Dec 2030 + 1: [Wed 25, Thu 26], Fri 27 (1)
    const d = ew.addDetailed('2030-12-24', '1wd');
    expect(d.date).toBe('2030-12-27');
    expect(d.ruleBasedYears).toEqual([2030]);
    const trace = d.trace.join('\n');
    expect(trace).toMatch(/rule/i);
    expect(trace).toContain('2030');
  });
  it('a span from the last official year into a rule-based one', () => {
    // Fri 22 Dec 2028 + 5: [Sat 23, Sun 24, Mon 25 Xmas, Tue 26 Boxing], Wed 27 (1), Thu 28 (2), Fri 29 (3),
    // [Sat 30, Sun 31, Mon 1 Jan 2029 New Year], Tue 2 (4), Wed 3 (5)
    const d = ew.addDetailed('2028-12-22', '5wd');
    expect(d.date).toBe('2029-01-03');
    expect(d.ruleBasedYears).toEqual([2029]);
  });
  it('1999/2000 are both rule-based', () => {
    const d = ew.addDetailed('1999-12-30', '1wd');
    expect(d.date).toBe('2000-01-04');
    expect([...d.ruleBasedYears].sort()).toEqual([1999, 2000]);
  });
  it('an official-year computation reports no rule-based years', () => {
    expect(ew.addDetailed('2024-03-27', '3wd').ruleBasedYears).toEqual([]);
  });
  it('the edges of the supported range', () => {
    // Mon 1 Jan 1990 is New Year's Day
    expect(ew.isWorkingDay('1990-01-01')).toBe(false);
    // Mon 1 Jan 1990 + 1: Tue 2 Jan (1); Scotland: [Tue 2 Jan], Wed 3 Jan (1)
    expect(ew.addWorkingDays('1990-01-01', 1)).toBe('1990-01-02');
    expect(scot.addWorkingDays('1990-01-01', 1)).toBe('1990-01-03');
    // Fri 31 Dec 2100 is an ordinary working day; 25/26 Dec 2100 Sat/Sun → Mon 27, Tue 28 substitutes
    expect(ew.isWorkingDay('2100-12-31')).toBe(true);
    expect(ew.isWorkingDay('2100-12-27')).toBe(false);
    expect(ew.isWorkingDay('2100-12-28')).toBe(false);
    // Fri 24 Dec 2100 + 1: [Sat 25, Sun 26, Mon 27, Tue 28], Wed 29 (1)
    expect(ew.addWorkingDays('2100-12-24', 1)).toBe('2100-12-29');
  });
});

describe('C9: the trace explains the result', () => {
  it('the Easter example names Good Friday and Easter Monday', () => {
    const d = ew.addDetailed('2024-03-27', '3wd');
    expect(d.date).toBe('2024-04-03');
    // weekends are not listed, only holidays/closures
    expect(d.skipped.map((s) => s.date)).toEqual(['2024-03-29', '2024-04-01']);
    expect(d.skipped[0].reason).toMatch(/Good Friday/);
    expect(d.skipped[1].reason).toMatch(/Easter Monday/);
    const trace = d.trace.join('\n');
    expect(trace).toContain('Good Friday');
    expect(trace).toContain('Easter Monday');
    expect(trace).toContain('2024-03-27');
    expect(trace).toContain('2024-04-03');
  });
  it('addDetailed agrees with add for other units', () => {
    expect(ew.addDetailed('2024-01-31', '1m').date).toBe('2024-02-29');
    expect(ew.addDetailed('2024-03-27', '3d', { roll: 'forward' }).date).toBe('2024-04-02');
    expect(ew.addDetailed('2024-03-30T12:00', '24h').date).toBe('2024-03-31T13:00');
  });
  it('the arithmetic alone (addition) and its words on request (explain) are addDetailed in two steps', () => {
    // Wed 27 Mar + 3 WD: Thu 28 (1), [Fri 29 Good Friday, weekend, Mon 1 Apr Easter Monday], Tue 2 (2), Wed 3 Apr (3).
    const easter = ew.addition('2024-03-27', '3wd');
    expect(easter).toMatchObject({ from: '2024-03-27', date: '2024-04-03', day: tryParseIsoDay('2024-04-03') });
    expect(ew.explain(easter)).toEqual(ew.addDetailed('2024-03-27', '3wd'));
    // Sat 30 Mar 2024 + 3 days = Tue 2 Apr (a working day, nothing to roll); 12:00 GMT + 24 h across the change to BST → 13:00.
    for (const [date, duration] of [['2024-03-30', '3d'], ['2024-03-30T12:00', '24h'], ['2024-01-31', '1m']] as const) {
      expect(ew.explain(ew.addition(date, duration, { roll: 'forward' }))).toEqual(ew.addDetailed(date, duration, { roll: 'forward' }));
    }
    expect(ew.addition('2024-03-30T12:00', '24h')).toMatchObject({ date: '2024-03-31T13:00', day: tryParseIsoDay('2024-03-31') });
  });
  it('no skipped holidays when none are crossed', () => {
    // Mon 17 Jun 2024 + 4: Tue 18 … Fri 21; nothing skipped
    const d = ew.addDetailed('2024-06-17', '4wd');
    expect(d.date).toBe('2024-06-21');
    expect(d.skipped).toEqual([]);
  });
});

describe('immutability', () => {
  it('the calendar object is frozen', () => {
    const c = createCalendar({ closures: ['2024-12-27'] });
    expect(Object.isFrozen(c)).toBe(true);
    expect(() => {
      (c as { region: string }).region = 'scotland';
    }).toThrow();
    expect(c.region).toBe('england-and-wales');
  });
  it('mutating the option arrays after creation changes nothing', () => {
    const closures = ['2024-12-27'];
    const extra: Array<string | { date: string; name: string }> = [{ date: '2024-06-14', name: 'Extra' }];
    const remove = ['2024-12-26'];
    const weekend = [6, 7];
    const opts = { region: 'england-and-wales' as const, closures, extraHolidays: extra, removeHolidays: remove, weekend };
    const c = createCalendar(opts);
    closures.push('2024-12-30');
    closures[0] = '2024-12-23';
    (extra[0] as { date: string }).date = '2024-06-13';
    extra.push('2024-06-20');
    remove.length = 0;
    remove.push('2024-12-25');
    weekend.length = 0;
    weekend.push(1, 2);
    (opts as { region: string }).region = 'scotland';

    expect(c.region).toBe('england-and-wales');
    expect(c.isWorkingDay('2024-12-27')).toBe(false); // still closed
    expect(c.isWorkingDay('2024-12-30')).toBe(true); // not added
    expect(c.isWorkingDay('2024-12-23')).toBe(true);
    expect(c.isWorkingDay('2024-06-14')).toBe(false); // extra holiday kept
    expect(c.isWorkingDay('2024-06-13')).toBe(true);
    expect(c.isWorkingDay('2024-06-20')).toBe(true);
    expect(c.isWorkingDay('2024-12-26')).toBe(true); // still removed
    expect(c.isWorkingDay('2024-12-25')).toBe(false); // not removed
    expect(c.isWorkingDay('2024-06-17')).toBe(true); // Monday still a working day
    expect(c.isWorkingDay('2024-06-15')).toBe(false); // Saturday still weekend
    expect(c.isWorkingDay('2024-01-02')).toBe(true); // not Scotland
  });
  it('mutating holidaysData after creation changes nothing', () => {
    const events = official['england-and-wales'].events
      .filter((e) => e.date.startsWith('2027-'))
      .map((e) => ({ ...e }));
    const data = { 'england-and-wales': { division: 'england-and-wales', events } };
    const c = createCalendar({ holidaysData: data });
    events.push({ title: 'Late addition', date: '2027-06-07', notes: '', bunting: true });
    events[0].date = '2027-01-05';
    expect(c.isWorkingDay('2027-06-07')).toBe(true);
    expect(c.isWorkingDay('2027-01-05')).toBe(true);
    expect(c.isWorkingDay('2027-01-01')).toBe(false);
  });
  it('mutating a returned holidays() array does not affect later calls', () => {
    const c = createCalendar();
    const first = c.holidays('2024-12-01', '2024-12-31');
    try {
      (first[0] as { date: string }).date = '1999-01-01';
    } catch {
      /* frozen results are fine too */
    }
    try {
      first.length = 0;
    } catch {
      /* ditto */
    }
    expect(c.holidays('2024-12-01', '2024-12-31').map((h) => h.date)).toEqual(['2024-12-25', '2024-12-26']);
  });
});
