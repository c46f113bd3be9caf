/**
 * Month and year arithmetic on day numbers (C4: same day of the month,
 * clamped to the end of a shorter month, in one step from the start), which
 * replaced luxon's `plus({ months })` on the hot path.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addMonths, formatIsoDay, fromCivil, toCivil } from '../../src/calendar/daynumber';

const iso = (y: number, m: number, d: number) => formatIsoDay(addMonths(fromCivil(y, m, d), 0));

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    // 31 Jan 2024 + 1 month: February 2024 has 29 days (leap year) → Thu 29 Feb 2024.
    expect(formatIsoDay(addMonths(fromCivil(2024, 1, 31), 1))).toBe('2024-02-29');
    // 31 Jan 2023 + 1 month: February 2023 has 28 days → Tue 28 Feb 2023.
    expect(formatIsoDay(addMonths(fromCivil(2023, 1, 31), 1))).toBe('2023-02-28');
    // 31 May 2024 + 3 months → 31 Aug 2024 (August has 31 days, no clamping).
    expect(formatIsoDay(addMonths(fromCivil(2024, 5, 31), 3))).toBe('2024-08-31');
    // 31 Mar 2024 − 1 month → 29 Feb 2024; 31 Dec 2024 + 2 months → 28 Feb 2025 (across the year end).
    expect(formatIsoDay(addMonths(fromCivil(2024, 3, 31), -1))).toBe('2024-02-29');
    expect(formatIsoDay(addMonths(fromCivil(2024, 12, 31), 2))).toBe('2025-02-28');
    // One step from the start: 31 Jan + 2 months is 31 Mar, not 29 Feb + 1 month.
    expect(formatIsoDay(addMonths(fromCivil(2024, 1, 31), 2))).toBe('2024-03-31');
    expect(iso(2024, 6, 15)).toBe('2024-06-15');
  });

  it('a year is 12 months: 29 Feb 2024 + 1 year → 28 Feb 2025, + 4 years → 29 Feb 2028', () => {
    expect(formatIsoDay(addMonths(fromCivil(2024, 2, 29), 12))).toBe('2025-02-28');
    expect(formatIsoDay(addMonths(fromCivil(2024, 2, 29), 48))).toBe('2028-02-29');
  });

  it("agrees with luxon's plus({ months }) (which the calendar used before)", () => {
    fc.assert(
      fc.property(fc.integer({ min: fromCivil(1900, 1, 1), max: fromCivil(2200, 12, 31) }), fc.integer({ min: -2400, max: 2400 }), (day, months) => {
        const { year, month, day: d } = toCivil(day);
        const dt = DateTime.fromObject({ year, month, day: d }, { zone: 'utc' }).plus({ months });
        expect(formatIsoDay(addMonths(day, months))).toBe(dt.toISODate());
      }),
      { numRuns: 2000 },
    );
  });
});
