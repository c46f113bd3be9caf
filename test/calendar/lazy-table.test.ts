/**
 * The working-day table is built lazily, one year at a time (src/calendar/table.ts).
 * These tests check that the answers do not depend on which years were built
 * first, at year and decade boundaries and at the ends of the supported range
 * (1990-01-01 … 2100-12-31), and against a day-by-day walk.
 *
 * Weekdays below were worked out from 1970-01-01, a Thursday (day 0):
 * weekday = ((days + 3) mod 7) + 1, 1 = Monday; e.g. 1990-01-01 is day 7305,
 * (7305 + 3) mod 7 = 0 → Monday; 2100-12-31 is day 47846, (47846 + 3) mod 7 = 4 → Friday.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, type CalendarOptions } from '../../src/index';
import { daysFromIso, isoFromDays } from './reference';

const FIRST = daysFromIso('1990-01-01');
const LAST = daysFromIso('2100-12-31');

describe('lazy working-day table: boundaries worked out by hand (England and Wales)', () => {
  it('across a year and decade boundary: 1999-12-30 + 1wd', () => {
    // 1999-12-30 Thursday; 12-31 Friday Millennium bank holiday; 2000-01-01 Saturday,
    // 01-02 Sunday; 01-03 Monday New Year's Day (substitute for the Saturday) → 01-04 Tuesday.
    const cal = createCalendar();
    expect(cal.addWorkingDays('1999-12-30', 1)).toBe('2000-01-04');
    expect(createCalendar().addWorkingDays('2000-01-04', -1)).toBe('1999-12-30');
    expect(createCalendar().workingDaysBetween('1999-12-30', '2000-01-04')).toBe(1);
    expect(createCalendar().workingDaysBetween('2000-01-04', '1999-12-30')).toBe(-1);
    // Both holidays are skipped by name, the two weekend days counted; 1999 and 2000 are rule-based years.
    const r = createCalendar().addDetailed('1999-12-30', '1wd');
    expect(r.skipped).toEqual([
      { date: '1999-12-31', reason: 'Millennium bank holiday' },
      { date: '2000-01-03', reason: "New Year's Day" },
    ]);
    expect(r.ruleBasedYears).toEqual([1999, 2000]);
  });

  it('across 2009/2010: 2009-12-31 + 1wd', () => {
    // 2009-12-31 Thursday; 2010-01-01 Friday New Year's Day; 01-02 Saturday, 01-03 Sunday → 01-04 Monday.
    expect(createCalendar().addWorkingDays('2009-12-31', 1)).toBe('2010-01-04');
    // Going back from 2010-01-04 Monday: 01-03, 01-02 weekend, 01-01 holiday → 2009-12-31.
    expect(createCalendar().previousWorkingDay('2010-01-04')).toBe('2009-12-31');
  });

  it('the first days of the range', () => {
    // 1990-01-01 Monday is New Year's Day; 1990-01-02 Tuesday is the first working day of the range.
    expect(createCalendar().isWorkingDay('1990-01-01')).toBe(false);
    expect(createCalendar().addWorkingDays('1990-01-01', 1)).toBe('1990-01-02');
    expect(createCalendar().workingDaysBetween('1990-01-01', '1990-01-02')).toBe(1);
    // No working day before 1990-01-02 inside the range.
    expect(() => createCalendar().addWorkingDays('1990-01-02', -1)).toThrow(/between 1990-01-01 and 2100-12-31/);
    expect(() => createCalendar().previousWorkingDay('1990-01-01')).toThrow(/between 1990-01-01 and 2100-12-31/);
  });

  it('the last days of the range', () => {
    // 2100-12-24 Friday; 12-25 Saturday, 12-26 Sunday; 12-27 Monday and 12-28 Tuesday are the
    // Christmas and Boxing Day substitutes; 12-29 Wednesday (1), 12-30 Thursday (2), 12-31 Friday (3).
    expect(createCalendar().addWorkingDays('2100-12-24', 1)).toBe('2100-12-29');
    expect(createCalendar().addWorkingDays('2100-12-24', 3)).toBe('2100-12-31');
    expect(createCalendar().workingDaysBetween('2100-12-24', '2100-12-31')).toBe(3);
    expect(() => createCalendar().addWorkingDays('2100-12-24', 4)).toThrow(/between 1990-01-01 and 2100-12-31/);
    expect(() => createCalendar().nextWorkingDay('2100-12-31')).toThrow(/between 1990-01-01 and 2100-12-31/);
  });

  it('from one end of the range to the other, whichever end is built first', () => {
    // Reference: walk every day of the range on another calendar.
    const ref = createCalendar();
    let total = 0;
    for (let d = FIRST + 1; d <= LAST; d++) if (ref.isWorkingDay(isoFromDays(d))) total++;
    // 1990-01-01 is not a working day, so the working days after it up to 2100-12-31 are all of the range's.
    expect(createCalendar().workingDaysBetween('1990-01-01', '2100-12-31')).toBe(total);
    expect(createCalendar().workingDaysBetween('2100-12-31', '1990-01-01')).toBe(-total);
    // 2100-12-31 (a working Friday) is the total-th working day after 1990-01-01, and back again to 1990-01-02.
    expect(createCalendar().addWorkingDays('1990-01-01', total)).toBe('2100-12-31');
    expect(createCalendar().addWorkingDays('2100-12-31', -(total - 1))).toBe('1990-01-02');
    expect(() => createCalendar().addWorkingDays('2100-12-31', -total)).toThrow(/between 1990-01-01 and 2100-12-31/);
    // The holidays listed over the whole range are those listed year by year.
    const byYear = [];
    for (let y = 1990; y <= 2100; y++) byYear.push(...ref.holidays(`${y}-01-01`, `${y}-12-31`));
    expect(createCalendar().holidays('1990-01-01', '2100-12-31')).toEqual(byYear);
  });
});

/** n working days from d by walking day by day on `ref` (C2, start day not counted), or undefined past the range. */
function walk(ref: ReturnType<typeof createCalendar>, d: number, n: number): string | undefined {
  let day = d;
  for (let left = Math.abs(n); left > 0; ) {
    day += n > 0 ? 1 : -1;
    if (day < FIRST || day > LAST) return undefined;
    if (ref.isWorkingDay(isoFromDays(day))) left--;
  }
  return isoFromDays(day);
}

const OPTIONS: Array<[string, CalendarOptions]> = [
  ['england-and-wales', {}],
  ['united-kingdom', { region: 'united-kingdom' }],
  // Closures at year ends (the days either side of a block boundary) and an extra holiday on 1 January.
  ['scotland with year-end closures', { region: 'scotland', closures: ['2029-12-31', '2030-01-02', '1990-01-03', '2100-12-30'], extraHolidays: ['2031-01-01'] }],
];

describe('lazy working-day table against a day-by-day walk', () => {
  // Dates near the ends of the range and near year boundaries are over-represented.
  const nearBoundary = fc.oneof(
    fc.integer({ min: FIRST, max: LAST }),
    fc.integer({ min: FIRST, max: FIRST + 40 }),
    fc.integer({ min: LAST - 40, max: LAST }),
    fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: -6, max: 6 })).map(([y, k]) =>
      Math.min(LAST, Math.max(FIRST, daysFromIso(`${y}-01-01`) + k)),
    ),
  );
  for (const [label, options] of OPTIONS) {
    const ref = createCalendar(options);
    it(`${label}: addWorkingDays and workingDaysBetween on fresh calendars`, () => {
      fc.assert(
        fc.property(nearBoundary, fc.integer({ min: -400, max: 400 }), (d, n) => {
          const iso = isoFromDays(d);
          const expected = walk(ref, d, n);
          const cal = createCalendar(options);
          if (expected === undefined) {
            expect(() => cal.addWorkingDays(iso, n)).toThrow(/between 1990-01-01 and 2100-12-31/);
            return;
          }
          expect(cal.addWorkingDays(iso, n)).toBe(expected);
          // Days strictly after the earlier up to and including the later, counted one by one.
          const e = daysFromIso(expected);
          const [lo, hi] = e >= d ? [d, e] : [e, d];
          let count = 0;
          for (let x = lo + 1; x <= hi; x++) if (ref.isWorkingDay(isoFromDays(x))) count++;
          expect(createCalendar(options).workingDaysBetween(iso, expected)).toBe(e >= d ? count : -count);
        }),
        { numRuns: 300 },
      );
    });
  }
});
