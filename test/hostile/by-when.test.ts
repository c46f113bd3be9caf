/** Issue 13, item 9: a BY WHEN cell longer than MAX_BY_WHEN_LENGTH is not parsed (no regex backtracking) and says so. */
import { describe, expect, it } from 'vitest';
import { assessAction, MAX_BY_WHEN_LENGTH, parseByWhen } from '../../src/io/action-plan-text';

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
