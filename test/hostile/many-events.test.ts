/**
 * Issue 13, item 8: one case with many events. A cycle looked for each occurrence's completing event from the
 * start of the case's list, and each cycle-task looked for its own completing event and its scheduling event
 * the same way: work the square of the events. They now search the day-ordered list (binary search, and a
 * "next unused" link for events already taken), so the work grows as n log n.
 *
 * Not timed: the work is counted as the elements handed to the array scans the engine uses (find, filter,
 * some, findIndex), at n and 2n events. Linear (or n log n) work about doubles; the scans per occurrence
 * made it about quadruple.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index';

/** Day `d` after Mon 1 Jan 1990, as ISO (UTC arithmetic on whole days: no time zone enters). */
function iso(d: number): string {
  return new Date(Date.UTC(1990, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
}

/** One looked-after child with `days` days of reviews, each day a review and four of its tasks' events (5 events a day). */
function bigCase(days: number) {
  const events: { type: string; date: string; reviewDate?: string }[] = [{ type: 'became-looked-after', date: iso(0) }];
  for (let d = 1; d <= days; d++) {
    events.push({ type: 'review-scheduled', date: iso(d), reviewDate: iso(d + 1) });
    events.push({ type: 'invitations-sent', date: iso(d) });
    events.push({ type: 'iro-visit', date: iso(d) });
    events.push({ type: 'care-plan-updated', date: iso(d) });
    events.push({ type: 'lac-review', date: iso(d) });
  }
  // Born Fri 1 Jun 1984: 16 on Thu 1 Jun 2000, inside the run, so staying-put and pathway-transition each choose one review.
  return { id: 'one-child', dateOfBirth: '1984-06-01', events };
}

/** Elements visited by array scans while `f` runs. */
function scanned(f: () => void): number {
  const names = ['find', 'filter', 'some', 'findIndex'] as const;
  const originals = names.map((name) => Array.prototype[name]);
  let visited = 0;
  names.forEach((name, k) => {
    const original = originals[k] as (...args: unknown[]) => unknown;
    (Array.prototype as unknown as Record<string, unknown>)[name] = function (this: unknown[], ...args: unknown[]) {
      visited += this.length;
      return original.apply(this, args);
    };
  });
  try {
    f();
  } finally {
    names.forEach((name, k) => ((Array.prototype as unknown as Record<string, unknown>)[name] = originals[k]));
  }
  return visited;
}

describe('one case with many events (item 8)', () => {
  it('20,000 events of one child are evaluated, and doubling them at most doubles the scanning (plus a little)', () => {
    let small: ReturnType<typeof evaluate> | undefined;
    let large: ReturnType<typeof evaluate> | undefined;
    const n = scanned(() => (small = evaluate('lac-review', bigCase(2_000), { asOf: '2030-01-01', trace: false })));
    const n2 = scanned(() => (large = evaluate('lac-review', bigCase(4_000), { asOf: '2030-01-01', trace: false })));
    // 1 + 5 × 4,000 = 20,001 events; every review is held the day after the previous (days 1 … 4,000), so the
    // cycle has 4,000 occurrences, each completed, and one more open after the last.
    expect(large!.filter((r) => r.rule === 'review-cycle')).toHaveLength(4_001);
    expect(small!.filter((r) => r.rule === 'review-cycle')).toHaveLength(2_001);
    // The 16th birthday is Thu 1 Jun 2000 = day 3,804 after Mon 1 Jan 1990: to 1 Jan 2000 is 10 × 365 + 2 leap
    // days (1992, 1996) = 3,652; Jan–May 2000 adds 31 + 29 + 31 + 30 + 31 = 152. pathway-transition is the last
    // review before it (day 3,803, Wed 31 May 2000); staying-put the first on or after it (day 3,804).
    const pathway = large!.filter((r) => r.rule === 'pathway-transition');
    const stayingPut = large!.filter((r) => r.rule === 'staying-put');
    expect(pathway.map((r) => r.completed?.date)).toEqual(['2000-05-31']);
    expect(stayingPut.map((r) => r.completed?.date)).toEqual(['2000-06-01']);
    // Quadratic scanning would make n2 about 4 × n.
    expect(n2).toBeLessThan(2.5 * n);
  });
});
