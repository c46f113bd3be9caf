/**
 * C3: the calendar must agree, day by day, with the official gov.uk list of
 * bank holidays for every date 2012-01-01 … 2028-12-31, in every region.
 *
 * The oracle is the official file itself (the copy the package carries,
 * src/calendar/govuk-bank-holidays.json), read here as raw JSON and walked
 * independently of the library's table building, plus a plain weekday
 * computation done with integer arithmetic (no JS Date, so nothing here
 * depends on TZ).
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/index';
import { daysFromIso, isoFromDays, isoWeekday, official } from './reference';

const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

const FIRST = daysFromIso('2012-01-01');
const LAST = daysFromIso('2028-12-31');

function officialSet(region: string): Set<string> {
  return new Set(official[region].events.map((e) => e.date));
}

describe('test helpers (sanity, so the oracle itself is trustworthy)', () => {
  it('day numbers and weekdays match known calendar facts', () => {
    expect(daysFromIso('1970-01-01')).toBe(0);
    expect(isoFromDays(daysFromIso('2024-02-29'))).toBe('2024-02-29');
    expect(isoFromDays(daysFromIso('2024-02-29') + 1)).toBe('2024-03-01');
    expect(isoFromDays(daysFromIso('2023-02-28') + 1)).toBe('2023-03-01');
    expect(isoWeekday(daysFromIso('2024-03-27'))).toBe(3); // Wednesday (cal March 2024)
    expect(isoWeekday(daysFromIso('2024-03-30'))).toBe(6); // Saturday
    expect(isoWeekday(daysFromIso('2024-03-31'))).toBe(7); // Sunday
    expect(isoWeekday(daysFromIso('2012-01-01'))).toBe(7); // Sunday (hence the 2 Jan 2012 substitute day)
    expect(LAST - FIRST + 1).toBe(6210); // 17 years, 5 of them leap (2012,16,20,24,28): 17*365+5
  });
  it('reference file has the three divisions and covers 2012–2028', () => {
    for (const r of REGIONS) {
      const dates = official[r].events.map((e) => e.date).sort();
      expect(dates[0].slice(0, 4)).toBe('2012');
      expect(dates[dates.length - 1].slice(0, 4)).toBe('2028');
    }
  });
});

describe('isWorkingDay agrees with the official list for every day 2012–2028', () => {
  for (const region of REGIONS) {
    it(`${region}: zero differences`, () => {
      const cal = createCalendar({ region });
      expect(cal.region).toBe(region);
      const hols = officialSet(region);
      const differences: string[] = [];
      for (let z = FIRST; z <= LAST; z++) {
        const iso = isoFromDays(z);
        const expected = !(isoWeekday(z) >= 6 || hols.has(iso));
        const actual = cal.isWorkingDay(iso);
        if (actual !== expected) differences.push(`${iso}: expected ${expected}, got ${actual}`);
      }
      expect(differences).toEqual([]);
    });
  }

  it('england-and-wales is the default region', () => {
    const cal = createCalendar();
    expect(cal.region).toBe('england-and-wales');
    const hols = officialSet('england-and-wales');
    const differences: string[] = [];
    for (let z = FIRST; z <= LAST; z++) {
      const iso = isoFromDays(z);
      const expected = !(isoWeekday(z) >= 6 || hols.has(iso));
      if (cal.isWorkingDay(iso) !== expected) differences.push(iso);
    }
    expect(differences).toEqual([]);
  });

  it('united-kingdom is the union of the three lists: zero differences', () => {
    const cal = createCalendar({ region: 'united-kingdom' });
    expect(cal.region).toBe('united-kingdom');
    const union = new Set<string>();
    for (const r of REGIONS) for (const d of officialSet(r)) union.add(d);
    const differences: string[] = [];
    for (let z = FIRST; z <= LAST; z++) {
      const iso = isoFromDays(z);
      const expected = !(isoWeekday(z) >= 6 || union.has(iso));
      const actual = cal.isWorkingDay(iso);
      if (actual !== expected) differences.push(`${iso}: expected ${expected}, got ${actual}`);
    }
    expect(differences).toEqual([]);
  });
});

describe('holidays(from, to) returns exactly the official dates', () => {
  for (const region of REGIONS) {
    it(`${region}: every year 2012–2028, dates exact, sorted, named`, () => {
      const cal = createCalendar({ region });
      const differences: string[] = [];
      for (let y = 2012; y <= 2028; y++) {
        const expected = official[region].events
          .filter((e) => e.date.startsWith(`${y}-`))
          .map((e) => e.date)
          .sort();
        const got = cal.holidays(`${y}-01-01`, `${y}-12-31`);
        const gotDates = got.map((h) => h.date);
        if (JSON.stringify(gotDates) !== JSON.stringify(expected)) {
          differences.push(`${y}: expected ${expected.join(',')} got ${gotDates.join(',')}`);
        }
        for (const h of got) {
          if (typeof h.name !== 'string' || h.name.trim() === '') differences.push(`${h.date}: empty name`);
        }
      }
      expect(differences).toEqual([]);
    });
  }

  it('whole 2012–2028 range in one call equals the full official list (england-and-wales)', () => {
    const cal = createCalendar();
    const expected = official['england-and-wales'].events.map((e) => e.date).sort();
    expect(cal.holidays('2012-01-01', '2028-12-31').map((h) => h.date)).toEqual(expected);
  });

  it('united-kingdom: the distinct dates of a year are the union of the three lists', () => {
    const cal = createCalendar({ region: 'united-kingdom' });
    for (let y = 2012; y <= 2028; y++) {
      const union = new Set<string>();
      for (const r of REGIONS) for (const e of official[r].events) if (e.date.startsWith(`${y}-`)) union.add(e.date);
      const got = cal.holidays(`${y}-01-01`, `${y}-12-31`).map((h) => h.date);
      // sorted (non-decreasing; the union may list one date once per distinct holiday)
      expect(got).toEqual([...got].sort());
      expect([...new Set(got)]).toEqual([...union].sort());
    }
  });

  it('is inclusive at both ends and sorted', () => {
    const cal = createCalendar();
    // Good Friday Fri 29 Mar 2024 and Easter Monday Mon 1 Apr 2024 are the two ends of the range.
    expect(cal.holidays('2024-03-29', '2024-04-01').map((h) => h.date)).toEqual(['2024-03-29', '2024-04-01']);
    // One-day range on a holiday
    expect(cal.holidays('2024-12-25', '2024-12-25').map((h) => h.date)).toEqual(['2024-12-25']);
    // One-day range on an ordinary day
    expect(cal.holidays('2024-12-24', '2024-12-24')).toEqual([]);
  });

  it('names official holidays recognisably', () => {
    const cal = createCalendar();
    const byDate = new Map(cal.holidays('2024-01-01', '2024-12-31').map((h) => [h.date, h.name]));
    expect(byDate.get('2024-03-29')).toMatch(/Good Friday/);
    expect(byDate.get('2024-04-01')).toMatch(/Easter Monday/);
    expect(byDate.get('2024-12-25')).toMatch(/Christmas/);
    expect(byDate.get('2024-12-26')).toMatch(/Boxing/);
  });
});
