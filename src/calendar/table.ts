/**
 * The working-day table of one calendar, over 1990-01-01 … 2100-12-31, built
 * lazily one year at a time: a year's block (which days work, their ranks
 * within the year, the day of each rank, ISO texts, holiday names) is made the
 * first time a question touches that year. `timescales add 2024-03-27 20wd`
 * builds one or two years instead of 111 (start-up time, issue 14).
 *
 * Ranks are counted within a year; a question that spans years walks the
 * blocks in between, so every answer is what one table over the whole range
 * gives (test/calendar/lazy-table.test.ts).
 */
import { daysInMonth, fromCivil, isoWeekday } from './daynumber';
import { DIVISIONS, ruleHolidays, type Division, type DivisionHolidays, type HolidayDay, type Region } from './holidays';

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;
export const MIN_DAY = fromCivil(FIRST_YEAR, 1, 1);
export const MAX_DAY = fromCivil(LAST_YEAR, 12, 31);
const YEARS = LAST_YEAR - FIRST_YEAR + 1;
/** Day number of 1 January of each year of the range, then of the day after the range. */
const YEAR_START = Int32Array.from({ length: YEARS + 1 }, (_, i) => fromCivil(FIRST_YEAR + i, 1, 1));

export const REGION_LABEL: Record<Region, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
  'united-kingdom': 'United Kingdom (all three lists)',
};

/** Index (year − 1990) of the year of a day number inside the range. */
function yearIndex(n: number): number {
  let i = Math.floor((n - MIN_DAY) / 365.2425);
  while (i > 0 && YEAR_START[i]! > n) i--;
  while (i < YEARS - 1 && YEAR_START[i + 1]! <= n) i++;
  return i;
}

/** One year of the table. */
interface YearBlock {
  /** Day number of 1 January. */
  first: number;
  /** 1 where the day is not a working day (index: day − first). */
  nonWorking: Uint8Array;
  /** Working days of the year on or before the day. */
  rank: Int32Array;
  /** Day number of the year's working day of rank r (index r − 1). */
  byRank: Int32Array;
  /** ISO text of each day, for allocation-free formatting. */
  iso: string[];
  /** Name of each holiday or closure of the year, by day number. */
  names: Map<number, string>;
  /** Sorted day numbers of the year's holidays and closures. */
  special: Int32Array;
}

export interface TableSource {
  region: Region;
  weekend: readonly number[];
  official: Map<Division, DivisionHolidays>;
  closures: readonly number[];
  extra: ReadonlyArray<{ day: number; name: string }>;
  removed: readonly number[];
}

/** Groups items by the year index of their day; items outside the range are dropped (they never decide an answer). */
function byYear<T>(items: readonly T[], dayOf: (item: T) => number): Array<T[] | undefined> {
  const out: Array<T[] | undefined> = new Array(YEARS);
  for (const item of items) {
    const n = dayOf(item);
    if (n < MIN_DAY || n > MAX_DAY) continue;
    (out[yearIndex(n)] ??= []).push(item);
  }
  return out;
}

export class WorkingDayTable {
  /** The last and first year of the official list(s) in use. */
  readonly officialLastYear: number;
  readonly officialFirstYear: number;
  private readonly divisions: Division[];
  private readonly isWeekend = new Uint8Array(8);
  private readonly blocks: Array<YearBlock | undefined> = new Array(YEARS);
  private grouped:
    | {
        official: Map<Division, Array<HolidayDay[] | undefined>>;
        closures: Array<number[] | undefined>;
        extra: Array<Array<{ day: number; name: string }> | undefined>;
        removed: Array<number[] | undefined>;
      }
    | undefined;

  constructor(private readonly source: TableSource) {
    this.divisions = source.region === 'united-kingdom' ? [...DIVISIONS] : [source.region as Division];
    let last = -Infinity;
    let first = Infinity;
    for (const division of this.divisions) {
      const list = source.official.get(division);
      if (!list) continue;
      last = Math.max(last, list.lastYear);
      first = Math.min(first, list.firstYear);
    }
    this.officialLastYear = last;
    this.officialFirstYear = first;
    for (const d of source.weekend) this.isWeekend[d] = 1;
  }

  /** Whether the year's holidays (of any division in use) come from rules, not an official list. */
  isRuleBased(year: number): boolean {
    if (year < FIRST_YEAR || year > LAST_YEAR) return false;
    return this.divisions.some((d) => !this.source.official.get(d)?.years.has(year));
  }

  isNonWorking(n: number): boolean {
    const b = this.block(yearIndex(n));
    return b.nonWorking[n - b.first] === 1;
  }

  iso(n: number): string {
    const b = this.block(yearIndex(n));
    return b.iso[n - b.first]!;
  }

  name(n: number): string | undefined {
    return this.block(yearIndex(n)).names.get(n);
  }

  /**
   * The working day whose rank is `k` more than the rank of day `d` (the rank of
   * a day: working days from 1990-01-01 up to and including it), or undefined
   * when there is none inside the range.
   */
  shift(d: number, k: number): number | undefined {
    let i = yearIndex(d);
    let b = this.block(i);
    let t = b.rank[d - b.first]! + k;
    while (t > b.byRank.length) {
      t -= b.byRank.length;
      if (++i >= YEARS) return undefined;
      b = this.block(i);
    }
    while (t < 1) {
      if (--i < 0) return undefined;
      b = this.block(i);
      t += b.byRank.length;
    }
    return b.byRank[t - 1]!;
  }

  /** Working days in [from, to] (both inside the range); 0 when to < from. */
  workingIn(from: number, to: number): number {
    if (to < from) return 0;
    let count = 0;
    for (let i = yearIndex(from), last = yearIndex(to); i <= last; i++) {
      const b = this.block(i);
      const a = Math.max(from, b.first) - b.first;
      const z = Math.min(to, b.first + b.nonWorking.length - 1) - b.first;
      count += b.rank[z]! - (a > 0 ? b.rank[a - 1]! : 0);
    }
    return count;
  }

  /** Holidays and closures in [from, to] (inside the range), sorted, by binary search in each year's list. */
  specialIn(from: number, to: number): Array<{ date: string; reason: string }> {
    const out: Array<{ date: string; reason: string }> = [];
    if (to < from) return out;
    for (let y = yearIndex(from), last = yearIndex(to); y <= last; y++) {
      const b = this.block(y);
      let lo = 0;
      let hi = b.special.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (b.special[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < b.special.length && b.special[i]! <= to; i++) {
        const n = b.special[i]!;
        out.push({ date: b.iso[n - b.first]!, reason: b.names.get(n)! });
      }
    }
    return out;
  }

  private block(i: number): YearBlock {
    return (this.blocks[i] ??= this.buildYear(i));
  }

  private buildYear(i: number): YearBlock {
    const year = FIRST_YEAR + i;
    const first = YEAR_START[i]!;
    const span = YEAR_START[i + 1]! - first;
    const g = (this.grouped ??= {
      official: new Map([...this.source.official].map(([d, list]) => [d, byYear(list.official, (h) => h.day)])),
      closures: byYear(this.source.closures, (n) => n),
      extra: byYear(this.source.extra, (e) => e.day),
      removed: byYear(this.source.removed, (n) => n),
    });

    // Names of the year's holidays: per day, each name with the divisions that have it, in division order.
    const perDay = new Map<number, Map<string, Division[]>>();
    for (const division of this.divisions) {
      const list = this.source.official.get(division);
      const days = list?.years.has(year) ? (g.official.get(division)![i] ?? []) : ruleHolidays(division, year);
      for (const { day, name } of days) {
        if (day < MIN_DAY || day > MAX_DAY) continue;
        let names = perDay.get(day);
        if (!names) perDay.set(day, (names = new Map()));
        const ds = names.get(name) ?? [];
        ds.push(division);
        names.set(name, ds);
      }
    }
    const names = new Map<number, string>();
    const many = this.divisions.length;
    for (const [day, byName] of perDay) {
      const label = [...byName]
        .map(([name, ds]) => (many > 1 && ds.length < many ? `${name} (${ds.map((d) => REGION_LABEL[d]).join(', ')})` : name))
        .join(' / ');
      names.set(day, label);
    }
    for (const day of g.removed[i] ?? []) names.delete(day);
    for (const { day, name } of g.extra[i] ?? []) names.set(day, name);
    for (const day of g.closures[i] ?? []) if (!names.has(day)) names.set(day, 'Local closure');

    const nonWorking = new Uint8Array(span);
    const rank = new Int32Array(span);
    const byRank = new Int32Array(span);
    const iso: string[] = new Array(span);
    let count = 0;
    let month = 1;
    let day = 1;
    let wd = isoWeekday(first);
    for (let k = 0; k < span; k++) {
      const n = first + k;
      const off = this.isWeekend[wd] === 1 || names.has(n);
      nonWorking[k] = off ? 1 : 0;
      if (!off) byRank[count++] = n;
      rank[k] = count;
      iso[k] = `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
      wd = wd === 7 ? 1 : wd + 1;
      day++;
      if (day > 28 && day > daysInMonth(year, month)) {
        day = 1;
        month++;
      }
    }
    const special = Int32Array.from([...names.keys()].sort((a, b) => a - b));
    return { first, nonWorking, rank, byRank: byRank.slice(0, count), iso, names, special };
  }
}
