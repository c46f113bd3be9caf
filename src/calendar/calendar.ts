/**
 * The working-day calendar (conventions C1–C6).
 *
 * A calendar is an immutable value. Its working-day table over 1990-01-01 …
 * 2100-12-31 (./table.ts) is built lazily, one year the first time a question
 * touches it: for each day whether it is a working day and its working-day rank
 * within the year, plus the inverse (the day of each rank). `addWorkingDays`
 * and `workingDaysBetween` are then array look-ups (and a step per year
 * crossed): no day-by-day loops.
 */
import { DateTime } from 'luxon';
import { TimescalesInputError } from '../errors';
import { describeDuration, DURATION_UNITS, parseDuration, type Duration } from './duration';
import { addMonths, formatIsoDay, fromCivil, isoWeekday, toCivil, tryParseIsoDay } from './daynumber';
import {
  bundledOfficial,
  readGovUkData,
  REGIONS,
  type Division,
  type DivisionHolidays,
  type GovUkBankHolidays,
  type Region,
} from './holidays';
import { MAX_DAY, MIN_DAY, REGION_LABEL, WorkingDayTable } from './table';

/** First and last day the working-day table covers. */
export const FIRST_SUPPORTED_DATE = '1990-01-01';
export const LAST_SUPPORTED_DATE = '2100-12-31';
/** The range of calendar-day arithmetic (days, weeks, months, years): every date with a four-digit year. */
const FIRST_ISO_DAY = fromCivil(0, 1, 1);
const LAST_ISO_DAY = fromCivil(9999, 12, 31);

const LONDON = 'Europe/London';

export interface CalendarOptions {
  /** Whose bank holidays: default `england-and-wales`; `united-kingdom` is the union of the three. */
  region?: Region;
  /** Local non-working days, e.g. a council's Christmas closure (ISO dates). */
  closures?: readonly string[];
  /** Holidays to add (ISO date, or `{ date, name }`). */
  extraHolidays?: ReadonlyArray<string | { date: string; name: string }>;
  /** Holidays that are not holidays after all (ISO dates). */
  removeHolidays?: readonly string[];
  /** Weekend days as ISO weekday numbers (1 = Monday … 7 = Sunday). Default `[6, 7]`. */
  weekend?: readonly number[];
  /** A list in the gov.uk `bank-holidays.json` shape; replaces the bundled list for the divisions and years it covers. */
  holidaysData?: GovUkBankHolidays | unknown;
  /** Count the start day as day 1 (C2); off by default. */
  countStartDay?: boolean;
}

export type Roll = 'none' | 'forward' | 'backward';

export interface AddOptions {
  /** Move a calendar-day/week/month/year result off a non-working day (C4). Default `none`. */
  roll?: Roll;
  /** Per-call override of the calendar's `countStartDay` (working-day durations only). */
  countStartDay?: boolean;
}

export interface SkippedDay {
  date: string;
  reason: string;
}

/**
 * One addition, worked out: the result, and what its explanation needs.
 * `calendar.addition` does the arithmetic; `calendar.explain` turns the result
 * into the trace text of `addDetailed` without computing the date again, so a
 * caller that wants no trace does no text work.
 */
export interface Addition {
  /** The date (or date-time) added to, as given. */
  readonly from: string;
  readonly duration: Duration;
  /** The result: an ISO date, or a date-time for hours. */
  readonly date: string;
  /** The day number of the result's date. */
  readonly day: number;
  /** Read by `explain`: whether the start day counted as day 1, and the roll asked for. */
  readonly countStartDay: boolean;
  readonly roll: Roll;
  /** Read by `explain`: the day number of the result before any roll. */
  readonly unrolledDay: number;
  /** Hours only, read by `explain`: the UTC offsets at the start and at the result (they differ across a clock change). */
  readonly utcOffsets?: readonly [string, string];
}

/** A computed date with its explanation (C9). */
export interface DetailedDate {
  date: string;
  /** Human lines, e.g. "3 working days after 2024-03-27; skipped 2024-03-29 Good Friday, 2024-04-01 Easter Monday → 2024-04-03". */
  trace: string[];
  /** Holidays and closures skipped (weekends are counted in the trace, not listed). */
  skipped: SkippedDay[];
  /** Years the result relied on whose holidays come from rules, not the official list. */
  ruleBasedYears: number[];
}

export interface Holiday {
  date: string;
  name: string;
}

export interface Calendar {
  readonly region: Region;
  /** The options the calendar was made with (a frozen copy). */
  readonly options: Readonly<CalendarOptions>;
  /** A short description for traces, e.g. "England and Wales bank holidays". */
  readonly description: string;
  isWorkingDay(date: string): boolean;
  addWorkingDays(date: string, n: number, opts?: { countStartDay?: boolean }): string;
  workingDaysBetween(start: string, end: string): number;
  add(date: string, duration: string | Duration, opts?: AddOptions): string;
  /** `add` with its explanation: `explain(addition(date, duration, opts))`. */
  addDetailed(date: string, duration: string | Duration, opts?: AddOptions): DetailedDate;
  /** The arithmetic of `add`, with what `explain` needs to describe it. */
  addition(date: string, duration: string | Duration, opts?: AddOptions): Addition;
  /** The explanation of an addition this calendar computed (no date arithmetic is repeated). */
  explain(addition: Addition): DetailedDate;
  /**
   * `add` on a day number (days since 1970-01-01), giving the day number of the result: the same
   * arithmetic and errors, without reading or writing ISO text (what the engine calls per occurrence).
   * @example cal.addDay(tryParseIsoDay('2024-03-27')!, { amount: 3, unit: 'wd' }) // the day of 2024-04-03
   */
  addDay(day: number, duration: Duration, opts?: AddOptions): number;
  /** The ISO text of a day number (`formatIsoDay`), without building a new string for a day the table covers. */
  isoDate(day: number): string;
  holidays(from: string, to: string): Holiday[];
  nextWorkingDay(date: string): string;
  previousWorkingDay(date: string): string;
  /** Calendar days from `start` to `end` (negative when end is before start). */
  daysBetween(start: string, end: string): number;
  /** Day name and holiday name of a non-working day, or undefined for a working day. */
  whyNotWorking(date: string): string | undefined;
}


const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];


/**
 * Makes a working-day calendar.
 *
 * @example
 * const cal = createCalendar();
 * cal.addWorkingDays('2024-03-27', 3); // '2024-04-03' (skips Good Friday and Easter Monday)
 * createCalendar({ region: 'scotland', closures: ['2024-12-27'] });
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  if (options === null || typeof options !== 'object') {
    throw new TimescalesInputError('options', options, 'an object of calendar options');
  }
  const region = (options.region ?? 'england-and-wales') as Region;
  if (!REGIONS.includes(region)) {
    throw new TimescalesInputError('region', options.region, `one of ${REGIONS.join(', ')}`);
  }
  const weekend = [...listOption<number>(options.weekend ?? [6, 7], 'weekend')];
  weekend.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 7) {
      throw new TimescalesInputError(`weekend[${i}]`, d, 'an ISO weekday number 1 (Monday) … 7 (Sunday)');
    }
  });
  if (weekend.length >= 7) throw new TimescalesInputError('weekend', weekend, 'at most six weekend days');
  const closures = [...listOption<string>(options.closures ?? [], 'closures')].map((d, i) => checkDay(d, `closures[${i}]`));
  const extra = [...listOption<string | { date: string; name: string }>(options.extraHolidays ?? [], 'extraHolidays')].map((h, i) =>
    typeof h === 'string'
      ? { day: checkDay(h, `extraHolidays[${i}]`), name: 'Extra holiday' }
      : { day: checkDay(h?.date, `extraHolidays[${i}].date`), name: String(h.name ?? 'Extra holiday') },
  );
  const removed = [...listOption<string>(options.removeHolidays ?? [], 'removeHolidays')].map((d, i) => checkDay(d, `removeHolidays[${i}]`));
  const official = options.holidaysData === undefined ? bundledOfficial() : mergeOfficial(readGovUkData(options.holidaysData));
  const countStartDayDefault = options.countStartDay ?? false;
  if (typeof countStartDayDefault !== 'boolean') {
    throw new TimescalesInputError('countStartDay', options.countStartDay, 'true or false');
  }
  const frozenOptions: Readonly<CalendarOptions> = Object.freeze({
    region,
    closures: Object.freeze(closures.map(formatIsoDay)),
    extraHolidays: Object.freeze(extra.map((e) => Object.freeze({ date: formatIsoDay(e.day), name: e.name }))),
    removeHolidays: Object.freeze(removed.map(formatIsoDay)),
    weekend: Object.freeze([...weekend]),
    countStartDay: countStartDayDefault,
    ...(options.holidaysData === undefined ? {} : { holidaysData: options.holidaysData }),
  });

  let table: WorkingDayTable | undefined;
  const t = (): WorkingDayTable => (table ??= new WorkingDayTable({ region, weekend, official, closures, extra, removed }));

  /** Day number of an ISO date inside the table range, or a typed error naming the field. */
  const dayOf = (date: string, field: string): number => {
    const n = tryParseIsoDay(date);
    if (n === undefined) throw new TimescalesInputError(field, date, 'an ISO date YYYY-MM-DD that exists');
    if (n < MIN_DAY || n > MAX_DAY) {
      throw new TimescalesInputError(field, date, `a date between ${FIRST_SUPPORTED_DATE} and ${LAST_SUPPORTED_DATE} (the range of the working-day table)`);
    }
    return n;
  };
  /** The ISO text of a day number (from the table inside its range). */
  const isoText = (n: number): string => (n >= MIN_DAY && n <= MAX_DAY ? t().iso(n) : formatIsoDay(n));
  const isoOf = (n: number, field: string, input: string): string => {
    if (n < MIN_DAY || n > MAX_DAY) {
      throw new TimescalesInputError(field, input, `an input whose result lies between ${FIRST_SUPPORTED_DATE} and ${LAST_SUPPORTED_DATE}`);
    }
    return t().iso(n);
  };

  /** The day n working days from d (C2), as a day number; NaN-free and bounds-checked. `input` (text, or its day number) names it in an error. */
  const shiftWorking = (d: number, n: number, countStart: boolean, input: string | number): number => {
    if (n === 0) return d;
    const tb = t();
    const working = tb.isNonWorking(d) ? 0 : 1;
    // Ranks count working days on or before a day (r, for d). Going forward, the nth
    // working day strictly after d has rank r + n; going back, the nth strictly before
    // d has rank (r − working) − n + 1. Counting the start day as day 1 shifts by one.
    const k = n > 0 ? (countStart ? n - working : n) : countStart ? n + 1 : n + 1 - working;
    const target = tb.shift(d, k);
    if (target === undefined) {
      throw new TimescalesInputError('date', inputText(input), `an input whose result lies between ${FIRST_SUPPORTED_DATE} and ${LAST_SUPPORTED_DATE}`);
    }
    return target;
  };

  const checkN = (n: number): void => {
    if (!Number.isInteger(n)) throw new TimescalesInputError('n', n, 'a whole number of working days');
  };

  const addDays = (date: string, dur: Duration, countStart: boolean): number =>
    shiftDays(dur.unit === 'wd' ? dayOf(date, 'date') : parseAnyDay(date), dur, countStart, date);
  /** A day number plus a duration in days, working days, weeks, months or years; `input` names the start in an error. */
  const shiftDays = (d: number, dur: Duration, countStart: boolean, input: string | number): number => {
    const n = shiftDaysUnchecked(d, dur, countStart, input);
    // Calendar-day arithmetic covers every date ISO writes with four digits; beyond, a typed error (not "NaN-NaN-NaN").
    if (!Number.isFinite(n) || n < FIRST_ISO_DAY || n > LAST_ISO_DAY) {
      throw new TimescalesInputError('duration', `${inputText(input)} + ${dur.amount}${dur.unit}`, `a result between 0000-01-01 and 9999-12-31 (the dates ISO writes with four digits)`);
    }
    return n;
  };
  const shiftDaysUnchecked = (d: number, dur: Duration, countStart: boolean, input: string | number): number => {
    switch (dur.unit) {
      case 'wd':
        return shiftWorking(d, dur.amount, countStart, input);
      case 'd':
        return d + dur.amount;
      case 'w':
        return d + 7 * dur.amount;
      case 'm':
        // Clamped to the end of a shorter month, in one step from the start (C4).
        return addMonths(d, dur.amount);
      case 'y':
        return addMonths(d, 12 * dur.amount);
      default:
        throw new Error(`unreachable unit ${dur.unit}`);
    }
  };

  const rollDay = (n: number, roll: Roll, input: string | number): number => {
    if (roll === 'none') return n;
    const tb = t();
    if (n < MIN_DAY || n > MAX_DAY) dayOf(formatIsoDay(n), 'date');
    if (!tb.isNonWorking(n)) return n;
    return roll === 'forward' ? shiftWorking(n, 1, false, input) : shiftWorking(n, -1, false, input);
  };

  const calendar: Calendar = {
    region,
    options: frozenOptions,
    description: `${REGION_LABEL[region]} bank holidays${closures.length ? ` + ${closures.length} local closure day(s)` : ''}${
      weekend.join() !== '6,7' ? `; weekend ${weekend.map((d) => WEEKDAY_NAMES[d]).join('/')}` : ''
    }`,

    isWorkingDay(date) {
      return !t().isNonWorking(dayOf(date, 'date'));
    },

    addWorkingDays(date, n, opts) {
      const d = tryParseIsoDay(date);
      if (d === undefined || d < MIN_DAY || d > MAX_DAY || !Number.isInteger(n)) {
        dayOf(date, 'date');
        checkN(n);
      }
      const countStart = opts?.countStartDay === undefined ? countStartDayDefault : checkBoolean(opts.countStartDay, 'countStartDay');
      return isoOf(shiftWorking(d!, n, countStart, date), 'date', date);
    },

    workingDaysBetween(start, end) {
      const a = dayOf(start, 'start');
      const b = dayOf(end, 'end');
      // Working days after a up to and including b (negative when b is before a).
      return a <= b ? t().workingIn(a + 1, b) : -t().workingIn(b + 1, a);
    },

    add(date, duration, opts) {
      // `addition` without the object it returns: `add` runs in every judgement of an audit.
      const dur = typeof duration === 'string' ? parseDuration(duration) : checkDuration(duration);
      if (dur.unit === 'h') return calendar.addition(date, dur, opts).date;
      const roll = checkRoll(opts?.roll);
      const countStart = opts?.countStartDay === undefined ? countStartDayDefault : checkBoolean(opts.countStartDay, 'countStartDay');
      const unrolled = addDays(date, dur, countStart);
      return isoText(dur.unit === 'wd' ? unrolled : rollDay(unrolled, roll, date));
    },

    addDetailed(date, duration, opts) {
      return calendar.explain(calendar.addition(date, duration, opts));
    },

    addition(date, duration, opts) {
      const dur = typeof duration === 'string' ? parseDuration(duration) : checkDuration(duration);
      const roll = checkRoll(opts?.roll);
      if (dur.unit === 'h') return addHours(date, dur);
      const countStart = opts?.countStartDay === undefined ? countStartDayDefault : checkBoolean(opts.countStartDay, 'countStartDay');
      const unrolledDay = addDays(date, dur, countStart);
      const day = dur.unit === 'wd' ? unrolledDay : rollDay(unrolledDay, roll, date);
      return { from: date, duration: dur, date: isoText(day), day, countStartDay: countStart, roll, unrolledDay };
    },

    addDay(day, duration, opts) {
      if (!Number.isInteger(day) || day < FIRST_ISO_DAY || day > LAST_ISO_DAY) {
        throw new TimescalesInputError('day', day, 'a day number (whole days since 1970-01-01) of a date between 0000-01-01 and 9999-12-31');
      }
      const dur = validDuration(duration);
      // Hours need a time of day, which a day number has not: the error `add` gives for a date.
      if (dur.unit === 'h') return calendar.addition(isoText(day), dur, opts).day;
      const roll = checkRoll(opts?.roll);
      const countStart = opts?.countStartDay === undefined ? countStartDayDefault : checkBoolean(opts.countStartDay, 'countStartDay');
      // The working-day table's range, checked as `add` checks the text of a date (the same error).
      if (dur.unit === 'wd' && (day < MIN_DAY || day > MAX_DAY)) dayOf(isoText(day), 'date');
      const unrolled = shiftDays(day, dur, countStart, day);
      return dur.unit === 'wd' ? unrolled : rollDay(unrolled, roll, day);
    },

    isoDate(day) {
      if (!Number.isInteger(day) || day < FIRST_ISO_DAY || day > LAST_ISO_DAY) {
        throw new TimescalesInputError('day', day, 'a day number (whole days since 1970-01-01) of a date between 0000-01-01 and 9999-12-31');
      }
      return isoText(day);
    },

    explain(addition) {
      const { from: date, duration: dur, date: iso, day: result, countStartDay: countStart, roll, unrolledDay: raw } = addition;
      const direction = dur.amount < 0 ? 'before' : 'after';
      if (dur.unit === 'h') {
        const [before, after] = addition.utcOffsets!;
        const trace = [`${describeDuration(dur)} ${direction} ${date} on the real time line (Europe/London) → ${iso}`];
        if (before !== after) trace.push(`the clocks changed in between (UTC offset ${before} → ${after})`);
        return { date: iso, trace, skipped: [], ruleBasedYears: [] };
      }
      const start = parseAnyDay(date);
      const trace: string[] = [];
      let skipped: SkippedDay[] = [];
      let ruleBasedYears: number[] = [];
      if (dur.unit === 'wd') {
        const lo = Math.min(start, result);
        const hi = Math.max(start, result);
        // Days passed over: strictly between start and result, plus the start itself when it is counted.
        skipped = specialDaysIn(t(), lo + 1, hi - 1);
        const weekendDays = countWeekendDays(t(), lo + 1, hi - 1);
        ruleBasedYears = ruleBasedYearsIn(t(), lo, hi);
        trace.push(
          `${describeDuration(dur)} ${direction} ${date} (${countStart ? 'start day counted as day 1' : 'start day not counted'}; ${calendar.description})` +
            (skipped.length ? `; skipped ${skipped.map((s) => `${s.date} ${s.reason}`).join(', ')}` : '') +
            (weekendDays ? `${skipped.length ? ' and' : '; skipped'} ${weekendDays} weekend day${weekendDays === 1 ? '' : 's'}` : '') +
            ` → ${iso}`,
        );
      } else {
        const clamped = (dur.unit === 'm' || dur.unit === 'y') && toCivil(raw).day !== toCivil(start).day;
        trace.push(
          `${describeDuration(dur)} ${direction} ${date}${clamped ? ' (clamped to the last day of the month)' : ''} → ${formatIsoDay(raw)}`,
        );
        if (raw !== result) {
          ruleBasedYears = ruleBasedYearsIn(t(), Math.min(raw, result), Math.max(raw, result));
          trace.push(`${formatIsoDay(raw)} is ${calendar.whyNotWorking(formatIsoDay(raw))}; rolled ${roll} to ${iso}`);
        } else if (roll !== 'none') {
          ruleBasedYears = ruleBasedYearsIn(t(), raw, raw);
        }
      }
      for (const y of ruleBasedYears) trace.push(ruleBasedNote(t(), y));
      return { date: iso, trace, skipped, ruleBasedYears };
    },

    holidays(from, to) {
      const tb = t();
      const a = dayOf(from, 'from');
      const b = dayOf(to, 'to');
      return specialDaysIn(tb, a, b).map((s) => ({ date: s.date, name: s.reason }));
    },

    nextWorkingDay(date) {
      return isoOf(shiftWorking(dayOf(date, 'date'), 1, false, date), 'date', date);
    },

    previousWorkingDay(date) {
      return isoOf(shiftWorking(dayOf(date, 'date'), -1, false, date), 'date', date);
    },

    daysBetween(start, end) {
      return parseAnyDay(end, 'end') - parseAnyDay(start, 'start');
    },

    whyNotWorking(date) {
      const tb = t();
      const n = dayOf(date, 'date');
      if (!tb.isNonWorking(n)) return undefined;
      const name = tb.name(n);
      return name ?? `a ${WEEKDAY_NAMES[isoWeekday(n)]}`;
    },
  };
  return Object.freeze(calendar);
}

function checkRoll(roll: unknown): Roll {
  if (roll === undefined) return 'none';
  if (roll !== 'none' && roll !== 'forward' && roll !== 'backward') {
    throw new TimescalesInputError('roll', roll, "'none', 'forward' or 'backward'");
  }
  return roll;
}

function listOption<T>(value: unknown, field: string): readonly T[] {
  if (!Array.isArray(value)) throw new TimescalesInputError(field, value, 'an array');
  return value as T[];
}

function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new TimescalesInputError(field, value, 'true or false');
  return value;
}

function checkDay(date: unknown, field: string): number {
  const n = typeof date === 'string' ? tryParseIsoDay(date) : undefined;
  if (n === undefined) throw new TimescalesInputError(field, date, 'an ISO date YYYY-MM-DD that exists');
  return n;
}

/** Any valid ISO date (calendar-day arithmetic is not limited to the table range). */
function parseAnyDay(date: string, field = 'date'): number {
  return checkDay(date, field);
}

const UNITS: ReadonlySet<string> = new Set(DURATION_UNITS);

/** The text of an input named in an error: as given, or the ISO date of a day number. */
function inputText(input: string | number): string {
  return typeof input === 'number' ? formatIsoDay(input) : input;
}

/** A duration `checkDuration` accepts as it is (the common case), without copying it; otherwise its checked copy. */
function validDuration(d: Duration): Duration {
  return d && Number.isInteger(d.amount) && Math.abs(d.amount) <= 999_999 && UNITS.has(d.unit) && !Object.is(d.amount, -0) ? d : checkDuration(d);
}

function checkDuration(d: Duration): Duration {
  if (!d || !Number.isInteger(d.amount)) throw new TimescalesInputError('duration', d, 'a duration such as 20wd or { amount: 20, unit: "wd" }');
  // What parseDuration(`${amount}${unit}`) accepts (at most six digits, a known unit), without writing and re-reading it.
  if (Math.abs(d.amount) > 999_999 || !UNITS.has(d.unit)) return parseDuration(`${d.amount}${d.unit}`);
  return { amount: d.amount === 0 ? 0 : d.amount, unit: d.unit };
}

/** A caller's list replaces the bundled one for the years it covers; the bundled list still serves the others. */
function mergeOfficial(custom: Map<Division, DivisionHolidays>): Map<Division, DivisionHolidays> {
  const merged = new Map(bundledOfficial());
  for (const [division, list] of custom) {
    const base = merged.get(division);
    if (!base) {
      merged.set(division, list);
      continue;
    }
    const kept = base.official.filter((h) => !list.years.has(toCivil(h.day).year));
    const years = new Set([...base.years, ...list.years]);
    let firstYear = Infinity;
    let lastYear = -Infinity;
    for (const y of years) {
      if (y < firstYear) firstYear = y;
      if (y > lastYear) lastYear = y;
    }
    merged.set(division, {
      official: [...kept, ...list.official].sort((a, b) => a.day - b.day),
      years,
      firstYear,
      lastYear,
    });
  }
  return merged;
}

/** Holidays and closures in [from, to], sorted. */
function specialDaysIn(tb: WorkingDayTable, from: number, to: number): SkippedDay[] {
  return tb.specialIn(from, to);
}

/** Weekend days in [from, to] that are not also holidays (those are listed by name). */
function countWeekendDays(tb: WorkingDayTable, from: number, to: number): number {
  if (to < from) return 0;
  const nonWorkingCount = to - from + 1 - tb.workingIn(from, to);
  return nonWorkingCount - specialDaysIn(tb, from, to).length;
}

function ruleBasedYearsIn(tb: WorkingDayTable, from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = toCivil(from).year; y <= toCivil(to).year; y++) if (tb.isRuleBased(y)) out.push(y);
  return out;
}

function ruleBasedNote(tb: WorkingDayTable, year: number): string {
  if (year > tb.officialLastYear) {
    return `note: bank holidays for ${year} are computed from rules (date-holidays): the official list ends in ${tb.officialLastYear}, and one-off holidays may still be announced`;
  }
  return `note: bank holidays for ${year} are computed from rules (date-holidays, with known one-off corrections): the official list starts in ${tb.officialFirstYear}`;
}

/** Adds hours on the real time line in Europe/London (C6). */
function addHours(dateTime: string, dur: Duration): Addition {
  const m = typeof dateTime === 'string' ? /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(dateTime) : null;
  const start = m ? DateTime.fromISO(dateTime, { zone: LONDON, setZone: true }) : undefined;
  if (!m || !start || !start.isValid) {
    throw new TimescalesInputError('date', dateTime, 'an ISO date-time YYYY-MM-DDTHH:mm[:ss] (hour durations need a time; without an offset it is Europe/London wall-clock time)');
  }
  const hasOffset = m[3] !== undefined;
  if (!hasOffset && start.toFormat("yyyy-MM-dd'T'HH:mm") !== dateTime.slice(0, 16)) {
    throw new TimescalesInputError('date', dateTime, 'a Europe/London wall-clock time that exists (this one falls in the hour skipped when the clocks go forward)');
  }
  const end = start.plus({ hours: dur.amount }).setZone(LONDON);
  const text = end.toFormat(end.second ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm") + (hasOffset ? end.toFormat('ZZ') : '');
  const day = tryParseIsoDay(text.slice(0, 10))!;
  return {
    from: dateTime,
    duration: dur,
    date: text,
    day,
    countStartDay: false,
    roll: 'none',
    unrolledDay: day,
    utcOffsets: [start.toFormat('ZZ'), end.toFormat('ZZ')],
  };
}
