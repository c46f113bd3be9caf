/**
 * Day numbers: the integer count of days since 1970-01-01 (day 0, a Thursday).
 * Every calendar computation works on these, never on a JS `Date` in the
 * machine's zone, so no result depends on the `TZ` environment variable (C1).
 * The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.
 */
import { TimescalesInputError } from '../errors';

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. `daysInMonth(2024, 2) === 29`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!;
}

/** Day number of a civil date. `fromCivil(1970, 1, 1) === 0`. */
export function fromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. `toCivil(0)` is `{ year: 1970, month: 1, day: 1 }`. */
export function toCivil(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The same day of the month `months` months later (earlier when negative), clamped
 * to the end of a shorter month, in one step from the start (C4): what luxon's
 * `plus({ months })` gives, on day numbers. `addMonths(fromCivil(2024, 1, 31), 1)`
 * is 2024-02-29; years are 12 months (29 Feb + 1 year → 28 Feb).
 */
export function addMonths(n: number, months: number): number {
  const { year, month, day } = toCivil(n);
  const t = year * 12 + (month - 1) + months;
  const y = Math.floor(t / 12);
  const m = t - y * 12 + 1;
  const last = daysInMonth(y, m);
  return fromCivil(y, m, day < last ? day : last);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. `isoWeekday(0) === 4` (Thursday). */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/**
 * Parses `YYYY-MM-DD` into a day number, or returns `undefined` when the text
 * is not an ISO date that exists (`2023-02-30`, `31/12/2024`, `2024-1-5`).
 * Plain character arithmetic: this sits on the hot path of `addWorkingDays`.
 */
export function tryParseIsoDay(text: string): number | undefined {
  if (typeof text !== 'string' || text.length !== 10) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return fromCivil(y, m, d);
}

function digits(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Parses an ISO date or throws a `TimescalesInputError` naming `field`. */
export function parseIsoDay(text: string, field = 'date'): number {
  const n = tryParseIsoDay(text);
  if (n === undefined) {
    throw new TimescalesInputError(field, text, 'an ISO date YYYY-MM-DD that exists');
  }
  return n;
}

/** Formats a day number as `YYYY-MM-DD`. `formatIsoDay(19814) === '2024-03-31'`. */
export function formatIsoDay(n: number): string {
  const { year, month, day } = toCivil(n);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** True when the text is an ISO date that exists. */
export function isIsoDate(text: string): boolean {
  return tryParseIsoDay(text) !== undefined;
}
