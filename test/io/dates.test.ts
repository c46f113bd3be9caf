import { describe, expect, it } from 'vitest';
import {
  dateFailureHint,
  daysInMonth,
  isLeapYear,
  isValidIsoDate,
  isValidIsoDateOrDateTime,
  parseInputDate,
} from '../../src/io/dates';

describe('isLeapYear / daysInMonth (Gregorian rule: every 4th year, except centuries not divisible by 400)', () => {
  it.each([
    [2024, true], // 2024 / 4 = 506, not a century
    [2023, false], // not divisible by 4
    [1900, false], // century, 1900 / 400 = 4.75
    [2000, true], // century divisible by 400
    [2100, false], // century, 2100 / 400 = 5.25
  ])('%i leap = %s', (year, leap) => expect(isLeapYear(year)).toBe(leap));

  it.each([
    [2024, 2, 29], // leap February
    [2023, 2, 28], // common February
    [2024, 4, 30], // "thirty days hath September, April, June and November"
    [2024, 9, 30],
    [2024, 11, 30],
    [2024, 6, 30],
    [2024, 1, 31],
    [2024, 12, 31],
  ])('%i-%i has %i days', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));
});

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true], // 2024 is a leap year
    ['2023-02-29', false], // 2023 is not
    ['2023-02-30', false], // February never has 30 days
    ['1900-02-29', false], // 1900: century not divisible by 400
    ['2000-02-29', true], // 2000: divisible by 400
    ['2024-04-31', false], // April has 30 days
    ['2024-12-31', true],
    ['2024-13-01', false], // no month 13
    ['2024-00-10', false], // no month 0
    ['2024-01-00', false], // no day 0
    ['2024-1-01', false], // month needs two digits
    ['24-01-01', false], // two-digit year
    ['2024-01-01T10:00', false], // a date-time is not a date
    [' 2024-01-01', false], // no surrounding spaces
    ['2024/01/01', false], // wrong separator
    ['２０２４-01-01', false], // full-width digits are not ASCII digits
    ['', false],
  ])('%j → %s', (text, ok) => expect(isValidIsoDate(text)).toBe(ok));
});

describe('isValidIsoDateOrDateTime', () => {
  it.each([
    ['2024-03-30', true],
    ['2024-03-30T12:00', true],
    ['2024-03-30T12:00:59', true],
    ['2024-03-30T12:00:00.123Z', true],
    ['2024-03-30T12:00+01:00', true],
    ['2024-03-30T12:00:00-0500', true],
    ['2024-03-30T00:00Z', true],
    ['2024-03-30T24:00', false], // hours run 00–23
    ['2024-03-30T12:60', false], // minutes run 00–59
    ['2024-03-30T12:00:60', false], // seconds run 00–59
    ['2024-03-30 12:00', false], // ISO needs the T
    ['2024-03-30T12', false], // minutes required
    ['2024-03-30T12:00:00.1234', false], // at most milliseconds
    ['2024-03-30T12:00Z1', false], // junk after the zone
    ['2024-03-30T12:00+1', false], // offset needs HH:mm or HHmm
    ['2024-02-30T12:00', false], // the day must exist
  ])('%j → %s', (text, ok) => expect(isValidIsoDateOrDateTime(text)).toBe(ok));
});

describe('parseInputDate', () => {
  it('returns ISO input unchanged', () => {
    expect(parseInputDate('2024-03-30', 'iso')).toEqual({ ok: true, date: '2024-03-30' });
    expect(parseInputDate('2024-03-30T12:00', 'iso')).toEqual({ ok: true, date: '2024-03-30T12:00' });
  });

  it('rejects a UK date where ISO is expected, saying what was expected', () => {
    const r = parseInputDate('31/12/2024', 'iso');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.expected).toContain('YYYY-MM-DD');
  });

  it.each([
    ['30/03/2024', '2024-03-30'], // day 30, month 03
    ['1/2/2024', '2024-02-01'], // leading zeros optional: 1 February
    ['01/2/2024', '2024-02-01'],
    ['29/02/2024', '2024-02-29'], // leap day 2024
    ['31/12/2024', '2024-12-31'],
    ['30/03/2024 12:00', '2024-03-30T12:00'], // date-time, space separated
    ['30/03/2024T09:05:10', '2024-03-30T09:05:10'],
  ])('dd/mm/yyyy %j → %s', (text, iso) => expect(parseInputDate(text, 'dd/mm/yyyy')).toEqual({ ok: true, date: iso }));

  it.each([
    '29/02/2023', // 2023 not leap
    '31/04/2024', // April has 30 days
    '12/31/2024', // a US date: month 31
    '01/02/24', // two-digit year
    '1/2/24', // two-digit year
    '30/03/02024', // five-digit year
    '001/02/2024', // three-digit day
    '30-03-2024', // dashes are not the UK form
    '2024-03-30', // ISO where UK is expected
    '30/03/2024 24:00', // no hour 24
    '',
  ])('dd/mm/yyyy rejects %j', (text) => {
    const r = parseInputDate(text, 'dd/mm/yyyy');
    expect(r).toEqual({ ok: false, expected: 'a date DD/MM/YYYY that exists (four-digit year)' });
  });

  it('never accepts a two-digit year in the ISO form either', () => {
    expect(parseInputDate('24-02-01', 'iso').ok).toBe(false);
  });
});

describe('dateFailureHint', () => {
  it('suggests --date-format dd/mm/yyyy for a UK date where ISO is expected', () => {
    expect(dateFailureHint('31/12/2024', 'iso')).toContain('--date-format dd/mm/yyyy');
  });
  it('names two-digit years', () => {
    expect(dateFailureHint('01/02/24', 'iso')).toContain('two-digit');
    expect(dateFailureHint('24-02-01', 'iso')).toContain('two-digit');
    expect(dateFailureHint('01/02/24', 'dd/mm/yyyy')).toContain('two-digit');
  });
  it('suggests --date-format iso for an ISO date where UK is expected', () => {
    expect(dateFailureHint('2024-03-27', 'dd/mm/yyyy')).toContain('--date-format iso');
  });
  it('says when the day does not exist', () => {
    expect(dateFailureHint('2023-02-30', 'iso')).toBe('that day does not exist');
    expect(dateFailureHint('31/04/2024', 'dd/mm/yyyy')).toBe('that day does not exist');
  });
  it('gives no hint for plain junk', () => {
    expect(dateFailureHint('soon', 'iso')).toBeUndefined();
  });
});
