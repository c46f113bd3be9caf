/**
 * Free text of a serious case review action plan (procedure `action-plan`,
 * docs/procedures/action-plan.md; seed `002_ec582cd5a6ee9def.txt`): the "BY WHEN" column,
 * the "STATUS" column, and an assessment of one action at an as-of date.
 *
 * Pure functions, no I/O (they sit with the readers, beside `./action-plan`,
 * which reads the CSV). Dates are ISO `YYYY-MM-DD` strings checked with the
 * calendar's day numbers (never a JS `Date`), so nothing depends on `TZ`.
 *
 * Readings chosen here (each pinned by a test):
 * - A named month is due on its LAST day: "May 2012" → 2012-05-31,
 *   "February 2012" → 2012-02-29.
 * - A range ("February – April 2012", "February 2012 concluding June 2012")
 *   runs from the first day of its first month to the last day of its last
 *   month. A range with one year ("November – February 2012") whose first
 *   month comes after its last month starts in the previous year.
 * - "Completed June 2011" (and a status "Complete June 2011") is dated the last
 *   day of the named month: the latest day it can have been.
 * - "Completion January 2012" is a target, read like "January 2012".
 * - "Now" and "Immediate(ly)" are due on the plan's date.
 * - "Ongoing", "On-going", "Annually and ongoing" have no due date.
 * - A two-digit year is 20YY ("October 11" → October 2011). In "Month NN"
 *   the number is always a year, never a day of the month.
 * - "As soon as possible", a bare year, a financial year ("2012/13") and
 *   several dates in one cell are not understood (`unparsed`).
 */
import { TimescalesInputError } from '../errors';
import { parseIsoDay, tryParseIsoDay } from '../calendar/index';
import { daysInMonth, isoDateText } from './dates';

/** The meaning of a "BY WHEN" cell. Every date is ISO `YYYY-MM-DD`. */
export type ByWhen =
  /** One month: due on its last day. `review` is the last day of a review month, `reviewBy` who reviews. */
  | { kind: 'month'; due: string; review?: string; reviewBy?: string }
  /** A span of months: from the first day of the first to the last day of the last. */
  | { kind: 'range'; from: string; due: string; review?: string; reviewBy?: string }
  /** A day named in full ("31 March 2012", "31/03/2012", "2012-03-31"). */
  | { kind: 'date'; due: string; review?: string; reviewBy?: string }
  /** "Now" / "Immediate": due on the plan's date. */
  | { kind: 'now'; due: string }
  /** Already done when written. `completed` is the last day of the named month (or the named day); absent for a bare "Completed". */
  | { kind: 'completed'; completed?: string }
  /** No due date. `annually` for "Annually and ongoing". */
  | { kind: 'ongoing'; annually: boolean }
  /** Not understood: no due date; the text as given. */
  | { kind: 'unparsed'; text: string; tooLong?: true };

/** A status as read from the "STATUS" column. */
export type ActionStatus = 'complete' | 'in-progress' | 'ongoing' | 'delayed' | 'not-started' | 'unknown';

/** Result of {@link parseActionStatus}. */
export interface ParsedActionStatus {
  status: ActionStatus;
  /** True when the text says the work goes on ("On-going", "Complete (and ongoing)"). */
  ongoing: boolean;
  /** For a complete status naming a month or day ("Complete June 2011"): the last day of that month, or that day. */
  completed?: string;
}

/** Red-amber-green rating with blue for complete. */
export type ActionRag = 'blue' | 'green' | 'amber' | 'red';

/** Result of {@link assessAction}. */
export interface ActionAssessment {
  id: string;
  byWhen: ByWhen;
  /** Due date, when the by-when gives one (`month`, `range`, `date`, `now`). */
  due?: string;
  status: ActionStatus;
  ongoing: boolean;
  /** Completion date named by the status or the by-when ("Completed June 2011" → 2011-06-30). */
  completed?: string;
  rag: ActionRag;
  /** Things in the row that do not agree with each other or with the as-of date; empty when none. */
  contradictions: string[];
}

/** Options of {@link assessAction}. */
export interface AssessActionOptions {
  /** Amber when the due date is at most this many calendar days after the as-of date. Default 30. */
  amberDays?: number;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = "'?(\\d{4}|\\d{2})";
const MY = `${MONTH}\\s+${YEAR}`;
const DAY_NAMED = `(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+${YEAR}`;
const DAY_NUMERIC = '(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})';
const DAY_ISO = '(\\d{4})-(\\d{2})-(\\d{2})';
/** One date term alone (a month and year or a full day), no other text. */
const DATE_ALONE = new RegExp(`^(?:${MY}|${DAY_NAMED}|${DAY_NUMERIC}|${DAY_ISO})$`, 'i');
/** Longer than any text {@link DATE_ALONE} matches ("30th September '2012" is 21), with a margin. */
const MAX_DATE_TERM_LENGTH = 40;

/**
 * Month number (1–12) of an English month name or abbreviation, or `undefined`.
 * @example monthNumber('Sept') // 9
 */
export function monthNumber(name: string): number | undefined {
  const n = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
    name.toLowerCase().replace(/\.$/, '').slice(0, 3),
  );
  return n < 0 ? undefined : n + 1;
}

/** A year as written: four digits, or two digits read as 20YY. `yearOf('11') === 2011`. */
function yearOf(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/** `YYYY-MM-DD` of the last day of a month. `monthEnd(2012, 2) === '2012-02-29'`. */
function monthEnd(year: number, month: number): string {
  return isoDateText(year, month, daysInMonth(year, month));
}

/** `YYYY-MM-DD` of the first day of a month. `monthStart(2012, 2) === '2012-02-01'`. */
function monthStart(year: number, month: number): string {
  return isoDateText(year, month, 1);
}

/** A day that exists, as ISO, or `undefined` (`dayOf(2012, 2, 30) === undefined`). */
function dayOf(year: number, month: number, day: number): string | undefined {
  const iso = isoDateText(year, month, day);
  return tryParseIsoDay(iso) === undefined ? undefined : iso;
}

/**
 * Trims, collapses white space (including no-break spaces) and turns every
 * dash (hyphen, en dash, em dash, figure dash, minus) into `-`.
 * @example normalise('February –  April 2012') // 'February - April 2012'
 */
function normalise(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Reads a single date term: a month and year (→ last day of the month, with
 * its first day as `from`) or a full day. `undefined` when it is neither or
 * the day does not exist.
 * @example dateTerm('Feb 2012') // { from: '2012-02-01', end: '2012-02-29', wholeMonth: true }
 */
function dateTerm(text: string): { from: string; end: string; wholeMonth: boolean } | undefined {
  let m = new RegExp(`^${MY}$`, 'i').exec(text);
  if (m) {
    const month = monthNumber(m[1]!)!;
    const year = yearOf(m[2]!);
    return { from: monthStart(year, month), end: monthEnd(year, month), wholeMonth: true };
  }
  let day: string | undefined;
  if ((m = new RegExp(`^${DAY_NAMED}$`, 'i').exec(text))) {
    day = dayOf(yearOf(m[3]!), monthNumber(m[2]!)!, Number(m[1]));
  } else if ((m = new RegExp(`^${DAY_NUMERIC}$`).exec(text))) {
    day = dayOf(yearOf(m[3]!), Number(m[2]), Number(m[1]));
  } else if ((m = new RegExp(`^${DAY_ISO}$`).exec(text))) {
    day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  } else {
    return undefined;
  }
  return day === undefined ? undefined : { from: day, end: day, wholeMonth: false };
}

/**
 * Reads the due part of a by-when (no review suffix): a month, a day, or a
 * range of months. `undefined` when not understood.
 * @example dueTerm('February - April 2012') // { kind: 'range', from: '2012-02-01', due: '2012-04-30' }
 */
function dueTerm(
  text: string,
): { kind: 'month'; due: string } | { kind: 'date'; due: string } | { kind: 'range'; from: string; due: string } | undefined {
  const t = text.replace(/^(?:(?:by|before|completion|complete by|to be completed by|end of|end)\s+)+/i, '');
  const single = dateTerm(t);
  if (single) return single.wholeMonth ? { kind: 'month', due: single.end } : { kind: 'date', due: single.end };
  // "February - April 2012", "February to April 2012": one year for both months.
  const m = new RegExp(`^(?:from )?${MONTH}(?: ?- ?| (?:to|until|till|through) )${MY}$`, 'i').exec(t);
  if (m) {
    const first = monthNumber(m[1]!)!;
    const last = monthNumber(m[2]!)!;
    const year = yearOf(m[3]!);
    return { kind: 'range', from: monthStart(first > last ? year - 1 : year, first), due: monthEnd(year, last) };
  }
  // "February 2012 concluding June 2012", "May 2012 - July 2012", "from May 2012 to July 2012":
  // try every separator, as a day may itself contain '-'.
  for (const sep of t.matchAll(/ (?:concluding|to|until|till|through) | ?- ?/gi)) {
    // Each side is one date term (the first may start "from "): a longer side cannot be one, so is not sliced and read.
    if (sep.index > MAX_DATE_TERM_LENGTH + 5 || t.length - sep.index - sep[0].length > MAX_DATE_TERM_LENGTH) continue;
    const a = dateTerm(t.slice(0, sep.index).replace(/^from /i, ''));
    const b = dateTerm(t.slice(sep.index + sep[0].length));
    if (a && b && a.from <= b.end) return { kind: 'range', from: a.from, due: b.end };
  }
  return undefined;
}

/**
 * Splits a normalised by-when at a review suffix, reading it as the pattern
 * `^(.+?)\s?[(,;-]?\s?review(?:ed)?(?: by (.+?))?(?: in)? (DATE)\)?$` (case
 * insensitive) would, but in time linear in the text: that pattern backtracks
 * (its two lazy groups each try every split, so "review by " repeated costs the
 * square of the length; issue 13, item 9).
 *
 * How: the date ends the text, so it starts in the last
 * {@link MAX_DATE_TERM_LENGTH} characters, after a space; those few starts are
 * found first. Then each "review" is tried left to right (the first that fits
 * wins, as the lazy core would), and for it only the constant number of ends
 * that lead to one of those date starts is checked.
 *
 * @example reviewSuffix('April 2012 (review by LSCB May 2012)') // { core: 'April 2012 (', by: 'LSCB', date: 'May 2012' }
 */
export function reviewSuffix(t: string): { core: string; by?: string; date: string } | undefined {
  const body = t.endsWith(')') ? t.slice(0, -1) : t;
  // Starts of the date: after a space, running to the end (less one closing parenthesis).
  const dateStarts: number[] = [];
  for (let d = Math.max(1, t.length - MAX_DATE_TERM_LENGTH); d < t.length; d++) {
    if (t[d - 1] !== ' ') continue;
    if (DATE_ALONE.test(t.slice(d)) || (body !== t && d < body.length && DATE_ALONE.test(body.slice(d)))) dateStarts.push(d);
  }
  if (dateStarts.length === 0) return undefined;
  /** Where the date begins when `(?: in)? (DATE)` starts at `at`, trying " in" first; `undefined` if none. */
  const dateAt = (at: number): number | undefined => {
    if (t.slice(at, at + 4).toLowerCase() === ' in ' && dateStarts.includes(at + 4)) return at + 4;
    if (t[at] === ' ' && dateStarts.includes(at + 1)) return at + 1;
    return undefined;
  };
  const dateText = (d: number): string => (DATE_ALONE.test(t.slice(d)) ? t.slice(d) : body.slice(d));
  for (const m of t.matchAll(/review/gi)) {
    const i = m.index;
    if (i < 1) continue; // the core is at least one character
    // The core is the shortest text before the gap \s?[(,;-]?\s? that ends at "review".
    let core = i;
    for (const g of [3, 2, 1]) {
      if (i - g >= 1 && /^\s?[(,;-]?\s?$/.test(t.slice(i - g, i))) {
        core = i - g;
        break;
      }
    }
    const afters = t.slice(i + 6, i + 8).toLowerCase() === 'ed' ? [i + 8, i + 6] : [i + 6];
    for (const a of afters) {
      // " by X" first (X as short as can be), then without.
      if (t.slice(a, a + 4).toLowerCase() === ' by ') {
        let best: { e: number; d: number } | undefined;
        for (const d of dateStarts) {
          for (const e of [d - 4, d - 1]) {
            if (e >= a + 5 && dateAt(e) === d && (best === undefined || e < best.e)) best = { e, d };
          }
        }
        if (best) return { core: t.slice(0, core), by: t.slice(a + 4, best.e), date: dateText(best.d) };
      }
      const d = dateAt(a);
      if (d !== undefined) return { core: t.slice(0, core), date: dateText(d) };
    }
  }
  return undefined;
}

/**
 * The longest BY WHEN cell read (characters): a due date is a date or a few
 * words ("End of June 2012 (review by LSCB May 2012)"); a longer cell is not
 * understood and says so (docs/security.md).
 */
export const MAX_BY_WHEN_LENGTH = 200;

/**
 * Parses the free-text "BY WHEN" of an action plan row into a due date.
 * `planDate` (ISO) is the date of the plan, used for "Now"; it is checked
 * even when not needed, so a bad plan date is never silently ignored.
 *
 * @example parseByWhen('February – April 2012', '2012-05-01')
 * // → { kind: 'range', from: '2012-02-01', due: '2012-04-30' }
 * @example parseByWhen('April 2012 (review June 2012)', '2012-05-01')
 * // → { kind: 'month', due: '2012-04-30', review: '2012-06-30' }
 * @throws TimescalesInputError when `planDate` is not an ISO date that exists.
 */
export function parseByWhen(text: string, planDate: string): ByWhen {
  parseIsoDay(planDate, 'planDate');
  // The patterns below try many splits of the cell; bounding its length keeps each cell's cost bounded.
  if (text.length > MAX_BY_WHEN_LENGTH) return { kind: 'unparsed', text, tooLong: true };
  const t = normalise(text).replace(/\.$/, '');
  if (/^(?:now|immediate|immediately|with immediate effect)$/i.test(t)) return { kind: 'now', due: planDate };

  const ongoing = /^(?:(annually|annual|yearly)(?: and)? )?(?:on-? ?going|continuous|continuing)$/i.exec(t);
  if (ongoing) return { kind: 'ongoing', annually: ongoing[1] !== undefined };

  const completed = /^(?:completed?|done)(?! by\b)(?:(?: in| on)? (.+))?$/i.exec(t);
  if (completed) {
    if (completed[1] === undefined) return { kind: 'completed' };
    const when = dateTerm(completed[1]);
    return when ? { kind: 'completed', completed: when.end } : { kind: 'unparsed', text };
  }

  // An optional review suffix: "(review June 2012)", "(review by LSCB May 2012)".
  let core = t;
  let review: { review: string; reviewBy?: string } | undefined;
  const r = reviewSuffix(t);
  if (r) {
    const when = dateTerm(r.date);
    if (!when) return { kind: 'unparsed', text };
    core = r.core.replace(/\s?[(,;-]$/, '');
    review = r.by === undefined ? { review: when.end } : { review: when.end, reviewBy: r.by };
  }
  const due = dueTerm(core);
  if (!due) return { kind: 'unparsed', text };
  return review ? { ...due, ...review } : due;
}

const STATUS_WORDS: { status: Exclude<ActionStatus, 'unknown'>; re: RegExp }[] = [
  { status: 'not-started', re: /\bnot (?:yet )?(?:started|begun|commenced)\b/i },
  { status: 'in-progress', re: /\b(?:not (?:yet )?complet(?:e|ed)|incomplete)\b/i },
  { status: 'complete', re: /\bcomplet(?:e|ed)\b/i },
  { status: 'in-progress', re: /\b(?:in ?-?progress|under ?way|progressing|started)\b/i },
  { status: 'ongoing', re: /\b(?:on ?-?going|continuing)\b/i },
  { status: 'delayed', re: /\b(?:delayed|overdue|behind schedule)\b/i },
];

/**
 * Reads the free-text "STATUS" of an action. The status word that comes
 * FIRST in the text decides ("Complete (and ongoing)" is complete,
 * "Local Authority complete" is complete); `ongoing` is true when any
 * ongoing word appears anywhere. "Not started" and "not (yet) complete" are
 * matched before their last word. Blank or unrecognised text is `unknown`.
 * A complete status that names a month gives `completed` as that month's
 * last day (or the day named).
 *
 * @example parseActionStatus('Complete (and ongoing)') // { status: 'complete', ongoing: true }
 * @example parseActionStatus('Complete June 2011') // { status: 'complete', ongoing: false, completed: '2011-06-30' }
 */
export function parseActionStatus(text: string): ParsedActionStatus {
  const t = normalise(text);
  let best: { status: ActionStatus; at: number } = { status: 'unknown', at: Infinity };
  for (const { status, re } of STATUS_WORDS) {
    const m = re.exec(t);
    if (m && m.index < best.at) best = { status, at: m.index };
  }
  const ongoing = /\b(?:on ?-?going|continuing)\b/i.test(t);
  if (best.status !== 'complete') return { status: best.status, ongoing };
  const when = findDate(t);
  return when === undefined ? { status: 'complete', ongoing } : { status: 'complete', ongoing, completed: when };
}

/**
 * The first month-and-year or full day in a text, as ISO (a month gives its
 * last day), or `undefined`.
 * @example findDate('Complete January 2012. Written protocol in place') // '2012-01-31'
 */
function findDate(text: string): string | undefined {
  const re = new RegExp(`(?<![\\w/.-])(?:${DAY_NAMED}|${MY}|${DAY_NUMERIC}|${DAY_ISO})(?![\\w/-])`, 'gi');
  for (const m of text.matchAll(re)) {
    const when = dateTerm(m[0]);
    if (when) return when.end;
  }
  return undefined;
}

/**
 * Assesses one action row at `asOf`: due date, status, RAG rating and
 * contradictions. Ratings, in this order:
 * - blue: complete (status complete, or a blank/unrecognised status with a
 *   by-when that says "Completed …");
 * - red: status "Delayed", or a due date before `asOf`;
 * - amber: by-when not understood (no due date can be shown as on track), or
 *   due within `amberDays` (default 30) calendar days after `asOf`
 *   (0 ≤ due − asOf ≤ 30; due on `asOf` itself is amber, not red);
 * - green: due later, or no due date (ongoing).
 * Contradictions: an action not complete (in progress, not started, ongoing
 * or blank) whose due date has passed should read "Delayed"; "Delayed" but
 * not yet due; a by-when saying completed against a status that says
 * otherwise; an unrecognised status; a by-when not understood.
 *
 * @example assessAction({ id: '10a', by_when: 'April 2012 (review June 2012)', status: 'Ongoing' }, '2012-05-01', '2012-05-01')
 * // → { due: '2012-04-30', status: 'ongoing', rag: 'red', contradictions: ['status "Ongoing" but due 2012-04-30 has passed at 2012-05-01: should read "Delayed"'], … }
 * @throws TimescalesInputError when `planDate` or `asOf` is not an ISO date that exists.
 */
export function assessAction(
  row: { id: string; by_when: string; status: string },
  planDate: string,
  asOf: string,
  options: AssessActionOptions = {},
): ActionAssessment {
  const asOfDay = parseIsoDay(asOf, 'asOf');
  const amberDays = options.amberDays ?? 30;
  if (!Number.isInteger(amberDays) || amberDays < 0) {
    throw new TimescalesInputError('amberDays', amberDays, 'a whole number of days, 0 or more');
  }
  const byWhen = parseByWhen(row.by_when, planDate);
  const st = parseActionStatus(row.status);
  const due = 'due' in byWhen ? byWhen.due : undefined;
  const completed = st.completed ?? (byWhen.kind === 'completed' ? byWhen.completed : undefined);
  const statusText = normalise(row.status);
  const complete = st.status === 'complete' || (st.status === 'unknown' && byWhen.kind === 'completed');
  const pastDue = due !== undefined && asOfDay > parseIsoDay(due);
  const contradictions: string[] = [];

  if (byWhen.kind === 'unparsed') {
    contradictions.push(
      byWhen.tooLong
        ? `by_when is ${row.by_when.length.toLocaleString('en-GB')} characters long, more than the ${MAX_BY_WHEN_LENGTH} read: not understood, no due date`
        : `by_when "${normalise(row.by_when)}" not understood: no due date`,
    );
  }
  if (st.status === 'unknown' && statusText !== '') contradictions.push(`status "${statusText}" not recognised`);
  if (byWhen.kind === 'completed' && (st.status === 'in-progress' || st.status === 'not-started' || st.status === 'delayed')) {
    contradictions.push(`by_when says completed but status reads "${statusText}"`);
  }
  if (!complete && pastDue && st.status !== 'delayed') {
    contradictions.push(
      statusText === ''
        ? `no status recorded but due ${due} has passed at ${asOf}: should read "Delayed"`
        : `status "${statusText}" but due ${due} has passed at ${asOf}: should read "Delayed"`,
    );
  }
  if (st.status === 'delayed' && due !== undefined && !pastDue) {
    contradictions.push(`status "${statusText}" but not due until ${due}`);
  }

  let rag: ActionRag;
  if (complete) rag = 'blue';
  else if (st.status === 'delayed' || pastDue) rag = 'red';
  else if (byWhen.kind === 'unparsed') rag = 'amber';
  else if (due !== undefined && parseIsoDay(due) - asOfDay <= amberDays) rag = 'amber';
  else rag = 'green';

  const result: ActionAssessment = { id: row.id, byWhen, status: st.status, ongoing: st.ongoing, rag, contradictions };
  if (due !== undefined) result.due = due;
  if (completed !== undefined) result.completed = completed;
  return result;
}
