/**
 * The calendar reads rule-generated bank holidays from the snapshot
 * src/calendar/rule-holidays.json rather than running `date-holidays` at run
 * time. The snapshot must be exactly what the package generates today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleHolidaysSnapshot } from '../../scripts/rule-holidays-snapshot';
import { createCalendar } from '../../src/index';

describe('rule-holidays.json (the date-holidays snapshot)', () => {
  it('is what date-holidays and the one-off corrections give for every division and year (run `npm run holidays` if not)', () => {
    const file = readFileSync(new URL('../../src/calendar/rule-holidays.json', import.meta.url), 'utf8');
    expect(file).toBe(ruleHolidaysSnapshot());
  }, 30_000);

  it('serves the years outside the official list', () => {
    const cal = createCalendar();
    // 2030 (after the official list ends in 2028): Good Friday is Fri 19 Apr 2030 (Easter Sunday 21 Apr 2030).
    expect(cal.whyNotWorking('2030-04-19')).toBe('Good Friday');
    // 2011 (before the official list starts in 2012): the Royal Wedding on Fri 29 Apr 2011, a one-off correction.
    expect(cal.whyNotWorking('2011-04-29')).toBe('Royal Wedding');
    // 1995: Early May bank holiday moved from Mon 1 May to Mon 8 May (VE Day 50th anniversary).
    expect(cal.isWorkingDay('1995-05-01')).toBe(true);
    expect(cal.whyNotWorking('1995-05-08')).toBe('Early May bank holiday (VE Day 50th anniversary)');
  });
});
