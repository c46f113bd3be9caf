import { describe, expect, it } from 'vitest';
import { readInputDate } from '../../src/io/dates';
import { isoDayKey, NO_SUCH_DAY } from '../../src/io/events-csv';

/** What `readInputDate` answers for `text` in `iso`, with and without times, as `isoDayKey` claims to. */
function expected(text: string): number {
  const withTime = readInputDate(text, 'iso', { time: true });
  const without = readInputDate(text, 'iso', { time: false });
  if (without.ok !== withTime.ok) expect(without.ok, text).toBe(withTime.ok);
  if (!withTime.ok) return NO_SUCH_DAY;
  if (withTime.date !== text || (without.ok && without.date) !== text) expect([withTime.date, without.ok && without.date], text).toEqual([text, text]);
  return Number(text.slice(0, 4)) * 10000 + Number(text.slice(5, 7)) * 100 + Number(text.slice(8, 10));
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isoDayKey: the same answer as readInputDate for every YYYY-MM-DD', () => {
  // Every month 00..13 and day 00..32 of every year of one 400-year Gregorian cycle (2000..2399: 2000 is a
  // leap year, 2100, 2200 and 2300 are not), and of the years at the ends and round centuries of 0000..9999.
  const years = [...Array.from({ length: 400 }, (_, i) => 2000 + i), 0, 1, 4, 100, 400, 1600, 1700, 1900, 1999, 9996, 9999];
  it('agrees on every day, month and year of the shape', () => {
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const got = isoDayKey(Buffer.from(text), 0);
          const want = expected(text);
          if (got !== want) expect(got, text).toBe(want);
        }
      }
    }
  });

  it('knows the days that exist by hand', () => {
    expect(isoDayKey(Buffer.from('2024-02-29'), 0)).toBe(20240229); // 2024 = 4 × 506, not a century: leap
    expect(isoDayKey(Buffer.from('2100-02-29'), 0)).toBe(NO_SUCH_DAY); // 2100 = 100 × 21, not 400 × k: common
    expect(isoDayKey(Buffer.from('2000-02-29'), 0)).toBe(20000229); // 2000 = 400 × 5: leap
    expect(isoDayKey(Buffer.from('2024-04-31'), 0)).toBe(NO_SUCH_DAY); // April has 30 days
    expect(isoDayKey(Buffer.from('x2024-03-27'), 1)).toBe(20240327); // read from `from`
  });

  it('says -1 for other shapes, which readInputDate is asked about instead', () => {
    for (const text of ['2024/03/27', '2024-3-270', '20240-3-27', '2024-03-2a', ' 024-03-27', '2024-0:-27', '2024-03-/7', '２024-03-2']) {
      expect(isoDayKey(Buffer.from(text).subarray(0, 10), 0), text).toBe(-1);
    }
  });
});
