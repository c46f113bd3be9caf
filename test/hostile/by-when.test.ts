/** Issue 13, item 9: a BY WHEN cell longer than MAX_BY_WHEN_LENGTH is not parsed (no regex backtracking) and says so. */
import { describe, expect, it, vi } from 'vitest';
import { assessAction, MAX_BY_WHEN_LENGTH, parseByWhen, reviewSuffix } from '../../src/io/action-plan-text';

describe('BY WHEN cell length (item 9)', () => {
  it('a 192 KB cell of "review" words is not understood, with its length in the message', () => {
    const cell = 'a review '.repeat(192 * 1024 / 9);
    expect(parseByWhen(cell, '2012-05-01')).toEqual({ kind: 'unparsed', text: cell, tooLong: true });
    const a = assessAction({ id: '1', by_when: cell, status: '' }, '2012-05-01', '2012-05-01');
    expect(a.contradictions).toEqual([`by_when is ${cell.length.toLocaleString('en-GB')} characters long, more than the ${MAX_BY_WHEN_LENGTH} read: not understood, no due date`]);
  });

  it('a cell at the limit is still read', () => {
    // April 2012 ends Mon 30 Apr 2012; the review month June 2012 ends Sat 30 Jun 2012.
    const cell = `${'x'.repeat(MAX_BY_WHEN_LENGTH - 'April 2012 (review June 2012)'.length - 1)} April 2012 (review June 2012)`;
    expect(cell.length).toBe(MAX_BY_WHEN_LENGTH);
    expect(parseByWhen('April 2012 (review June 2012)', '2012-05-01')).toEqual({ kind: 'month', due: '2012-04-30', review: '2012-06-30' });
    expect(parseByWhen(cell, '2012-05-01').kind).toBe('unparsed'); // words before the date are not a due date, but it was read
    expect(parseByWhen(cell, '2012-05-01')).not.toHaveProperty('tooLong');
  });
});

/**
 * Item 9, the pattern itself: the review suffix was read by one regular expression whose two lazy
 * groups backtrack ("review by " repeated costs the square of the length). `reviewSuffix` reads
 * it in linear time; these tests pin that it reads exactly what that expression read, and that its
 * work grows with the length, not its square (counted, not timed).
 */
describe('review suffix read in linear time (item 9)', () => {
  const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  const YEAR = "'?(\\d{4}|\\d{2})";
  const MY = `${MONTH}\\s+${YEAR}`;
  const DAY_NAMED = `(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+${YEAR}`;
  const DAY_NUMERIC = '(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})';
  const DAY_ISO = '(\\d{4})-(\\d{2})-(\\d{2})';
  /** The expression used before (fine on short text), as the reference. */
  const OLD = new RegExp(`^(.+?)\\s?[(,;-]?\\s?review(?:ed)?(?: by (.+?))?(?: in)? (${MY}|${DAY_NAMED}|${DAY_NUMERIC}|${DAY_ISO})\\)?$`, 'i');
  const old = (t: string) => {
    const r = OLD.exec(t);
    return r ? { core: r[1]!, by: r[2], date: r[3]! } : undefined;
  };
  const norm = (x: { core: string; by?: string; date: string } | undefined) => (x ? { core: x.core, by: x.by, date: x.date } : undefined);

  it('reads the cells of the plans as the old expression did', () => {
    for (const t of [
      'April 2012 (review June 2012)',
      'April 2012 (review by LSCB May 2012)',
      'April 2012 (review by LSCB in May 2012)',
      'April 2012, reviewed in 1st May 2012',
      'April 2012 - Review 31/05/2012',
      'April 2012; review 2012-05-31)',
      'April 2012 (review Juno 2012)',
      'review June 2012',
      'x review by review by May 12',
      'April 2012 (review by x 12 May 2012)',
    ]) {
      expect(norm(reviewSuffix(t)), t).toEqual(old(t));
    }
  });

  it('agrees with the old expression on 20,000 generated short cells', () => {
    // A small deterministic generator (LCG) over the pieces the expression cares about.
    const pieces = ['review', 'Review', 'ed', ' by ', ' in ', ' ', '(', ')', ',', '-', ';', 'x', 'LSCB', 'May 2012', 'June 12', '1', '12 ', 'May', ' 2012', '1st May 2012', '31/05/2012', '2012-05-31', 'April 2012'];
    let seed = 13;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 20_000; k++) {
      let t = '';
      const n = 1 + (next() % 9);
      for (let j = 0; j < n; j++) t += pieces[next() % pieces.length];
      t = t.replace(/ +/g, ' ').trim(); // the reader sees normalised text
      expect(norm(reviewSuffix(t)), t).toEqual(old(t));
    }
  });

  /** Characters handed to RegExp#test while reading `t`: the reader's work, apart from one scan for "review". */
  function work(t: string): number {
    const spy = vi.spyOn(RegExp.prototype, 'test');
    try {
      reviewSuffix(t);
      return spy.mock.calls.reduce((sum, [s]) => sum + String(s).length, 0);
    } finally {
      spy.mockRestore();
    }
  }

  it('"review by " repeated (what made the old expression quadratic): no match, work linear in the length', () => {
    for (const unit of ['review by ', 'a review ', 'review by x in ', '(review - ']) {
      const short = unit.repeat(5_000).trim();
      const long = unit.repeat(10_000).trim();
      expect(reviewSuffix(short)).toBeUndefined();
      expect(reviewSuffix(long)).toBeUndefined();
      // Doubling the text at most doubles the work (plus the constant tail of at most 40 date starts).
      expect(work(long), unit).toBeLessThanOrEqual(2 * work(short) + 40 * 40);
    }
    // And with a date at the end it is read, the first "review" winning, the reviewer the text up to the date.
    const cell = `x ${'review by '.repeat(10_000)}May 2012`;
    const r = reviewSuffix(cell)!;
    expect(r.core).toBe('x');
    expect(r.date).toBe('May 2012');
    expect(r.by).toBe('review by '.repeat(10_000).slice(' review by'.length - 1, -1).replace(/^ /, ''));
  });

  it('an adversarial cell just under the cap is read, just over it is refused', () => {
    // Due April 2012 → Mon 30 Apr 2012 (last day of the month). The reviewer is everything from the first
    // "review by " to the date, as the old expression read it; review May 2012 → Thu 31 May 2012.
    const under = `April 2012 (review by ${'review by '.repeat(16)}May 2012)`;
    expect(under.length).toBeLessThanOrEqual(MAX_BY_WHEN_LENGTH);
    expect(parseByWhen(under, '2012-05-01')).toEqual({
      kind: 'month',
      due: '2012-04-30',
      review: '2012-05-31',
      reviewBy: 'review by '.repeat(16).trim(),
    });
    const over = `April 2012 (review by ${'review by '.repeat(20)}May 2012)`;
    expect(over.length).toBeGreaterThan(MAX_BY_WHEN_LENGTH);
    expect(parseByWhen(over, '2012-05-01')).toEqual({ kind: 'unparsed', text: over, tooLong: true });
  });
});
