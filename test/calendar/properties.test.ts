/**
 * Property tests of the working-day calendar (docs/architecture.md, "Quality bars").
 *
 * The oracle used below is independent code written here: integer day
 * numbers, a weekday formula and the official gov.uk list read as raw JSON
 * (src/calendar/govuk-bank-holidays.json), walked one day at a time. No JS Date in local time,
 * so the suite gives the same answers under any TZ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/index';
import { daysFromIso, isoFromDays, isoWeekday, official } from './reference';

const RUNS = 5000;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Arbitrary ISO date between two ISO dates inclusive. */
function isoDate(from: string, to: string) {
  return fc.integer({ min: daysFromIso(from), max: daysFromIso(to) }).map(isoFromDays);
}

const cal = createCalendar();

// ---- the reference implementation (oracle), official years only ----
const OFFICIAL_FIRST = daysFromIso('2012-01-01');
const OFFICIAL_LAST = daysFromIso('2028-12-31');
function refWorking(region: string): (z: number) => boolean {
  const regions = region === 'united-kingdom' ? ['england-and-wales', 'scotland', 'northern-ireland'] : [region];
  const hols = new Set<number>();
  for (const r of regions) for (const e of official[r].events) hols.add(daysFromIso(e.date));
  return (z: number) => {
    if (z < OFFICIAL_FIRST || z > OFFICIAL_LAST) throw new Error(`oracle asked about ${isoFromDays(z)}`);
    return isoWeekday(z) < 6 && !hols.has(z);
  };
}
function refAdd(working: (z: number) => boolean, iso: string, n: number): string {
  let z = daysFromIso(iso);
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    z += step;
    if (working(z)) left--;
  }
  return isoFromDays(z);
}
/** Working days after start up to and including end; −(the same count from end to start) when end < start. */
function refBetween(working: (z: number) => boolean, a: string, b: string): number {
  const za = daysFromIso(a);
  const zb = daysFromIso(b);
  const [lo, hi, sign] = zb >= za ? [za, zb, 1] : [zb, za, -1];
  let count = 0;
  for (let z = lo + 1; z <= hi; z++) if (working(z)) count++;
  return n0(sign * count);
}

/** normalise −0 to 0 (toBe uses Object.is; a −0 count is not worth failing over) */
const n0 = (v: number) => v + 0;

const nonZero = (min: number, max: number) => fc.integer({ min, max }).filter((n) => n !== 0);

describe('oracle sanity (hand-checked values, so the oracle can be trusted)', () => {
  it('reproduces the C2 example and its mirror', () => {
    const w = refWorking('england-and-wales');
    expect(refAdd(w, '2024-03-27', 3)).toBe('2024-04-03'); // Thu 28, [GF, Sat, Sun, EM], Tue 2, Wed 3
    expect(refAdd(w, '2024-03-30', 1)).toBe('2024-04-02'); // [Sun 31, EM 1 Apr], Tue 2
    expect(refAdd(w, '2024-04-03', -3)).toBe('2024-03-27');
    expect(refBetween(w, '2024-03-27', '2024-04-03')).toBe(3);
    expect(refBetween(w, '2024-04-03', '2024-03-27')).toBe(-3);
  });
});

describe('addWorkingDays properties (2015–2035, n in −400..400)', () => {
  const d = isoDate('2015-01-01', '2035-12-31');

  it('the result is a working day when n ≠ 0', () => {
    fc.assert(
      fc.property(d, nonZero(-400, 400), (x, n) => {
        expect(cal.isWorkingDay(cal.addWorkingDays(x, n))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('n = 0 returns the date unchanged', () => {
    fc.assert(
      fc.property(d, (x) => {
        expect(cal.addWorkingDays(x, 0)).toBe(x);
      }),
      { numRuns: 1000 },
    );
  });

  it('the result is strictly after d for n > 0 and strictly before for n < 0', () => {
    fc.assert(
      fc.property(d, nonZero(-400, 400), (x, n) => {
        const r = cal.addWorkingDays(x, n);
        if (n > 0) expect(r > x).toBe(true);
        else expect(r < x).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for a working day d', () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -400, max: 400 }), (x, n) => {
        // move x onto a working day first (the first one on or after x)
        const w = cal.isWorkingDay(x) ? x : cal.nextWorkingDay(x);
        expect(n0(cal.workingDaysBetween(w, cal.addWorkingDays(w, n)))).toBe(n);
      }),
      { numRuns: RUNS },
    );
  });

  it('for a non-working d: n for n ≥ 0; n + 1 for n < 0 (d itself is not counted by the mirror)', () => {
    // For n < 0, r = addWorkingDays(d, n) is the |n|-th working day strictly before d, and
    // workingDaysBetween(d, r) = −workingDaysBetween(r, d) = −(working days in (r, d]) = −(|n| − 1),
    // because d, not being a working day, does not count. (See the report on the reading of "mirrored".)
    const nonWorking = d.filter((x) => !cal.isWorkingDay(x));
    fc.assert(
      fc.property(nonWorking, fc.integer({ min: -400, max: 400 }), (x, n) => {
        const r = cal.addWorkingDays(x, n);
        expect(n0(cal.workingDaysBetween(x, r))).toBe(n >= 0 ? n : n + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding n then −n returns to the first working day on or before d (n > 0)', () => {
    fc.assert(
      fc.property(d, fc.integer({ min: 1, max: 400 }), (x, n) => {
        const back = cal.addWorkingDays(cal.addWorkingDays(x, n), -n);
        const expected = cal.isWorkingDay(x) ? x : cal.previousWorkingDay(x);
        expect(back).toBe(expected);
        expect(back <= x).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding −n then n returns to the first working day on or after d (n > 0)', () => {
    fc.assert(
      fc.property(d, fc.integer({ min: 1, max: 400 }), (x, n) => {
        const fwd = cal.addWorkingDays(cal.addWorkingDays(x, -n), n);
        const expected = cal.isWorkingDay(x) ? x : cal.nextWorkingDay(x);
        expect(fwd).toBe(expected);
        expect(fwd >= x).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('monotonic in d: d1 ≤ d2 ⇒ addWorkingDays(d1, n) ≤ addWorkingDays(d2, n)', () => {
    fc.assert(
      fc.property(d, d, fc.integer({ min: -400, max: 400 }), (a, b, n) => {
        const [d1, d2] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(d1, n) <= cal.addWorkingDays(d2, n)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('monotonic in d for close dates (a few days apart, where off-by-one bugs live)', () => {
    fc.assert(
      fc.property(d, fc.integer({ min: 0, max: 5 }), fc.integer({ min: -30, max: 30 }), (a, gap, n) => {
        const b = isoFromDays(daysFromIso(a) + gap);
        expect(cal.addWorkingDays(a, n) <= cal.addWorkingDays(b, n)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('strictly increasing in n: n1 < n2 ⇒ addWorkingDays(d, n1) < addWorkingDays(d, n2)', () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }), (x, p, q) => {
        fc.pre(p !== q);
        const [n1, n2] = p < q ? [p, q] : [q, p];
        expect(cal.addWorkingDays(x, n1) < cal.addWorkingDays(x, n2)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("add(d, 'Nwd') equals addWorkingDays(d, N)", () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -400, max: 400 }), (x, n) => {
        expect(cal.add(x, `${n}wd`)).toBe(cal.addWorkingDays(x, n));
        if (n >= 0) expect(cal.add(x, `+${n}wd`)).toBe(cal.addWorkingDays(x, n));
        expect(cal.addDetailed(x, `${n}wd`).date).toBe(cal.addWorkingDays(x, n));
      }),
      { numRuns: RUNS },
    );
  });

  it('nextWorkingDay / previousWorkingDay = ±1 working day', () => {
    fc.assert(
      fc.property(d, (x) => {
        expect(cal.nextWorkingDay(x)).toBe(cal.addWorkingDays(x, 1));
        expect(cal.previousWorkingDay(x)).toBe(cal.addWorkingDays(x, -1));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('workingDaysBetween properties', () => {
  const d = isoDate('2015-01-01', '2035-12-31');

  it('additive along the time line: a ≤ b ≤ c ⇒ between(a,b) + between(b,c) = between(a,c)', () => {
    fc.assert(
      fc.property(d, d, d, (p, q, r) => {
        const [a, b, c] = [p, q, r].sort();
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
      }),
      { numRuns: 2000 },
    );
  });

  it('mirrored: between(a, b) === −between(b, a)', () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -400, max: 400 }), (a, k) => {
        const b = isoFromDays(daysFromIso(a) + k);
        const ab = cal.workingDaysBetween(a, b);
        const ba = cal.workingDaysBetween(b, a);
        expect(n0(ab + ba)).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('non-decreasing in end, non-increasing in start', () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -200, max: 200 }), fc.integer({ min: 0, max: 10 }), (a, k, step) => {
        const b = isoFromDays(daysFromIso(a) + k);
        const b2 = isoFromDays(daysFromIso(b) + step);
        const a2 = isoFromDays(daysFromIso(a) + step);
        expect(cal.workingDaysBetween(a, b2) >= cal.workingDaysBetween(a, b)).toBe(true);
        expect(cal.workingDaysBetween(a2, b) <= cal.workingDaysBetween(a, b)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('agreement with a day-by-day reference implementation on the official years (2012–2028)', () => {
  // keep every walk inside 2012–2028 so the oracle knows every day it meets:
  // start dates ≥ 400 days from either end; n ≤ 100 working days (< 200 calendar days).
  const inner = fc.integer({ min: OFFICIAL_FIRST + 400, max: OFFICIAL_LAST - 400 }).map(isoFromDays);

  for (const region of ['england-and-wales', 'scotland', 'northern-ireland', 'united-kingdom'] as const) {
    const c = createCalendar({ region });
    const w = refWorking(region);
    const runs = region === 'england-and-wales' ? RUNS : 2000;

    it(`${region}: addWorkingDays`, () => {
      fc.assert(
        fc.property(inner, fc.integer({ min: -100, max: 100 }), (x, n) => {
          expect(c.addWorkingDays(x, n)).toBe(refAdd(w, x, n));
        }),
        { numRuns: runs },
      );
    });

    it(`${region}: workingDaysBetween (spans up to ±400 days)`, () => {
      fc.assert(
        fc.property(inner, fc.integer({ min: -400, max: 400 }), (a, k) => {
          const b = isoFromDays(daysFromIso(a) + k);
          expect(n0(c.workingDaysBetween(a, b))).toBe(refBetween(w, a, b));
        }),
        { numRuns: runs },
      );
    });

    it(`${region}: isWorkingDay, nextWorkingDay, previousWorkingDay`, () => {
      fc.assert(
        fc.property(inner, (x) => {
          const z = daysFromIso(x);
          expect(c.isWorkingDay(x)).toBe(w(z));
          expect(c.nextWorkingDay(x)).toBe(refAdd(w, x, 1));
          expect(c.previousWorkingDay(x)).toBe(refAdd(w, x, -1));
        }),
        { numRuns: runs },
      );
    });
  }

  it('england-and-wales: workingDaysBetween over long spans anywhere in 2012–2028', () => {
    const c = createCalendar();
    const w = refWorking('england-and-wales');
    const any = fc.integer({ min: OFFICIAL_FIRST, max: OFFICIAL_LAST }).map(isoFromDays);
    fc.assert(
      fc.property(any, any, (a, b) => {
        expect(n0(c.workingDaysBetween(a, b))).toBe(refBetween(w, a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('england-and-wales: countStartDay = start day is day 1 when it is a working day', () => {
    // oracle: working start X → X + N = the (N−1)th working day after X; non-working X → the N-th after X
    const c = createCalendar();
    const w = refWorking('england-and-wales');
    fc.assert(
      fc.property(inner, fc.integer({ min: 1, max: 100 }), (x, n) => {
        const expected = w(daysFromIso(x)) ? refAdd(w, x, n - 1) : refAdd(w, x, n);
        expect(c.addWorkingDays(x, n, { countStartDay: true })).toBe(expected);
        expect(c.add(x, `${n}wd`, { countStartDay: true })).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('calendar-day units (2015–2035)', () => {
  const d = isoDate('2015-01-01', '2035-12-31');

  it("add(d, 'Nm'): same day-of-month N months later, clamped to the target month's length", () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -120, max: 120 }), (x, n) => {
        const [y, m, day] = x.split('-').map(Number);
        const idx = y * 12 + (m - 1) + n;
        const ty = Math.floor(idx / 12);
        const tm = (idx % 12) + 1;
        const td = Math.min(day, daysInMonth(ty, tm));
        const expected = `${ty}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
        expect(cal.add(x, `${n}m`)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("add(d, 'Ny'): same day N years later, 29 Feb → 28 Feb in a common year", () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -20, max: 20 }), (x, n) => {
        const [y, m, day] = x.split('-').map(Number);
        const ty = y + n;
        const td = Math.min(day, daysInMonth(ty, m));
        const expected = `${ty}-${String(m).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
        expect(cal.add(x, `${n}y`)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("add(d, 'Nd') is N calendar days, add(d, 'Nw') is 7N days, never rolled by default", () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -800, max: 800 }), (x, n) => {
        expect(cal.add(x, `${n}d`)).toBe(isoFromDays(daysFromIso(x) + n));
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(d, fc.integer({ min: -100, max: 100 }), (x, n) => {
        expect(cal.add(x, `${n}w`)).toBe(isoFromDays(daysFromIso(x) + 7 * n));
      }),
      { numRuns: RUNS },
    );
  });

  it('roll forward / backward = the nearest working day on or after / on or before the plain result', () => {
    fc.assert(
      fc.property(d, fc.integer({ min: -400, max: 400 }), (x, n) => {
        const plain = cal.add(x, `${n}d`);
        const fwd = cal.add(x, `${n}d`, { roll: 'forward' });
        const bwd = cal.add(x, `${n}d`, { roll: 'backward' });
        if (cal.isWorkingDay(plain)) {
          expect(fwd).toBe(plain);
          expect(bwd).toBe(plain);
        } else {
          expect(fwd).toBe(cal.nextWorkingDay(plain));
          expect(bwd).toBe(cal.previousWorkingDay(plain));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
