/**
 * C1: invalid input is rejected with a TimescalesInputError whose message
 * names the field and the offending value. Nothing is coerced silently.
 */
import { describe, expect, it } from 'vitest';
import { TimescalesInputError, createCalendar, parseDuration } from '../../src/index';

/** Calls fn, expects a TimescalesInputError, returns it. */
function inputError(fn: () => unknown): TimescalesInputError {
  let caught: unknown;
  try {
    const result = fn();
    caught = new Error(`expected a TimescalesInputError, got a result: ${JSON.stringify(result)}`);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(TimescalesInputError);
  return caught as TimescalesInputError;
}

/** Expects a TimescalesInputError whose message quotes the value and whose field is named. */
function expectRejected(fn: () => unknown, value: unknown, field?: RegExp): TimescalesInputError {
  const e = inputError(fn);
  expect(e.name).toBe('TimescalesInputError');
  expect(e).toBeInstanceOf(Error);
  expect(typeof e.field).toBe('string');
  expect(e.field.length).toBeGreaterThan(0);
  expect(e.message).toContain(e.field);
  expect(e.value).toEqual(value);
  if (typeof value === 'string') {
    // the message quotes the value (an empty string shows as "")
    expect(e.message).toContain(JSON.stringify(value));
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    expect(e.message).toContain(String(value));
  }
  expect(typeof e.expected).toBe('string');
  expect(e.expected.length).toBeGreaterThan(0);
  if (field) expect(e.field).toMatch(field);
  return e;
}

const cal = createCalendar();

const BAD_DATES = [
  '2023-02-30', // no 30 February
  '2023-02-29', // 2023 is not a leap year
  '2100-02-29', // 2100 is not a leap year (century rule)
  '2024-04-31', // April has 30 days
  '2024-13-01', // month 13
  '2024-00-10', // month 0
  '2024-01-00', // day 0
  '2024-01-32', // day 32
  '31/12/2024', // UK form where ISO is expected
  '12/31/2024',
  '',
  '2024-1-5', // unpadded
  '2024-01-5',
  '20240105', // basic format
  ' 2024-01-05', // surrounding space
  '2024-01-05 ',
  'not a date',
  '+2024-01-05',
];

describe('invalid dates', () => {
  for (const bad of BAD_DATES) {
    it(`rejects ${JSON.stringify(bad)} in every date-taking function`, () => {
      expectRejected(() => cal.isWorkingDay(bad), bad);
      expectRejected(() => cal.addWorkingDays(bad, 3), bad);
      expectRejected(() => cal.workingDaysBetween(bad, '2024-04-03'), bad);
      expectRejected(() => cal.workingDaysBetween('2024-03-27', bad), bad);
      expectRejected(() => cal.add(bad, '3wd'), bad);
      expectRejected(() => cal.add(bad, '14d'), bad);
      expectRejected(() => cal.add(bad, '1m'), bad);
      expectRejected(() => cal.addDetailed(bad, '3wd'), bad);
      expectRejected(() => cal.holidays(bad, '2024-12-31'), bad);
      expectRejected(() => cal.holidays('2024-01-01', bad), bad);
      expectRejected(() => cal.nextWorkingDay(bad), bad);
      expectRejected(() => cal.previousWorkingDay(bad), bad);
    });
  }

  it('rejects a date-time where a working-day function expects a date', () => {
    const bad = '2024-01-05T00:00';
    expectRejected(() => cal.isWorkingDay(bad), bad);
    expectRejected(() => cal.addWorkingDays(bad, 1), bad);
    expectRejected(() => cal.workingDaysBetween(bad, '2024-01-10'), bad);
    expectRejected(() => cal.holidays(bad, '2024-12-31'), bad);
    expectRejected(() => cal.nextWorkingDay(bad), bad);
  });

  it('the two arguments of workingDaysBetween are told apart by field', () => {
    const a = expectRejected(() => cal.workingDaysBetween('2023-02-30', '2024-04-03'), '2023-02-30');
    const b = expectRejected(() => cal.workingDaysBetween('2024-03-27', '2023-02-30'), '2023-02-30');
    expect(a.field).not.toBe(b.field);
  });

  it('rejects non-string dates', () => {
    for (const bad of [20240105, null, undefined, {}, ['2024-01-05'], true]) {
      inputError(() => cal.isWorkingDay(bad as unknown as string));
      inputError(() => cal.addWorkingDays(bad as unknown as string, 1));
    }
  });

  it('the message of a bad date reads naturally', () => {
    const e = expectRejected(() => cal.isWorkingDay('2023-02-30'), '2023-02-30');
    expect(e.message).toContain('"2023-02-30"');
  });
});

describe('supported range 1990-01-01 … 2100-12-31', () => {
  it('accepts the first and the last day', () => {
    expect(() => cal.isWorkingDay('1990-01-01')).not.toThrow();
    expect(() => cal.isWorkingDay('2100-12-31')).not.toThrow();
    // Tue 2 Jan 1990 + 1 → Wed 3 Jan 1990; Thu 30 Dec 2100 − 1 → Wed 29 Dec 2100
    expect(cal.addWorkingDays('1990-01-02', 1)).toBe('1990-01-03');
    expect(cal.addWorkingDays('2100-12-30', -1)).toBe('2100-12-29');
  });
  for (const bad of ['1989-12-31', '2101-01-01', '1900-01-01', '0001-01-01', '9999-12-31']) {
    it(`rejects ${bad}`, () => {
      expectRejected(() => cal.isWorkingDay(bad), bad);
      expectRejected(() => cal.addWorkingDays(bad, 1), bad);
      expectRejected(() => cal.add(bad, '1wd'), bad);
      expectRejected(() => cal.workingDaysBetween('2024-01-01', bad), bad);
      expectRejected(() => cal.workingDaysBetween(bad, '2024-01-01'), bad);
      expectRejected(() => cal.nextWorkingDay(bad), bad);
    });
  }
  it('a result that would leave the range is an error, not a wrong date', () => {
    // 1,000,000 working days is roughly 3,800 years: far past 2100
    inputError(() => cal.addWorkingDays('2024-01-01', 1_000_000));
    inputError(() => cal.addWorkingDays('2024-01-01', -1_000_000));
    // Fri 31 Dec 2100 + 1 WD would be in 2101
    inputError(() => cal.addWorkingDays('2100-12-31', 1));
    // Mon 1 Jan 1990 − 1 WD would be in 1989
    inputError(() => cal.addWorkingDays('1990-01-01', -1));
  });
});

describe('regions', () => {
  for (const bad of ['wales', 'England and Wales', 'England-and-Wales', 'uk', '', 'scotland ']) {
    it(`rejects region ${JSON.stringify(bad)}`, () => {
      expectRejected(
        () => createCalendar({ region: bad as unknown as 'scotland' }),
        bad,
        /region/,
      );
    });
  }
  it('accepts the four regions', () => {
    for (const r of ['england-and-wales', 'scotland', 'northern-ireland', 'united-kingdom'] as const) {
      expect(createCalendar({ region: r }).region).toBe(r);
    }
  });
});

describe('durations', () => {
  it('parses the exact forms', () => {
    expect(parseDuration('20wd')).toEqual({ amount: 20, unit: 'wd' });
    expect(parseDuration('-3wd')).toEqual({ amount: -3, unit: 'wd' });
    expect(parseDuration('+2w')).toEqual({ amount: 2, unit: 'w' });
    expect(parseDuration('14d')).toEqual({ amount: 14, unit: 'd' });
    expect(parseDuration('3m')).toEqual({ amount: 3, unit: 'm' });
    expect(parseDuration('1y')).toEqual({ amount: 1, unit: 'y' });
    expect(parseDuration('24h')).toEqual({ amount: 24, unit: 'h' });
    expect(parseDuration('0wd')).toEqual({ amount: 0, unit: 'wd' });
  });
  const BAD = [
    '20 wd',
    '3 months',
    '3 m',
    'wd',
    '3',
    '',
    ' ',
    '1.5wd',
    '3x',
    '3dd',
    ' 3d',
    '3d ',
    '--3d',
    '+-3d',
    '3wdx',
    'P3D',
    '1e2d',
    'three days',
    '3 working days',
  ];
  for (const bad of BAD) {
    it(`rejects duration ${JSON.stringify(bad)}`, () => {
      expectRejected(() => parseDuration(bad), bad);
      expectRejected(() => cal.add('2024-03-27', bad), bad);
      expectRejected(() => cal.addDetailed('2024-03-27', bad), bad);
    });
  }
  it('rejects a non-string duration', () => {
    inputError(() => parseDuration(3 as unknown as string));
    inputError(() => cal.add('2024-03-27', null as unknown as string));
  });
});

describe('working-day counts must be integers', () => {
  for (const bad of [1.5, -0.5, 0.1]) {
    it(`rejects n = ${bad}`, () => {
      expectRejected(() => cal.addWorkingDays('2024-03-27', bad), bad);
    });
  }
  it('rejects NaN, ±Infinity and non-numbers', () => {
    inputError(() => cal.addWorkingDays('2024-03-27', Number.NaN));
    inputError(() => cal.addWorkingDays('2024-03-27', Number.POSITIVE_INFINITY));
    inputError(() => cal.addWorkingDays('2024-03-27', Number.NEGATIVE_INFINITY));
    expectRejected(() => cal.addWorkingDays('2024-03-27', '3' as unknown as number), '3');
    inputError(() => cal.addWorkingDays('2024-03-27', null as unknown as number));
    inputError(() => cal.addWorkingDays('2024-03-27', undefined as unknown as number));
  });
});

describe('date-times for hour durations', () => {
  for (const bad of ['2024-03-30T25:00', '2024-03-30T12:60', '2024-03-30T12:00:61', '2024-02-30T12:00', '2024-03-30T1200', '30/03/2024T12:00']) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      expectRejected(() => cal.add(bad, '24h'), bad);
    });
  }
});

describe('calendar options', () => {
  it('rejects a non-boolean countStartDay, per calendar and per call', () => {
    expectRejected(() => createCalendar({ countStartDay: 'yes' as unknown as boolean }), 'yes', /countStartDay/);
    expectRejected(
      () => cal.addWorkingDays('2024-03-27', 3, { countStartDay: 'yes' as unknown as boolean }),
      'yes',
      /countStartDay/,
    );
    expectRejected(
      () => cal.add('2024-03-27', '3wd', { countStartDay: 1 as unknown as boolean }),
      1,
      /countStartDay/,
    );
  });
  it('rejects an unknown roll', () => {
    expectRejected(() => cal.add('2024-03-27', '3d', { roll: 'sideways' as unknown as 'forward' }), 'sideways', /roll/);
  });
  it('rejects bad closure, extra and removed dates, naming the value', () => {
    expectRejected(() => createCalendar({ closures: ['2024-02-30'] }), '2024-02-30', /closure/i);
    expectRejected(() => createCalendar({ closures: ['2024-12-27', '27/12/2024'] }), '27/12/2024', /closure/i);
    expectRejected(() => createCalendar({ extraHolidays: ['31/12/2024'] }), '31/12/2024', /extra/i);
    const e = inputError(() => createCalendar({ extraHolidays: [{ date: '2024-13-01', name: 'X' }] }));
    expect(e.field).toMatch(/extra/i);
    expect(e.message).toContain('2024-13-01');
    expectRejected(() => createCalendar({ removeHolidays: ['nope'] }), 'nope', /remove/i);
  });
  it('rejects option values of the wrong type', () => {
    inputError(() => createCalendar({ closures: '2024-12-27' as unknown as string[] }));
    inputError(() => createCalendar({ weekend: 6 as unknown as number[] }));
  });
  it('rejects bad weekend days', () => {
    for (const bad of [[0], [8], [6, 7.5], ['sat']]) {
      inputError(() => createCalendar({ weekend: bad as unknown as number[] }));
    }
  });
  it('rejects a weekend of all seven days (no working day could ever be found)', () => {
    const e = inputError(() => createCalendar({ weekend: [1, 2, 3, 4, 5, 6, 7] }));
    expect(e.field).toMatch(/weekend/);
  });
  it('rejects malformed holidaysData', () => {
    inputError(() => createCalendar({ holidaysData: 'bank-holidays.json' as unknown as object }));
    const e = inputError(() =>
      createCalendar({
        holidaysData: {
          'england-and-wales': {
            division: 'england-and-wales',
            events: [{ title: 'Bad day', date: '2027-02-30', notes: '', bunting: true }],
          },
        },
      }),
    );
    expect(e.message).toContain('2027-02-30');
    inputError(() =>
      createCalendar({
        holidaysData: { 'england-and-wales': { division: 'england-and-wales', events: 'none' } },
      }),
    );
  });
});
