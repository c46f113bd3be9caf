/**
 * Date checks for input files. Whether a day exists is the calendar's
 * question (`tryParseIsoDay`, src/calendar); this module reads the written
 * forms around it, with hand-written digit checks (no regex, no Date objects)
 * because they run once per input row on files of a million rows.
 *
 * Accepted forms:
 * - `iso`: `YYYY-MM-DD`, or an ISO date-time `YYYY-MM-DDTHH:mm`, `YYYY-MM-DDTHH:mm:ss`,
 *   `YYYY-MM-DDTHH:mm:ss.sss`, each optionally followed by `Z` or an offset `+HH:mm` /
 *   `+HHmm` / `-HH:mm` (for hour-based rules, conventions C6). Returned unchanged.
 * - `dd/mm/yyyy`: day/month/four-digit year; leading zeros are optional
 *   (`1/2/2024` is 1 February 2024) because spreadsheets commonly drop them.
 *   An optional time ` HH:mm[:ss]` (space or `T` separator) is also accepted and
 *   returned as an ISO date-time. Returned as ISO `YYYY-MM-DD`.
 *
 * Two-digit years are never accepted in either form (`01/02/24`, `24-02-01`).
 * Dates must exist (`2023-02-30` is rejected; leap years follow the Gregorian rule).
 */
import { formatIsoDay, tryParseIsoDay } from '../calendar/index';

/** What `parseInputDate` returns: the ISO date, or a description of what was expected. */
export type ParsedInputDate = { ok: true; date: string } | { ok: false; expected: string };

/** The date formats an input file may use. */
export type InputDateFormat = 'iso' | 'dd/mm/yyyy';

const ISO_EXPECTED = 'an ISO date YYYY-MM-DD that exists (or a date-time YYYY-MM-DDTHH:mm)';
const UK_EXPECTED = 'a date DD/MM/YYYY that exists (four-digit year)';
const DAY_EXPECTED: Record<InputDateFormat, string> = {
  iso: 'an ISO date YYYY-MM-DD that exists',
  'dd/mm/yyyy': 'a date DD/MM/YYYY that exists (four-digit year)',
};

/**
 * `YYYY-MM-DD` text of a year, month and day (which need not exist).
 * @example isoDateText(2012, 2, 9) // '2012-02-09'
 */
export function isoDateText(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Days in a month (month 1..12): the day before the first of the next month,
 * by the calendar's day numbers (src/calendar/index does not export its own
 * `daysInMonth`; this is the thin wrapper over what it does export).
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 12) return 31;
  return Number(formatIsoDay(tryParseIsoDay(isoDateText(year, month + 1, 1))! - 1).slice(8));
}

/**
 * True in a Gregorian leap year (February has 29 days).
 * @example isLeapYear(2024) // true; isLeapYear(1900) // false; isLeapYear(2000) // true
 */
export function isLeapYear(year: number): boolean {
  return daysInMonth(year, 2) === 29;
}

/** Digit value of the char code at `i`, or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Number made of the `n` digits starting at `i`, or -1 if any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = digit(s, i + k);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Checks a time part `HH:mm[:ss[.s{1,3}]][Z|±HH:mm|±HHmm]` spanning s[i..end]. */
function timeOk(s: string, i: number): boolean {
  const hh = digits(s, i, 2);
  const mm = digits(s, i + 3, 2);
  if (hh < 0 || hh > 23 || s.charCodeAt(i + 2) !== 58 || mm < 0 || mm > 59) return false;
  let p = i + 5;
  if (s.charCodeAt(p) === 58) {
    const ss = digits(s, p + 1, 2);
    if (ss < 0 || ss > 59) return false;
    p += 3;
    if (s.charCodeAt(p) === 46) {
      let n = 0;
      p++;
      while (digit(s, p) >= 0) {
        p++;
        n++;
      }
      if (n < 1 || n > 3) return false;
    }
  }
  if (p === s.length) return true;
  const c = s.charCodeAt(p);
  if (c === 90 /* Z */) return p + 1 === s.length;
  if (c !== 43 && c !== 45) return false;
  const oh = digits(s, p + 1, 2);
  if (oh < 0 || oh > 14) return false;
  if (s.length === p + 5) return digits(s, p + 3, 2) >= 0 && digits(s, p + 3, 2) <= 59;
  if (s.length === p + 6) return s.charCodeAt(p + 3) === 58 && digits(s, p + 4, 2) >= 0 && digits(s, p + 4, 2) <= 59;
  return false;
}

/**
 * True when `text` is an ISO date `YYYY-MM-DD` that exists on the calendar.
 * @example isValidIsoDate('2024-02-29') // true
 * @example isValidIsoDate('2023-02-29') // false (2023 is not a leap year)
 */
export function isValidIsoDate(text: string): boolean {
  return tryParseIsoDay(text) !== undefined;
}

/**
 * True when `text` is an ISO date, or an ISO date-time `YYYY-MM-DDTHH:mm[:ss[.sss]][Z|±HH:mm]`
 * whose date exists and whose time is in range.
 * @example isValidIsoDateOrDateTime('2024-03-30T12:00') // true
 * @example isValidIsoDateOrDateTime('2024-03-30T24:00') // false
 */
export function isValidIsoDateOrDateTime(text: string): boolean {
  if (text.length === 10) return tryParseIsoDay(text) !== undefined;
  return text.length > 10 && text.charCodeAt(10) === 84 /* T */ && tryParseIsoDay(text.slice(0, 10)) !== undefined && timeOk(text, 11);
}

/** Parses `d/m/yyyy` (1–2 digit day and month, 4-digit year) plus optional ` HH:mm[:ss]`. */
function parseUk(text: string): ParsedInputDate {
  const bad = { ok: false as const, expected: UK_EXPECTED };
  const s1 = text.indexOf('/');
  if (s1 < 1 || s1 > 2) return bad;
  const s2 = text.indexOf('/', s1 + 1);
  if (s2 - s1 - 1 < 1 || s2 - s1 - 1 > 2) return bad;
  const d = digits(text, 0, s1);
  const m = digits(text, s1 + 1, s2 - s1 - 1);
  const y = digits(text, s2 + 1, 4);
  if (d < 0 || m < 0 || y < 0) return bad;
  const date = isoDateText(y, m, d);
  if (tryParseIsoDay(date) === undefined) return bad;
  const end = s2 + 5;
  if (text.length === end) return { ok: true, date };
  const sep = text.charCodeAt(end);
  if ((sep !== 32 && sep !== 84) || !timeOk(text, end + 1)) return bad;
  return { ok: true, date: `${date}T${text.slice(end + 1)}` };
}

/**
 * Checks a date cell in the given format and returns it as ISO.
 * Surrounding whitespace is not trimmed here (callers decide).
 * @example parseInputDate('2024-03-30', 'iso') // { ok: true, date: '2024-03-30' }
 * @example parseInputDate('30/3/2024', 'dd/mm/yyyy') // { ok: true, date: '2024-03-30' }
 * @example parseInputDate('30/03/24', 'dd/mm/yyyy') // { ok: false, expected: 'a date DD/MM/YYYY ...' }
 */
export function parseInputDate(text: string, format: InputDateFormat): ParsedInputDate {
  if (format === 'dd/mm/yyyy') return parseUk(text);
  return isValidIsoDateOrDateTime(text) ? { ok: true, date: text } : { ok: false, expected: ISO_EXPECTED };
}

/**
 * A short hint explaining why `text` failed in `format`, naming the likely cause
 * (UK date where ISO expected, two-digit year, non-existent day), or undefined.
 * `fixedBy` names the format of a file whose dates have one form (`CIN census`):
 * the hint then says how its dates are written instead of suggesting `--date-format`.
 * @example dateFailureHint('31/12/2024', 'iso') // 'it looks like a UK date DD/MM/YYYY; use --date-format dd/mm/yyyy'
 * @example dateFailureHint('2024-03-27', 'dd/mm/yyyy', 'SSDA903') // 'it looks like an ISO date YYYY-MM-DD; SSDA903 dates are written DD/MM/YYYY'
 */
export function dateFailureHint(text: string, format: InputDateFormat, fixedBy?: string): string | undefined {
  if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(text) || /^\d{2}-\d{1,2}-\d{1,2}$/.test(text)) {
    return 'two-digit years are not accepted; write the year in full, e.g. 2024';
  }
  const advice = (other: InputDateFormat) =>
    fixedBy ? `${fixedBy} dates are written ${format === 'iso' ? 'YYYY-MM-DD' : 'DD/MM/YYYY'}` : `use --date-format ${other}`;
  if (format === 'iso' && /^\d{1,2}\/\d{1,2}\/\d{4}/.test(text)) {
    return `it looks like a UK date DD/MM/YYYY; ${advice('dd/mm/yyyy')}`;
  }
  if (format === 'dd/mm/yyyy' && /^\d{4}-\d{2}-\d{2}/.test(text)) {
    return `it looks like an ISO date YYYY-MM-DD; ${advice('iso')}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text)) {
    return 'that day does not exist';
  }
  return undefined;
}

/** What {@link readInputDate} returns: the ISO date, or what was expected and why it failed. */
export type InputDate = { ok: true; date: string } | { ok: false; expected: string; why: string | undefined };

/**
 * Reads a date value of an input file, as every reader does: as written (a
 * value with spaces around it fails, saying so), in the file's format, with or
 * without a time of day.
 * @example readInputDate('01/03/2024', 'dd/mm/yyyy', { time: false }) // { ok: true, date: '2024-03-01' }
 * @example readInputDate(' 2024-03-27', 'iso', { time: true }) // { ok: false, expected: 'an ISO date …', why: 'it has spaces around it' }
 * @example readInputDate('2024-03-04T10:00', 'iso', { time: false }) // { ok: false, expected: 'an ISO date YYYY-MM-DD that exists', why: 'a time of day is not accepted here' }
 */
export function readInputDate(text: string, format: InputDateFormat, opts: { time: boolean; fixedBy?: string }): InputDate {
  const parsed = parseInputDate(text, format);
  if (parsed.ok) {
    if (opts.time || parsed.date.length === 10) return parsed;
    return { ok: false, expected: DAY_EXPECTED[format], why: 'a time of day is not accepted here' };
  }
  const why = text.trim() !== text ? 'it has spaces around it' : dateFailureHint(text, format, opts.fixedBy);
  return { ok: false, expected: opts.time ? parsed.expected : DAY_EXPECTED[format], why };
}
