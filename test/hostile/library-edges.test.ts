/** Issue 13, item 12: the supported date range is enforced with TimescalesInputError; options and cases are validated. */
import { describe, expect, it } from 'vitest';
import { audit, auditStream, createCalendar, evaluate, getProcedure, TimescalesInputError } from '../../src/index';

const cal = createCalendar();

describe('library edges (item 12)', () => {
  it('calendar-day arithmetic outside 0000-01-01 … 9999-12-31 is a TimescalesInputError', () => {
    for (const [date, d] of [
      ['2024-03-27', '300000y'],
      ['0000-01-01', '-1d'],
      ['9999-12-31', '1d'],
      ['9999-12-31', '1m'],
    ] as const) {
      expect(() => cal.add(date, d), `${date} ${d}`).toThrow(TimescalesInputError);
    }
    expect(() => cal.add('9999-12-31', '1d')).toThrow('a result between 0000-01-01 and 9999-12-31');
    // inside the range, plain calendar arithmetic: Fri 31 Dec 9999 - 1 day = Thu 30 Dec 9999; 0000-01-01 + 1 day = 0000-01-02
    expect(cal.add('9999-12-31', '-1d')).toBe('9999-12-30');
    expect(cal.add('0000-01-01', '1d')).toBe('0000-01-02');
  });

  it('working-day arithmetic outside 1990 … 2100 is a TimescalesInputError', () => {
    expect(() => cal.add('2100-12-31', '1wd')).toThrow(TimescalesInputError);
    expect(() => cal.add('1989-12-31', '1wd')).toThrow(TimescalesInputError);
  });

  it('evaluate and audit with null options or cases throw TimescalesInputError, not TypeError', () => {
    const p = getProcedure('lac-review');
    const c = { id: 'C1', events: [{ type: 'became-looked-after', date: '2024-03-01' }] };
    expect(() => evaluate(p, c, null as never)).toThrow(TimescalesInputError);
    expect(() => audit(p, null as never, { asOf: '2024-06-30' })).toThrow(TimescalesInputError);
    expect(() => audit(p, [c], null as never)).toThrow(TimescalesInputError);
    expect(() => auditStream(p, 42 as never, { asOf: '2024-06-30' })).toThrow(TimescalesInputError);
  });
});
