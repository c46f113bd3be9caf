/**
 * The Representations Procedure (England) Regulations 2006, reg 2, define a
 * working day themselves: any day except a Saturday, a Sunday, Christmas Day,
 * Boxing Day, Good Friday or a bank holiday. `national-complaints` counts
 * with the England and Wales calendar; this checks, for every year the
 * calendar supports, that the two give the same days:
 *
 * - Christmas Day, Boxing Day and Good Friday (Easter computed here, by the
 *   anonymous Gregorian algorithm, not by the calendar) are never working days;
 * - the bank holidays the Banking and Financial Dealings Act 1971 fixes for
 *   England and Wales (Easter Monday; the last Mondays of May and August,
 *   except the years the spring holiday was moved for a jubilee) are never
 *   working days;
 * - every other weekday the calendar does not count is one it names as a
 *   holiday, and in the years of the bundled gov.uk list, exactly the list's
 *   weekdays are not counted (read from the JSON here, not through the calendar).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/index';

const cal = createCalendar({ region: 'england-and-wales' });
const list = JSON.parse(readFileSync(new URL('../../src/calendar/govuk-bank-holidays.json', import.meta.url), 'utf8')) as Record<
  string,
  { events: { date: string }[] }
>;
const official = new Set(list['england-and-wales']!.events.map((e) => e.date));
const officialYears = new Set([...official].map((d) => Number(d.slice(0, 4))));

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** Weekday of a date, 0 = Sunday … 6 = Saturday (UTC, no time zone involved). */
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
function easter(y: number): [number, number] {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}
function shift(y: number, m: number, d: number, days: number): string {
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
function lastMonday(y: number, m: number): string {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  for (let d = last; ; d--) if (weekday(y, m, d) === 1) return iso(y, m, d);
}

/** Years in which the spring bank holiday was moved from the last Monday in May for a jubilee. */
const MOVED_SPRING = new Set([1977, 2002, 2012, 2022]);

describe('Representations Regulations 2006 reg 2 working days = the England and Wales calendar', () => {
  it('sample: Good Friday 18 Apr 2025 and Boxing Day Fri 26 Dec 2025 are not working days; Mon 29 Dec 2025 is', () => {
    expect(cal.isWorkingDay('2025-04-18')).toBe(false);
    expect(cal.isWorkingDay('2025-12-26')).toBe(false);
    expect(cal.isWorkingDay('2025-12-29')).toBe(true);
  });

  for (let year = 1990; year <= 2100; year++) {
    it(`${year}`, () => {
      const [em, ed] = easter(year);
      const goodFriday = shift(year, em, ed, -2);
      const easterMonday = shift(year, em, ed, 1);
      const excluded = [iso(year, 12, 25), iso(year, 12, 26), goodFriday];
      for (const day of excluded) expect(cal.isWorkingDay(day), `${day} (reg 2 names it)`).toBe(false);
      const statutory = [easterMonday, lastMonday(year, 8), ...(MOVED_SPRING.has(year) ? [] : [lastMonday(year, 5)])];
      for (const day of statutory) expect(cal.isWorkingDay(day), `${day} (a bank holiday under the 1971 Act)`).toBe(false);
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= new Date(Date.UTC(year, m, 0)).getUTCDate(); d++) {
          const wd = weekday(year, m, d);
          const day = iso(year, m, d);
          if (wd === 0 || wd === 6) {
            expect(cal.isWorkingDay(day), `${day} weekend`).toBe(false);
            continue;
          }
          const works = cal.isWorkingDay(day);
          if (officialYears.has(year)) expect(!works, `${day}: not a working day exactly when the gov.uk list has it`).toBe(official.has(day) || excluded.includes(day));
          if (!works) expect(cal.whyNotWorking(day), `${day} is named as a holiday`).toBeTruthy();
        }
      }
    });
  }
});
