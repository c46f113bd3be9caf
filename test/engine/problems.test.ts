/**
 * Data problems: returned in `.problems` beside the results, never thrown;
 * the rest of the case (and the other rules) is still evaluated. Hard input
 * errors (a case that does not match the schema, a bad as-of date) throw a
 * TimescalesInputError naming the field. Expected dates worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { defineProcedure, evaluateProcedure, TimescalesInputError } from '../../src/index';
import { anchors, deadlines, deadlinesInput } from './procedures/test-procedures';
import { codes, of, one, run } from './procedures/helpers';

// Referral Wed 20 Mar 2024 → visit due Fri 5 Apr 2024 (10 WD over Easter; see deadline.test.ts).
const REFERRAL = { type: 'referral', date: '2024-03-20' };

describe('unknown event names', () => {
  it('are reported with the nearest known name, and the rest is still evaluated', () => {
    const e = run(deadlines, [REFERRAL, { type: 'vist', date: '2024-03-26' }], '2024-04-30');
    const p = e.problems.find((x) => x.code === 'unknown-event');
    expect(p).toMatchObject({ caseId: 'C', procedure: 'test-deadlines', value: 'vist', event: { type: 'vist', date: '2024-03-26' } });
    expect(p!.message).toContain('did you mean "visit"');
    // The misspelt visit does not complete the visit; the referral still anchors it.
    expect(one(e, 'visit')).toMatchObject({ due: '2024-04-05', status: 'overdue' });
    expect(one(e, 'assessment').due).toBe('2024-03-27');
  });
  it('another near miss: "referal" → "referral"', () => {
    const e = run(deadlines, [{ type: 'referal', date: '2024-03-20' }], '2024-04-30');
    expect(e.problems[0]!.message).toContain('did you mean "referral"');
    expect(e).toHaveLength(0);
  });
  it('a name far from every known one gets no suggestion', () => {
    const e = run(deadlines, [{ type: 'zzzzzzzzzzzz', date: '2024-03-20' }], '2024-04-30');
    expect(codes(e)).toEqual(['unknown-event']);
    expect(e.problems[0]!.message).not.toContain('did you mean');
  });
  it('names of Object.prototype are unknown events, not crashes', () => {
    const e = run(deadlines, [REFERRAL, { type: 'constructor', date: '2024-03-21' }, { type: '__proto__', date: '2024-03-21' }, { type: 'toString', date: '2024-03-21' }], '2024-04-30');
    expect(codes(e)).toEqual(['unknown-event', 'unknown-event', 'unknown-event']);
    expect(one(e, 'visit').due).toBe('2024-04-05');
  });
});

describe('impossible dates', () => {
  it('2023-02-30 passes the pattern but not the calendar: a problem naming the value', () => {
    const e = run(deadlines, [REFERRAL, { type: 'visit', date: '2023-02-30' }], '2024-04-30');
    expect(e.problems).toContainEqual(expect.objectContaining({ code: 'invalid-date', value: '2023-02-30', column: 'date' }));
    expect(one(e, 'visit').status).toBe('overdue');
  });
  it('29 Feb exists only in a leap year; month 13 never', () => {
    expect(codes(run(deadlines, [{ type: 'visit', date: '2023-02-29' }], '2024-04-30'))).toContain('invalid-date');
    expect(codes(run(deadlines, [{ type: 'visit', date: '2024-13-01' }], '2024-04-30'))).toContain('invalid-date');
    expect(codes(run(deadlines, [{ type: 'note', date: '2024-02-29' }], '2024-04-30'))).toEqual([]);
  });
  it('an impossible date of birth is reported and the rules that need it are skipped', () => {
    const e = run(anchors, [{ type: 'referral', date: '2024-04-03' }], '2024-12-31', { dateOfBirth: '2022-02-30' });
    expect(e.problems).toContainEqual(expect.objectContaining({ code: 'invalid-date', column: 'dateOfBirth', value: '2022-02-30' }));
    expect(of(e, 'age-check')).toEqual([]);
    // Wed 3 Apr + 5 WD → Wed 10 Apr (see deadline.test.ts): other rules still run.
    expect(one(e, 'visit').due).toBe('2024-04-10');
  });
  it('a wall-clock time that does not exist (the hour skipped on 31 Mar 2024) is a data problem of that event only', () => {
    // 01:30 on Sun 31 Mar 2024 never happened in London (clocks jumped from 01:00 GMT to 02:00 BST).
    // The other arrest (Wed 20 Mar 10:00, attended 15:00, due Thu 21 Mar 10:00) must still be evaluated.
    const e = run(
      anchors,
      [
        { type: 'arrest', date: '2024-03-20T10:00' },
        { type: 'appropriate-adult', date: '2024-03-20T15:00' },
        { type: 'arrest', date: '2024-03-31T01:30' },
      ],
      '2024-04-30',
    );
    expect(e.problems).toContainEqual(expect.objectContaining({ code: 'invalid-date', value: '2024-03-31T01:30' }));
    expect(codes(e)).not.toContain('rule-not-evaluated');
    const first = of(e, 'appropriate-adult')[0];
    expect(first).toMatchObject({ due: '2024-03-21T10:00', status: 'met' });
  });
});

describe('duplicates', () => {
  it('an event repeated exactly is reported and counted once', () => {
    // Two referrals (Wed 20 Mar, Mon 25 Mar) and the same visit twice. The duplicate is reported once and adds
    // nothing: under C7 the one Tue 26 Mar visit is the first on or after each referral, so it completes both
    // (due Fri 5 Apr and Wed 10 Apr: met, met), exactly as it would with the visit recorded once.
    const events = [REFERRAL, { type: 'referral', date: '2024-03-25' }, { type: 'visit', date: '2024-03-26' }];
    const e = run(deadlines, [...events, { type: 'visit', date: '2024-03-26' }], '2024-04-30');
    expect(e.problems.filter((p) => p.code === 'duplicate-event')).toEqual([
      expect.objectContaining({ code: 'duplicate-event', event: { type: 'visit', date: '2024-03-26' } }),
    ]);
    expect(of(e, 'visit').map((r) => [r.due, r.status, r.completed?.date])).toEqual([
      ['2024-04-05', 'met', '2024-03-26'],
      ['2024-04-10', 'met', '2024-03-26'],
    ]);
    expect([...e]).toEqual([...run(deadlines, events, '2024-04-30')]);
  });
  it('the same type and date with different attributes is not a duplicate', () => {
    const e = run(deadlines, [{ type: 'strategy-discussion', date: '2024-06-03', s47: false }, { type: 'strategy-discussion', date: '2024-06-03', s47: true }], '2024-06-30');
    expect(codes(e)).not.toContain('duplicate-event');
    expect(one(e, 'icpc').due).toBe('2024-06-24');
  });
});

describe('events in an impossible order', () => {
  it('a completing event before its anchor is reported, and does not complete it', () => {
    const e = run(deadlines, [REFERRAL, { type: 'visit', date: '2024-03-19' }], '2024-04-30');
    expect(e.problems).toContainEqual(expect.objectContaining({ code: 'completion-before-anchor', rule: 'visit', event: { type: 'visit', date: '2024-03-19' } }));
    expect(one(e, 'visit').completed).toBeUndefined();
  });
  it('a rule may switch that report off (completion.reportEarly: false); it still does not complete it', () => {
    const input = JSON.parse(JSON.stringify(deadlinesInput));
    input.rules[0].completion.reportEarly = false;
    input.order = [];
    const quiet = defineProcedure(input);
    const e = run(quiet, [REFERRAL, { type: 'visit', date: '2024-03-19' }], '2024-04-30');
    expect(codes(e)).not.toContain('completion-before-anchor');
    expect(one(e, 'visit')).toMatchObject({ due: '2024-04-05', status: 'overdue' });
  });
  it('a step dated before the step it follows (procedure order) is reported', () => {
    const e = run(deadlines, [REFERRAL, { type: 'visit', date: '2024-03-19' }], '2024-04-30');
    expect(e.problems).toContainEqual(expect.objectContaining({ code: 'out-of-order', event: { type: 'visit', date: '2024-03-19' } }));
  });
  it('steps in order give no problem at all', () => {
    expect(run(deadlines, [REFERRAL, { type: 'visit', date: '2024-03-20' }], '2024-04-30').problems).toEqual([]);
  });
});

describe('a missing date of birth', () => {
  it('is reported once per rule that needs it; the other rules still evaluate', () => {
    const e = run(anchors, [{ type: 'referral', date: '2024-04-03' }, { type: 'became-looked-after', date: '2024-05-01' }], '2024-12-31');
    const dob = e.problems.filter((p) => p.code === 'missing-date-of-birth');
    expect(dob.map((p) => p.rule).sort()).toEqual(['age-check', 'before-three', 'looked-after-at-3']);
    expect(of(e, 'age-check')).toEqual([]);
    expect(one(e, 'visit').due).toBe('2024-04-10');
  });
});

describe('many problems at once: never thrown, every one reported', () => {
  it('collects them all and still evaluates what it can', () => {
    const e = run(
      deadlines,
      [
        REFERRAL,
        { type: 'vist', date: '2024-03-26' },
        { type: 'visit', date: '2023-02-30' },
        { type: 'assessment', date: '2024-03-22' },
        { type: 'assessment', date: '2024-03-22' },
        { type: 'visit', date: '2024-03-19' },
      ],
      '2024-04-30',
    );
    expect(new Set(codes(e))).toEqual(new Set(['unknown-event', 'invalid-date', 'duplicate-event', 'completion-before-anchor', 'out-of-order']));
    expect(one(e, 'assessment').status).toBe('met');
    expect(one(e, 'visit').status).toBe('overdue');
  });
});

describe('hard input errors throw a TimescalesInputError naming the field', () => {
  const fieldOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(TimescalesInputError);
      return (e as TimescalesInputError).field;
    }
    throw new Error('no error thrown');
  };
  it('a date in UK form where ISO is expected', () => {
    expect(fieldOf(() => run(deadlines, [{ type: 'referral', date: '31/12/2024' }], '2024-04-30'))).toBe('case.events[0].date');
  });
  it('an impossible or missing as-of date', () => {
    expect(fieldOf(() => run(deadlines, [REFERRAL], '2024-02-30'))).toBe('asOf');
    expect(fieldOf(() => evaluateProcedure(deadlines, { id: 'C', events: [] }, {} as never))).toBe('asOf');
  });
  it('a case without an id', () => {
    expect(fieldOf(() => evaluateProcedure(deadlines, { events: [] } as never, { asOf: '2024-04-30' }))).toBe('case.id');
  });
  it('a bad warning window', () => {
    expect(fieldOf(() => run(deadlines, [REFERRAL], '2024-04-30', { dueSoonWithin: 'soon' }))).toBe('dueSoonWithin');
  });
});

describe('groupProblems', () => {
  it('counts each code, the most frequent first, keeping the first few of each in input order', async () => {
    const { groupProblems } = await import('../../src/engine/problems');
    const p = (code: 'invalid-date' | 'missing-value' | 'unknown-event', line: number, severity: 'error' | 'warning' = 'error') => ({ code, severity, message: 'm', file: 'e.csv', line });
    const groups = groupProblems([p('missing-value', 2), p('invalid-date', 3), p('invalid-date', 4), p('invalid-date', 5, 'warning'), p('unknown-event', 6), p('invalid-date', 7)], 2);
    // invalid-date 4 (3 errors, 1 warning), then missing-value 1 and unknown-event 1 in order of first appearance.
    expect(groups.map((g) => [g.code, g.count, g.errors, g.warnings, g.examples.map((e) => e.line)])).toEqual([
      ['invalid-date', 4, 3, 1, [3, 4]],
      ['missing-value', 1, 1, 0, [2]],
      ['unknown-event', 1, 1, 0, [6]],
    ]);
  });
});
