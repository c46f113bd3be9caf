import { describe, expect, it } from 'vitest';
import { createCalendar, parseDuration, TimescalesInputError, tryParseIsoDay } from '../../src/index';

const cal = createCalendar();
const day = (iso: string) => tryParseIsoDay(iso)!;

describe('calendar.addDay and isoDate: add on day numbers', () => {
  it('gives the day of what add gives', () => {
    // 2024-03-27 (Wed) + 3wd: Thu 28, skip Fri 29 Good Friday, Sat 30, Sun 31, Mon 1 Apr Easter Monday; Tue 2, Wed 3 → 2024-04-03.
    expect(cal.isoDate(cal.addDay(day('2024-03-27'), parseDuration('3wd')))).toBe('2024-04-03');
    // 2024-01-31 + 1m: February 2024 has 29 days → clamped to 2024-02-29.
    expect(cal.isoDate(cal.addDay(day('2024-01-31'), parseDuration('1m')))).toBe('2024-02-29');
    // 2024-03-30 (Sat) + 0d rolled forward: Sun 31, Mon 1 Apr Easter Monday → Tue 2024-04-02.
    expect(cal.isoDate(cal.addDay(day('2024-03-30'), parseDuration('0d'), { roll: 'forward' }))).toBe('2024-04-02');
    for (const [date, duration] of [['2024-03-01', '20wd'], ['2023-12-20', '-5wd'], ['2024-02-29', '1y'], ['2024-06-30', '183d'], ['2024-05-10', '2w']] as const) {
      expect(cal.isoDate(cal.addDay(day(date), parseDuration(duration)))).toBe(cal.add(date, duration));
    }
  });

  it('fails as add does, naming the date', () => {
    // 1990-01-02 − 5wd falls before the table's first day, 1990-01-01.
    expect(() => cal.addDay(day('1990-01-02'), parseDuration('-5wd'))).toThrow(TimescalesInputError);
    expect(() => cal.addDay(day('1990-01-02'), parseDuration('-5wd'))).toThrow(/1990-01-02/);
    expect(() => cal.addDay(1.5, parseDuration('1d'))).toThrow(TimescalesInputError);
    expect(() => cal.isoDate(Number.NaN)).toThrow(TimescalesInputError);
  });
});
